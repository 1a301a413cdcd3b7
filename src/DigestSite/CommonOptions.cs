using System.CommandLine;

namespace DigestSite.Cli;

/// <summary>Options several commands share, with the same names and defaults everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Content() => new("--content")
    {
        Description = "The content folder: site.yml, topics.yml and issues/.",
        DefaultValueFactory = _ => "content",
    };
}
