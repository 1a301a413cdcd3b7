namespace DigestSite.Corpus;

/// <summary>A paper being generated: what it says and who wrote it, before it is written out.</summary>
internal sealed record Draft(int Index, DateOnly Issue, Lab Lab, IReadOnlyList<Person> Authors, IReadOnlyList<Topic> Topics,
    PaperWords Words, string Title, IReadOnlyList<Paragraph> Summary)
{
    public required string Slug { get; init; }
    /// <summary>As written in front matter, sometimes with a version ("2403.01234v2"); null for a paper not on arXiv.</summary>
    public string? Arxiv { get; init; }
    public DateOnly? Published { get; init; }
    public int Upvotes { get; init; }
    public IReadOnlyList<(string Name, string Url)> Links { get; init; } = [];
    public string? SubmittedBy { get; init; }
    /// <summary>The authors as this paper prints them (a planted variant where chosen).</summary>
    public IReadOnlyList<string> AuthorNames { get; init; } = [];

    public string Method => Words.Method;

    public string Url => Arxiv is null ? Words.CodeUrl : "https://arxiv.org/abs/" + Slug;

    public string SummaryText => string.Join("\n\n", Summary.Select(p => p.Text));
}

/// <summary>A paragraph of a summary: sentences, or the items of a bullet list.</summary>
internal sealed record Paragraph(IReadOnlyList<string> Sentences, bool IsList = false)
{
    public string Text => IsList ? string.Join("\n", Sentences.Select(s => "- " + s)) : string.Join(' ', Sentences);

    public int WordCount => Sentences.Sum(s => s.Count(c => c == ' ') + 1);
}
