using System.Globalization;
using System.Text;

namespace DigestSite.Corpus;

/// <summary>
/// Generates a digest archive in DigestSite's content format (site.yml, topics.yml, issues/DATE/SLUG.md,
/// some issues' index.md): papers with titles, authors, topics, arXiv ids, dates, upvotes, links and
/// Markdown summaries, as many as asked. Deterministic: the same options give the same bytes.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>The archive in memory (for tests and small archives).</summary>
    public static GeneratedArchive Generate(CorpusOptions options)
    {
        var files = new List<CorpusFile>();
        var planted = Run(options, files.Add);
        return new GeneratedArchive(files, planted);
    }

    /// <summary>Writes the archive into <paramref name="folder"/>, which must be missing or empty, file by file.</summary>
    public static Planted Write(string folder, CorpusOptions options)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty: the archive is written into a new folder.");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Run(options, file =>
        {
            var path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, utf8);
        });
    }

    private static Planted Run(CorpusOptions options, Action<CorpusFile> write)
    {
        if (options.Papers < 1) throw new ArgumentOutOfRangeException(nameof(options), "an archive has at least one paper");
        var rng = new Rng(options.Seed);
        var schedule = Schedule.Make(options, rng.Fork("schedule"));
        var population = Population.Make(options.Papers, rng.Fork("people"));
        var plants = rng.Fork("plants");
        if (options.Plants.HasFlag(Plants.NameVariants)) population.PlantVariants(plants.Fork("names"));
        var roles = Roles.Plan(options, population, plants.Fork("roles"));
        ulong papers = rng.NextUInt64();
        // Drawn last, and only when asked, so that an archive without the option has the bytes it always had.
        var newcomers = options.Authors is { } authors ? Newcomers.Make(authors, options, population, roles, rng.Fork("newcomers")) : Newcomers.None;
        var builder = new ArchiveBuilder(options, population, roles, newcomers, papers);

        write(new CorpusFile("site.yml",
            "title: \"Synthetic Papers Digest\"\n" +
            "description: \"A generated archive for tests and benchmarks\"\n" +
            "url: \"https://example.github.io/digest\"\n"));
        write(new CorpusFile("topics.yml", string.Concat(Topic.All.Select(t =>
            $"{t.Slug}:\n  name: {Yaml.Quote(t.Name)}\n  description: {Yaml.Quote(t.Description)}\n"))));

        int index = 0;
        foreach (var (date, count) in schedule)
        {
            var issue = new List<Draft>(count);
            for (int i = 0; i < count; i++, index++)
            {
                var draft = builder.Paper(index, date);
                issue.Add(draft);
                write(new CorpusFile($"issues/{Iso(date)}/{draft.Slug}.md", PaperFile(draft)));
            }
            if (builder.Introduction(date, issue) is { } intro) write(new CorpusFile($"issues/{Iso(date)}/index.md", intro));
        }
        return builder.Planted();
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The paper's file: front matter in the order CONTRIBUTING.md documents it, then the summary.</summary>
    private static string PaperFile(Draft d)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(Yaml.Quote(d.Title)).Append('\n');
        sb.Append("authors:\n");
        foreach (var name in d.AuthorNames) sb.Append("  - ").Append(Yaml.Quote(name)).Append('\n');
        sb.Append("topics: [").AppendJoin(", ", d.Topics.Select(t => t.Slug)).Append("]\n");
        if (d.Arxiv is not null) sb.Append("arxiv: \"").Append(d.Arxiv).Append("\"\n");
        if (d.Published is { } published) sb.Append("published: ").Append(Iso(published)).Append('\n');
        sb.Append("upvotes: ").Append(d.Upvotes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (d.Links.Count > 0)
        {
            sb.Append("links:\n");
            foreach (var (name, url) in d.Links) sb.Append("  ").Append(name).Append(": ").Append(Yaml.Quote(url)).Append('\n');
        }
        if (d.SubmittedBy is not null) sb.Append("submitted_by: ").Append(Yaml.Quote(d.SubmittedBy)).Append('\n');
        sb.Append("---\n\n").Append(d.SummaryText).Append('\n');
        return sb.ToString();
    }
}

internal static class Yaml
{
    /// <summary>A double-quoted YAML scalar.</summary>
    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
