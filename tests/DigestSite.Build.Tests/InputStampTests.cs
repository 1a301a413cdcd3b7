using DigestSite.Incremental;

namespace DigestSite.Build.Tests;

/// <summary>
/// The inputs' fingerprint (<see cref="InputStamp"/>) and files written just before it was taken (a fresh
/// checkout, an archive just generated): a later write in the same clock tick could keep such a file's
/// stamp, so the fingerprint holds only once the end of the build shows each of them unchanged, bytes
/// included, and old enough that any later write changes its stamp.
/// </summary>
public sealed class InputStampTests
{
    private const string Paper = "issues/2026-03-18/2402.00002.md";

    [Fact]
    public void Files_written_just_before_are_confirmed_once_they_are_old_enough()
    {
        using var site = new TestSite("basic");
        Date(site.Content, DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(Path.Combine(site.Content, Paper), DateTime.UtcNow - FileStamp.RacyWindow + TimeSpan.FromMilliseconds(500));

        var taken = Take(site)!;
        Assert.False(taken.Settled);
        Thread.Sleep(TimeSpan.FromMilliseconds(800)); // the build: by its end the file is older than the window

        Assert.Equal(taken.Hash, taken.Confirmed());
        var later = Take(site)!;
        Assert.True(later.Settled);
        Assert.Equal(taken.Hash, later.Hash);
    }

    [Fact]
    public void Files_still_recent_at_the_end_are_not_confirmed()
    {
        using var site = new TestSite("basic");
        Date(site.Content, DateTime.UtcNow);

        var taken = Take(site)!;

        Assert.False(taken.Settled);
        Assert.Null(taken.Confirmed());
    }

    [Fact]
    public void A_recent_file_written_again_with_the_same_length_and_time_is_not_confirmed()
    {
        using var site = new TestSite("basic");
        Date(site.Content, DateTime.UtcNow.AddHours(-1));
        var path = Path.Combine(site.Content, Paper);
        var time = DateTime.UtcNow - FileStamp.RacyWindow + TimeSpan.FromMilliseconds(500);
        File.SetLastWriteTimeUtc(path, time);
        var taken = Take(site)!;

        // Written during the build in the same clock tick: the same length, the same time.
        File.WriteAllText(path, File.ReadAllText(path).Replace("match full fine-tuning", "MATCH full fine-tuning"));
        File.SetLastWriteTimeUtc(path, time);
        Thread.Sleep(TimeSpan.FromMilliseconds(800));

        Assert.Null(taken.Confirmed());
        Assert.Equal(taken.Hash, Take(site)!.Hash); // what the stamps alone cannot tell
    }

    [Fact]
    public void A_symbolic_link_among_the_inputs_gives_no_fingerprint()
    {
        using var site = new TestSite("basic");
        var outside = Path.Combine(site.Root, "outside.md");
        File.WriteAllText(outside, "elsewhere");
        File.CreateSymbolicLink(Path.Combine(site.Content, "issues", "2026-03-18", "linked.md"), outside);

        Assert.Null(Take(site));
    }

    private static InputStamp.Taken? Take(TestSite site) => InputStamp.Take(site.Content, [TestSite.DefaultTheme], site.Output, "options");

    private static void Date(string folder, DateTime time)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, time);
    }
}
