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

    public static Option<string?> Theme() => new("--theme")
    {
        Description = "A theme folder (layouts/, assets/) whose files override the default theme's; ./theme when it exists.",
    };

    public static Option<string> Output() => new("--output")
    {
        Description = "Where the site is written; replaced only when the build succeeds.",
        DefaultValueFactory = _ => "_site",
    };
}
