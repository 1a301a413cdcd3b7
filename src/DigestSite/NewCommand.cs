using System.CommandLine;
using DigestSite.Content;

namespace DigestSite.Cli;

/// <summary>`digestsite new`: starts a paper file at the right path, so nobody copies another one.</summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var date = new Option<string>("--date") { Description = "The issue's date, YYYY-MM-DD.", Required = true };
        var title = new Option<string>("--title") { Description = "The paper's title.", Required = true };
        var arxiv = new Option<string?>("--arxiv") { Description = "The arXiv id, e.g. 2312.15918; it becomes the file name." };
        var authors = new Option<string[]>("--author") { Description = "An author, in the paper's order; repeat for each." };
        var topics = new Option<string[]>("--topic") { Description = "A topic slug from topics.yml; repeat for each." };
        var command = new Command("new", "Write a new paper file, ready for its summary.") { date, title, arxiv, authors, topics, content };
        command.SetAction(parsed => Run(
            parsed.GetValue(content)!, parsed.GetValue(date)!, parsed.GetValue(title)!, parsed.GetValue(arxiv),
            parsed.GetValue(authors) ?? [], parsed.GetValue(topics) ?? []));
        return command;
    }

    private static int Run(string contentDir, string dateText, string title, string? arxiv, string[] authors, string[] topics)
    {
        var errors = new List<string>();
        var date = ContentDates.Parse(dateText);
        if (date is null) errors.Add($"--date must be a real date written YYYY-MM-DD, not \"{dateText}\".");
        var known = KnownTopics(contentDir, errors);
        var created = NewPaper.Create(new NewPaperRequest(date ?? default, title, arxiv, authors, topics), known, errors);
        if (created is not var (relativePath, text) || errors.Count > 0) return Fail(errors);

        var path = Path.Combine(contentDir, relativePath);
        var shown = DiagnosticReport.DisplayPath(contentDir, relativePath);
        if (File.Exists(path)) return Fail([$"{shown} already exists: edit it, or choose another --arxiv or --title."]);
        // Slugs are unique across the archive: the same paper filed under another issue would fail check.
        if (SameSlugElsewhere(contentDir, relativePath) is { } other)
            return Fail([$"{DiagnosticReport.DisplayPath(contentDir, other)} already exists: slugs are unique across the archive; edit it, or choose another --arxiv or --title."]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote {shown}. Write the summary after the closing \"---\", then run: digestsite check");
        return 0;
    }

    private static string? SameSlugElsewhere(string contentDir, string relativePath)
    {
        var issues = Path.Combine(contentDir, ContentLoader.IssuesFolder);
        if (!Directory.Exists(issues)) return null;
        var fileName = Path.GetFileName(relativePath);
        return Directory.EnumerateDirectories(issues)
            .Select(dir => $"{ContentLoader.IssuesFolder}/{Path.GetFileName(dir)}/{fileName}")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(candidate => File.Exists(Path.Combine(contentDir, candidate)));
    }

    private static IReadOnlyCollection<string> KnownTopics(string contentDir, List<string> errors)
    {
        var topics = ContentLoader.LoadTopics(contentDir, []);
        if (topics is null) errors.Add($"could not read the topics from {Path.Combine(contentDir, ContentLoader.TopicsFile)}: run digestsite check --content {contentDir}.");
        return topics?.Select(t => t.Slug).ToArray() ?? [];
    }

    private static int Fail(IEnumerable<string> errors)
    {
        foreach (var error in errors) Console.Error.WriteLine($"error: {error}");
        return 1;
    }
}
