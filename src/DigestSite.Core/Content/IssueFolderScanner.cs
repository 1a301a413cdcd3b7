using System.IO.Enumeration;
using DigestSite.Checking;

namespace DigestSite.Content;

/// <summary>A paper file in an issue folder: its slug is the file name without ".md".</summary>
public sealed record PaperFile(string Slug, string Path);

/// <summary>issues/DATE/: the intro file, if any, and the paper files, in ordinal order.</summary>
public sealed record IssueFolder(DateOnly Date, string? IntroPath, IReadOnlyList<PaperFile> PaperFiles);

/// <summary>Finds the issue folders and what is in them; reports anything that does not belong.</summary>
public static class IssueFolderScanner
{
    public static IReadOnlyList<IssueFolder> Scan(string contentDir, List<Diagnostic> diagnostics)
    {
        var issuesDir = Path.Combine(contentDir, ContentLoader.IssuesFolder);
        var kind = FileKinds.Of(issuesDir).Kind;
        if (kind == FileKind.Link)
        {
            diagnostics.Add(Diagnostic.AtStart(ContentLoader.IssuesFolder + "/", SourceText.NotARegularFile(kind)));
            return [];
        }
        if (kind != FileKind.Folder)
        {
            diagnostics.Add(Diagnostic.AtStart(ContentLoader.IssuesFolder + "/",
                "the issues folder is missing: create issues/YYYY-MM-DD/ with a paper file in it."));
            return [];
        }

        // Each issue folder is listed on its own (in parallel: a large archive has hundreds); results keep the names' order.
        var entries = Entries(issuesDir).ToArray();
        var scanned = new (IssueFolder? Folder, List<Diagnostic> Diagnostics)[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var (name, kind) = entries[i];
            var local = new List<Diagnostic>();
            var relative = $"{ContentLoader.IssuesFolder}/{name}";
            IssueFolder? folder = null;
            if (kind == EntryKind.Link)
                local.Add(Diagnostic.AtStart(relative, SourceText.NotARegularFile(FileKind.Link)));
            else if (kind != EntryKind.Folder)
                local.Add(Diagnostic.AtStart(relative,
                    $"\"{name}\" does not belong in issues/: papers go in a dated folder, issues/YYYY-MM-DD/<slug>.md."));
            else if (ContentDates.Parse(name) is not { } date)
                local.Add(Diagnostic.AtStart(relative + "/",
                    $"issue folder \"{name}\" is not a real date: name it YYYY-MM-DD, e.g. 2026-03-18."));
            else
                folder = ScanIssue(Path.Combine(issuesDir, name), relative, date, local);
            scanned[i] = (folder, local);
        });
        foreach (var (_, found) in scanned) diagnostics.AddRange(found);
        return scanned.Select(s => s.Folder).OfType<IssueFolder>().ToArray();
    }

    private static IssueFolder? ScanIssue(string dir, string relative, DateOnly date, List<Diagnostic> diagnostics)
    {
        string? intro = null;
        var papers = new List<PaperFile>();
        foreach (var (name, kind) in Entries(dir))
        {
            var path = $"{relative}/{name}";
            if (kind == EntryKind.Link)
                diagnostics.Add(Diagnostic.AtStart(path, SourceText.NotARegularFile(FileKind.Link)));
            else if (kind == EntryKind.Folder)
                diagnostics.Add(Diagnostic.AtStart(path + "/", $"folders do not belong in an issue folder: move the papers in \"{name}/\" up to {relative}/."));
            else if (name == ContentLoader.IssueIntroFile)
                intro = path;
            else if (!name.EndsWith(".md", StringComparison.Ordinal))
                diagnostics.Add(Diagnostic.AtStart(path,
                    $"\"{name}\" does not belong in an issue folder, which holds paper files (<slug>.md) and an optional index.md."));
            else if (Slugs.Problem(name[..^3]) is { } problem)
                diagnostics.Add(Diagnostic.AtStart(path,
                    $"the file name \"{name}\" is not a valid slug: it must {problem}, e.g. 2312.15918.md."));
            else
                papers.Add(new PaperFile(name[..^3], path));
        }
        if (papers.Count > 0) return new IssueFolder(date, intro, papers);
        diagnostics.Add(Diagnostic.AtStart(relative + "/", $"issue {relative[7..]} has no paper: add a paper file (<slug>.md) or remove the folder."));
        return null;
    }

    private enum EntryKind { File, Folder, Link }

    /// <summary>
    /// A folder's entries in ordinal order, hidden ones (.DS_Store, .gitkeep) left out, each with
    /// its kind as the listing tells it (a link is never followed, so never listed): a stat per entry
    /// would cost more than the listing on a 10,000-paper archive. Devices, FIFOs and sockets list as
    /// files; the reader refuses them before opening them.
    /// </summary>
    private static IEnumerable<(string Name, EntryKind Kind)> Entries(string dir) =>
        new FileSystemEnumerable<(string Name, EntryKind Kind)>(dir, (ref FileSystemEntry entry) => (entry.FileName.ToString(), KindOf(ref entry)),
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
            { ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.') }
            .OrderBy(e => e.Name, StringComparer.Ordinal);

    private static EntryKind KindOf(ref FileSystemEntry entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Link
        : entry.IsDirectory ? EntryKind.Folder
        : EntryKind.File;
}
