using System.CommandLine;
using DigestSite.Content;
using DigestSite.Submitting;

namespace DigestSite.Cli;

/// <summary>
/// `digestsite preview PATH...`: the changed papers of a pull request as they will appear, and what
/// check found, in GitHub Markdown for the check workflow's job summary.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var paths = new Argument<string[]>("paths") { Description = "The changed files, as git names them (content/issues/DATE/SLUG.md).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("preview", "Print the changed papers and check's findings as Markdown, for a pull request's job summary.") { content, paths };
        command.SetAction(parsed => Run(parsed.GetValue(content)!, parsed.GetValue(paths) ?? []));
        return command;
    }

    private static int Run(string contentDir, string[] paths)
    {
        var loaded = ContentLoader.Load(contentDir);
        var full = Path.GetFullPath(contentDir);
        var relative = paths.Select(p => Path.GetRelativePath(full, Path.GetFullPath(p)).Replace('\\', '/')).ToArray();
        Console.Write(PullRequestPreview.Write(loaded, relative));
        return 0;
    }
}
