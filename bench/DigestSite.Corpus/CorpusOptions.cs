namespace DigestSite.Corpus;

/// <summary>What to generate. The same options give the same bytes, on any machine.</summary>
public sealed record CorpusOptions
{
    /// <summary>How many papers (paper files) the archive has.</summary>
    public int Papers { get; init; } = 1000;

    /// <summary>Papers per issue on average (each issue has between half and one and a half times as many).</summary>
    public int PerIssue { get; init; } = 30;

    public ulong Seed { get; init; } = 1;

    /// <summary>The newest issue's date; older issues go back from it, on weekdays, a few skipped.</summary>
    public DateOnly End { get; init; } = new(2025, 10, 31);

    /// <summary>
    /// How many people the archive's papers name, about: null (the default) for the labs' members
    /// alone (about 0.42 a paper: authors recur, as in a small digest). A larger number adds
    /// newcomers, people outside the labs who each write one paper, until the archive has that many
    /// people, as a real daily-paper archive has (5 to 8 authors a paper, most of them on one paper
    /// only). Never fewer than the labs' members. The default leaves every byte as it was.
    /// </summary>
    public int? Authors { get; init; }

    /// <summary>What to plant for features that must find it again (none by default).</summary>
    public Plants Plants { get; init; } = Plants.None;
}

[Flags]
public enum Plants
{
    None = 0,
    /// <summary>Some authors' names printed differently on some papers: "Jörg Müller", "Jorg Muller", "J. Müller".</summary>
    NameVariants = 1,
    /// <summary>A paper submitted again later under a new arXiv id, its title and summary slightly changed.</summary>
    NearDuplicates = 2,
    /// <summary>A lab head's line of papers over time: "Kalomi", "Kalomi-2", "Kalomi-3".</summary>
    Series = 4,
    /// <summary>Real model names in summaries (GPT-4, Llama-3-8B, Qwen2.5-72B-Instruct), which tokenizers split oddly.</summary>
    ModelNames = 8,
    All = NameVariants | NearDuplicates | Series | ModelNames,
}

/// <summary>One file of the archive: its path under the content folder ('/' separated) and its text.</summary>
public sealed record CorpusFile(string Path, string Text);

/// <summary>A generated archive: its files, and what was planted in it (the answers a feature should find).</summary>
public sealed record GeneratedArchive(IReadOnlyList<CorpusFile> Files, Planted Planted);

/// <summary>The ground truth of the plants, each list in a fixed order.</summary>
public sealed record Planted(
    IReadOnlyList<PlantedAuthor> Authors,
    IReadOnlyList<PlantedDuplicate> NearDuplicates,
    IReadOnlyList<PlantedSeries> Series,
    IReadOnlyList<PlantedModelName> ModelNames);

/// <summary>A person whose name some papers print differently: each variant with the papers (slugs) that print it.</summary>
public sealed record PlantedAuthor(string Name, IReadOnlyList<PlantedVariant> Variants);

public sealed record PlantedVariant(string Name, IReadOnlyList<string> Papers);

/// <summary><paramref name="Copy"/> (later) is a near-duplicate of <paramref name="Original"/>.</summary>
public sealed record PlantedDuplicate(string Original, string Copy);

/// <summary>A series by one author (as written on the first paper), its papers oldest first.</summary>
public sealed record PlantedSeries(string Author, string Name, IReadOnlyList<string> Papers);

/// <summary>A model name and the papers whose title or summary mentions it.</summary>
public sealed record PlantedModelName(string Name, IReadOnlyList<string> Papers);
