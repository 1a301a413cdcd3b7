using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>The repository's own sample site, content/, is what contributors copy: it must pass check.</summary>
public class SampleContentTests
{
    private static string SampleContent()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "content");
    }

    [Fact]
    public void The_sample_content_passes_check()
    {
        var result = ContentLoader.Load(SampleContent());

        Assert.Empty(FixtureSite.Format(result.Diagnostics));
        var archive = Assert.IsType<DigestSite.Archive.DigestArchive>(result.Archive);
        Assert.NotEmpty(archive.Issues);
        Assert.All(archive.Papers, p => Assert.Contains(p.TopicSlugs, archive.Topics.Select(t => t.Slug).Contains));
    }

    [Fact]
    public void The_sample_content_passes_the_cli_check()
    {
        var content = SampleContent();
        var result = Cli.Run(Path.GetDirectoryName(content)!, "check", "--content", "content");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^content: \d+ papers in \d+ issues, no problems\.$", Assert.Single(result.OutLines));
    }
}
