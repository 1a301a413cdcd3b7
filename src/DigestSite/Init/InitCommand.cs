using System.CommandLine;
using System.Text;
using DigestSite.Content;

namespace DigestSite.Cli.Init;

/// <summary>
/// `digestsite init [DIR] [--title TITLE] [--url URL]`: a new digest repository in an empty or new
/// folder (see <see cref="Scaffold"/>). Everything is checked before anything is written: a folder
/// that is not empty, a missing parent folder, a bad URL or title is an error and nothing is
/// written. The files are made in a hidden folder beside the target, their content is checked as
/// `check` would, and only then are they moved into place.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "The folder for the new digest: new, or empty. The current folder when not given.", DefaultValueFactory = _ => "." };
        var title = new Option<string?>("--title") { Description = "The digest's title (by default made from the folder's name)." };
        var url = new Option<string?>("--url") { Description = "Where the site will live, e.g. https://you.github.io/digest (it can be changed in content/site.yml)." };
        var command = new Command("init", "Start a new digest: content with an example issue, GitHub workflows, and guides for the owner and contributors.") { dir, title, url };
        command.SetAction(parsed => Run(parsed.GetValue(dir)!, parsed.GetValue(title), parsed.GetValue(url)));
        return command;
    }

    private static int Run(string dir, string? titleOption, string? urlOption)
    {
        var target = Path.GetFullPath(dir);
        var name = Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var title = titleOption ?? TitleFrom(name);
        var error = FolderProblem(dir, target)
                    ?? (urlOption is not null && WebAddress.ParseHttp(urlOption) is null
                        ? $"--url must be an absolute http or https URL, such as https://you.github.io/digest, not \"{urlOption}\"." : null)
                    ?? TitleProblem(title);
        if (error is not null)
        {
            Console.Error.WriteLine($"error: {error} Nothing was written.");
            return 1;
        }
        var url = urlOption is null ? new Uri($"https://example.github.io/{Slug(name)}") : WebAddress.ParseHttp(urlOption)!;
        var files = Scaffold.Files(title, url, Scaffold.ProgramVersion(), DateOnly.FromDateTime(DateTime.UtcNow));

        // Made in a hidden folder inside the target and checked, then moved into place: on any
        // failure the folder is left as it was found (or not made at all).
        bool created = !Directory.Exists(target);
        var staging = Path.Combine(target, $".digestsite-init-{Guid.NewGuid():N}");
        try
        {
            foreach (var (path, bytes) in files)
            {
                var full = Path.Combine(staging, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
            var loaded = ContentLoader.Load(Path.Combine(staging, "content"));
            if (loaded.Diagnostics.Count > 0)
            {
                Console.Error.WriteLine("error: the new digest's content would not pass `check` (is the title or URL unusual?). Nothing was written.");
                foreach (var d in loaded.Diagnostics) Console.Error.WriteLine($"  content/{d.Path}:{d.Line}:{d.Column}: {d.Message}");
                Remove(staging, created ? target : null);
                return 1;
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            {
                var to = Path.Combine(target, Path.GetFileName(entry));
                if (Directory.Exists(entry)) Directory.Move(entry, to);
                else File.Move(entry, to);
            }
            Directory.Delete(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: could not write the new digest into {dir}: {e.Message}");
            Remove(staging, created ? target : null);
            return 1;
        }

        Console.WriteLine($"Created a new digest in {dir} (pinned to DigestSite {Scaffold.ProgramVersion()} in .config/dotnet-tools.json).");
        Console.WriteLine("Next:");
        if (target != Path.GetFullPath(".")) Console.WriteLine($"  cd {dir}");
        Console.WriteLine("  digestsite serve       # see the site, rebuilt on every change");
        Console.WriteLine("  git init && git add . && git commit -m \"A new digest\"");
        Console.WriteLine("Then push it to GitHub and publish it with Pages: README.md says how.");
        return 0;
    }

    /// <summary>Why the folder cannot take a new digest, or null: it must be new (with an existing parent) or empty.</summary>
    private static string? FolderProblem(string dir, string target)
    {
        if (File.Exists(target)) return $"{dir} is a file; init needs a new or empty folder.";
        if (Directory.Exists(target))
            return Directory.EnumerateFileSystemEntries(target).Any()
                ? $"{dir} is not empty; init writes only into a new or empty folder, so that nothing is overwritten."
                : null;
        var parent = Path.GetDirectoryName(target);
        return parent is null || !Directory.Exists(parent)
            ? $"cannot create {dir}: its parent folder {parent} does not exist. Create it first, or choose another folder."
            : null;
    }

    private static string? TitleProblem(string title) =>
        string.IsNullOrWhiteSpace(title) ? "--title must not be empty."
        : title.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF') || !IsWellFormed(title)
            ? "--title must be one line of text, without control characters."
            : null;

    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>"my-digest" -> "My digest".</summary>
    private static string TitleFrom(string folderName)
    {
        var words = folderName.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "Papers Digest" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The folder's name as a URL path segment: "My Digest" -> "my-digest".</summary>
    private static string Slug(string folderName)
    {
        var slug = new StringBuilder();
        foreach (var c in folderName.ToLowerInvariant())
            slug.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var trimmed = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Length == 0 ? "digest" : trimmed;
    }

    private static void Remove(string staging, string? createdTarget)
    {
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (createdTarget is not null && Directory.Exists(createdTarget) && !Directory.EnumerateFileSystemEntries(createdTarget).Any())
                Directory.Delete(createdTarget);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
