using System.Diagnostics;
using System.Net.Sockets;
using DigestSite.Diagnostics;
using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>
/// Content is read from regular files and folders inside the content folder only: a symbolic link
/// (git stores them, so a pull request can add one), a device, a FIFO or a socket is a located
/// error, never opened, followed or listed.
/// </summary>
public class HostileFileTests
{
    private const string A = FixtureSite.Issue + "/a.md";

    private const string Link =
        "it is a symbolic link, and links are never followed: content is read from regular files and folders inside the content folder only. " +
        "Replace the link with the file or folder itself.";

    private const string Secret = "SECRET-TOKEN-1234";

    /// <summary>A file outside the content folder, as .git/config or /etc/passwd would be.</summary>
    private static string SecretFile(FixtureSite site)
    {
        var path = Path.Combine(site.Workspace, "secret.md");
        File.WriteAllText(path, $"---\ntitle: \"{Secret}\"\nauthors: [Ada]\ntopics: [rag]\n---\n{Secret}\n");
        return path;
    }

    private static void AssertNothingOf(string secret, LoadResult result)
    {
        Assert.Null(result.Archive);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains(secret) || d.Path.Contains(secret));
    }

    [Fact]
    public void A_paper_that_is_a_link_to_a_file_outside_is_an_error_and_never_read()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(site.FullPath(A), SecretFile(site));

        var result = site.Load();

        Assert.Equal([$"{A}:1:1: {Link}"], FixtureSite.Format(result.Diagnostics));
        AssertNothingOf(Secret, result);
    }

    [Fact]
    public void A_link_to_a_file_inside_the_content_folder_is_an_error_too()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(site.FullPath(A), site.FullPath(FixtureSite.LoraPaper));
        Assert.Equal([$"{A}:1:1: {Link}"], site.Errors());
    }

    [Fact]
    public void A_broken_link_is_a_link()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(site.FullPath(A), Path.Combine(site.Root, "no-such-file.md"));
        Assert.Equal([$"{A}:1:1: {Link}"], site.Errors());
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_at_once_without_reading_it()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(site.FullPath(A), "/dev/zero");
        var clock = Stopwatch.StartNew();
        Assert.Equal([$"{A}:1:1: {Link}"], site.Errors());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
    }

    [Fact]
    public void An_issue_folder_that_is_a_link_to_a_folder_outside_is_an_error_and_never_listed()
    {
        using var site = new FixtureSite();
        var outside = Directory.CreateDirectory(Path.Combine(site.Workspace, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, $"{Secret}.txt"), "x");
        File.Copy(SecretFile(site), Path.Combine(outside, "paper.md"));
        Directory.CreateSymbolicLink(site.FullPath("issues/2026-03-19"), outside);

        var result = site.Load();

        Assert.Equal([$"issues/2026-03-19:1:1: {Link}"], FixtureSite.Format(result.Diagnostics));
        AssertNothingOf(Secret, result);
    }

    [Fact]
    public void A_folder_link_inside_an_issue_folder_is_an_error()
    {
        using var site = new FixtureSite();
        Directory.CreateSymbolicLink(site.FullPath(FixtureSite.Issue + "/more"), Path.Combine(site.Workspace));
        Assert.Equal([$"{FixtureSite.Issue}/more:1:1: {Link}"], site.Errors());
    }

    [Fact]
    public void An_intro_that_is_a_link_is_an_error()
    {
        using var site = new FixtureSite();
        File.CreateSymbolicLink(site.FullPath(FixtureSite.Issue + "/index.md"), SecretFile(site));
        var result = site.Load();
        Assert.Equal([$"{FixtureSite.Issue}/index.md:1:1: {Link}"], FixtureSite.Format(result.Diagnostics));
        AssertNothingOf(Secret, result);
    }

    [Theory]
    [InlineData("site.yml")]
    [InlineData("topics.yml")]
    public void A_settings_file_that_is_a_link_is_an_error(string name)
    {
        using var site = new FixtureSite();
        var outside = Path.Combine(site.Workspace, name);
        File.Move(site.FullPath(name), outside);
        File.CreateSymbolicLink(site.FullPath(name), outside);
        Assert.Equal([$"{name}:1:1: {Link}"], site.Errors());
    }

    [Fact]
    public void The_issues_folder_as_a_link_is_an_error_and_never_listed()
    {
        using var site = new FixtureSite();
        var outside = Path.Combine(site.Workspace, "issues-elsewhere");
        Directory.Move(site.FullPath("issues"), outside);
        Directory.CreateSymbolicLink(site.FullPath("issues"), outside);
        Assert.Equal([$"issues/:1:1: {Link}"], site.Errors());
    }

    [Fact]
    public void A_content_folder_that_is_itself_a_link_is_an_error()
    {
        using var site = new FixtureSite();
        var link = Path.Combine(site.Workspace, "linked-content");
        Directory.CreateSymbolicLink(link, site.Root);
        var result = ContentLoader.Load(link);
        Assert.Equal([$".:1:1: the content folder \"{link}\" is a symbolic link, and links are never followed: give the folder itself."],
            FixtureSite.Format(result.Diagnostics));
    }

    [Fact]
    public async Task A_fifo_is_an_error_and_never_opened()
    {
        using var site = new FixtureSite();
        MakeFifo(site.FullPath(A));
        // Opening a FIFO for reading would wait for a writer: the load must finish on its own.
        var errors = await Task.Run(site.Errors).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([$"{A}:1:1: it is a named pipe (FIFO), not a regular file: content is read from regular files only. Remove it."], errors);
    }

    [Fact]
    public async Task A_fifo_named_site_yml_is_an_error_and_never_opened()
    {
        using var site = new FixtureSite();
        site.Delete("site.yml");
        MakeFifo(site.FullPath("site.yml"));
        var errors = await Task.Run(site.Errors).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["site.yml:1:1: it is a named pipe (FIFO), not a regular file: content is read from regular files only. Remove it."], errors);
    }

    [Fact]
    public void A_socket_is_an_error()
    {
        using var site = new FixtureSite();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(site.FullPath(A)));
        Assert.Equal([$"{A}:1:1: it is a socket, not a regular file: content is read from regular files only. Remove it."], site.Errors());
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public void A_device_is_an_error_and_never_read(string device)
    {
        // Making a device needs privileges a test should not count on: the reader is given one directly.
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceText.Read(device, A, diagnostics));
        Assert.Equal([$"{A}:1:1: it is a device, not a regular file: content is read from regular files only. Remove it."],
            FixtureSite.Format(diagnostics));
    }

    [Fact]
    public void File_kinds_are_told_without_following_links()
    {
        using var site = new FixtureSite();
        var file = site.FullPath(FixtureSite.LoraPaper);
        File.CreateSymbolicLink(site.FullPath(A), file);
        Assert.Equal(new FileKinds.Status(FileKind.File, new FileInfo(file).Length), FileKinds.Of(file));
        Assert.Equal(FileKind.Link, FileKinds.Of(site.FullPath(A)).Kind);
        Assert.Equal(FileKind.Folder, FileKinds.Of(site.FullPath(FixtureSite.Issue)).Kind);
        Assert.Equal(FileKind.Missing, FileKinds.Of(site.FullPath("nothing.md")).Kind);
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(file, "below-a-file")).Kind);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
