using System.Text;

namespace DigestSite.Archive;

/// <summary>
/// A person of the archive: every paper printing one of their spellings, newest issue first.
/// </summary>
/// <param name="Name">The registry's name, or the spelling papers print when the registry does not know them.</param>
/// <param name="Spellings">Every spelling the archive prints for them, the name first if printed, then in order of first use.</param>
/// <param name="Papers">Newest issue first, in each issue in the issue's order.</param>
/// <param name="Registered">Their entry of authors.yml, if any.</param>
public sealed record Author(string Name, string Slug, AuthorName Parts, IReadOnlyList<string> Spellings, IReadOnlyList<Paper> Papers, RegisteredAuthor? Registered)
{
    public DateOnly FirstIssue => Papers[^1].IssueDate;
}

/// <summary>
/// The archive's authors, one per person: spellings the registry lists as aliases are folded into
/// its canonical name; any other spelling is a person of its own. Each person gets a slug for their
/// URL (<see cref="AuthorSlugs"/>).
/// </summary>
public sealed class AuthorIndex
{
    private readonly Dictionary<string, Author> bySpelling;

    /// <summary>
    /// Papers with more authors (a consortium's) make nobody a co-author, on author pages and for the name-variant
    /// check: with thousands of names every pair would be counted (quadratic in one file's authors), and the list would
    /// say nothing about whom an author works with.
    /// </summary>
    public const int MaxAuthorsForCoAuthors = 100;

    /// <summary>A–Z by family name (folded), then given names, then the name itself, ordinal.</summary>
    public IReadOnlyList<Author> People { get; }

    private AuthorIndex(IReadOnlyList<Author> people, Dictionary<string, Author> bySpelling)
    {
        People = people;
        this.bySpelling = bySpelling;
    }

    /// <summary>The person a paper's spelling names.</summary>
    public Author Of(string spelling) => bySpelling[spelling];

    public static AuthorIndex Build(DigestArchive archive)
    {
        var registry = archive.Registry;
        var papers = new Dictionary<string, List<Paper>>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Archive order is newest first; spellings are ordered by first use, so the papers are read oldest first.
        var ordered = archive.Papers.ToArray();
        for (int i = ordered.Length - 1; i >= 0; i--)
        {
            var paper = ordered[i];
            foreach (var spelling in paper.Authors)
            {
                var name = registry.Canonical(spelling);
                if (!papers.TryGetValue(name, out var list))
                {
                    papers[name] = list = [];
                    spellings[name] = [];
                }
                if (list.Count == 0 || !ReferenceEquals(list[^1], paper)) list.Add(paper);
                if (!spellings[name].Contains(spelling)) spellings[name].Add(spelling);
            }
        }

        var people = papers.Select(kv =>
        {
            kv.Value.Reverse();
            var written = spellings[kv.Key];
            var shown = written.Contains(kv.Key) ? [kv.Key, .. written.Where(s => s != kv.Key)] : written;
            return new Author(kv.Key, "", AuthorName.Parse(kv.Key), shown, kv.Value, registry.Find(kv.Key));
        }).ToList();
        people = AuthorSlugs.Assign(people);
        people.Sort(AlphabeticalOrder);

        var bySpelling = new Dictionary<string, Author>(StringComparer.Ordinal);
        foreach (var person in people)
            foreach (var spelling in person.Spellings) bySpelling[spelling] = person;
        return new AuthorIndex(people, bySpelling);
    }

    /// <summary>By letter (A–Z, then "#": names not starting with A–Z), then family name, given names and name.</summary>
    public static readonly Comparison<Author> AlphabeticalOrder = (a, b) =>
    {
        int c = (a.Parts.Letter == "#").CompareTo(b.Parts.Letter == "#");
        if (c == 0) c = string.CompareOrdinal(a.Parts.FamilyKey, b.Parts.FamilyKey);
        if (c == 0) c = string.CompareOrdinal(a.Parts.GivenKey, b.Parts.GivenKey);
        if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
        return c;
    };
}

/// <summary>
/// Author slugs: the name in ASCII, lowercase, words joined by "-" ("Jörg Müller" -> "jorg-muller",
/// "J. R. R. Tolkien" -> "j-r-r-tolkien", "Ludwig van Beethoven" -> "ludwig-van-beethoven",
/// "O'Brien" -> "obrien", "王伟" -> "wangwei"; "author" when nothing is left). Two people whose names make the same slug ("Jörg Müller" and
/// "Jorg Muller", until the registry says they are one): the one whose first paper is in the older
/// issue keeps the plain slug (a tie: the name first in ordinal order), the next gets "-2", then
/// "-3". So a slug, once published, stays as long as no older paper is added. "page" (the author
/// list's pages) and the names Windows reserves are taken from the start, as if an older person had them.
/// </summary>
public static class AuthorSlugs
{
    public const int MaxLength = 80;

    private static readonly string[] Reserved =
        ["page", "con", "prn", "aux", "nul", .. Enumerable.Range(0, 10).SelectMany(n => new[] { $"com{n}", $"lpt{n}" })];

    public static string Of(string name)
    {
        var slug = new StringBuilder(name.Length + 8);
        foreach (char c in AuthorName.Fold(name))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (c != '\'') Separate(slug);
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength) result = result[..MaxLength].TrimEnd('-');
        return result.Length > 0 ? result : "author";
    }

    private static StringBuilder Separate(StringBuilder slug)
    {
        if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        return slug;
    }

    /// <summary>The people with their slugs, unique by the rule above.</summary>
    public static List<Author> Assign(IEnumerable<Author> people)
    {
        var taken = new HashSet<string>(Reserved, StringComparer.Ordinal);
        var assigned = new List<Author>();
        foreach (var group in people.GroupBy(p => Of(p.Name), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var person in group.OrderBy(p => p.FirstIssue).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                var slug = group.Key;
                for (int n = 2; !taken.Add(slug); n++) slug = $"{group.Key}-{n}";
                assigned.Add(person with { Slug = slug });
            }
        }
        return assigned;
    }
}
