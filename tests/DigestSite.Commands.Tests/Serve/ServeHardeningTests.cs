using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestSite.Commands.Tests;

/// <summary>
/// `digestsite serve` against a hostile page or neighbour, over raw HTTP (no client normalizes the
/// requests): paths that climb out of the output folder, Host headers of other sites (DNS
/// rebinding), more live-reload streams than an editor opens, and its working folder.
/// </summary>
public sealed partial class ServeHardeningTests : IDisposable
{
    private readonly FixtureSite site = new();
    private readonly Process server;
    private readonly int port = FreePort();
    private readonly string output;

    public ServeHardeningTests()
    {
        server = Cli.Start(site.Workspace, new Dictionary<string, string?>(), "serve", "--port", port.ToString());
        var ready = new TaskCompletionSource<string>();
        server.OutputDataReceived += (_, e) => { if (e.Data is { } line && ServingLine().Match(line) is { Success: true } m) ready.TrySetResult(m.Groups[1].Value); };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        Assert.True(ready.Task.Wait(TimeSpan.FromSeconds(60)), "serve did not start");
        output = ready.Task.Result;
    }

    [Fact]
    public void Its_working_folder_is_private_unguessable_and_removed_on_stop()
    {
        var work = Path.GetDirectoryName(output)!;
        Assert.Equal(Path.GetTempPath().TrimEnd('/'), Path.GetDirectoryName(work));
        Assert.Matches(@"^digestsite-serve-\w{6,}$", Path.GetFileName(work));
        Assert.NotEqual($"digestsite-serve-{server.Id}", Path.GetFileName(work));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(work));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));

        Process.Start("kill", ["-INT", server.Id.ToString()])!.WaitForExit();
        Assert.True(server.WaitForExit(15_000), "serve did not stop on Ctrl-C");
        Assert.Equal(0, server.ExitCode);
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public async Task Requests_reach_only_files_under_the_output_folder()
    {
        // Files beside the output folder, in serve's own working folder, whose paths start like the output folder's.
        var work = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(Path.Combine(work, "site-sibling"));
        File.WriteAllText(Path.Combine(work, "site-sibling", "secret.txt"), "sibling secret");
        File.WriteAllText(Path.Combine(work, "secret.txt"), "parent secret");

        Assert.Equal(200, (await Get("/digest/index.html")).Status);
        Assert.Equal(200, (await Get("/digest/papers/2312.15918/")).Status);
        var folder = await Get("/digest/papers/2312.15918");
        Assert.Equal(302, folder.Status);
        Assert.Contains("\r\nLocation: /digest/papers/2312.15918/\r\n", folder.Text);

        foreach (var attack in new[]
                 {
                     "/digest/..%2Fsite-sibling/secret.txt",
                     "/digest/..%2fsecret.txt",
                     "/digest//" + Path.Combine(work, "site-sibling", "secret.txt").TrimStart('/'),
                     "/digest/" + Path.Combine(work, "secret.txt"),
                     "/digest/%2e%2e/secret.txt",
                     "/digest/papers/%2E%2E/%2E%2E/secret.txt",
                     "/digest/..%5Csecret.txt",
                     "/digest/papers/../../secret.txt",
                     "/digest/..%252Fsecret.txt",
                     "/digest/%00/secret.txt",
                 })
        {
            var (status, text) = await Get(attack);
            Assert.True(status is 400 or 404, $"{attack}: {status}");
            Assert.DoesNotContain("secret", text.Replace(attack, ""));
        }
    }

    [Fact]
    public async Task Only_loopback_names_with_this_port_are_answered()
    {
        foreach (var host in new[] { $"localhost:{port}", $"LOCALHOST:{port}", $"127.0.0.1:{port}", $"[::1]:{port}" })
            Assert.True((await Get("/digest/", host)).Status == 200, host);

        foreach (var host in new[] { $"evil.example:{port}", "evil.example", $"localhost:{port + 1}", "localhost", $"127.0.0.1.evil.example:{port}", $"localhost.evil.example:{port}", $"10.0.0.1:{port}" })
        {
            Assert.Equal(421, (await Get("/digest/", host)).Status);
            Assert.Equal(421, (await Get("/__digestsite/events", host)).Status);
        }
        Assert.Equal(400, (await Get("/digest/", host: "")).Status);
    }

    [Fact]
    public async Task Live_reload_streams_are_capped()
    {
        const int cap = 64;
        var streams = new List<TcpClient>();
        try
        {
            for (int i = 0; i < cap; i++)
            {
                var (client, status) = await Open("/__digestsite/events");
                streams.Add(client);
                Assert.Equal(200, status);
            }
            var (extra, refused) = await Open("/__digestsite/events");
            extra.Dispose();
            Assert.Equal(503, refused);

            // A page closed makes room for another.
            streams[0].Dispose();
            streams.RemoveAt(0);
            var clock = Stopwatch.StartNew();
            int again;
            do
            {
                await Task.Delay(100);
                var (client, status) = await Open("/__digestsite/events");
                again = status;
                if (status == 200) streams.Add(client);
                else client.Dispose();
            } while (again != 200 && clock.Elapsed < TimeSpan.FromSeconds(20));
            Assert.Equal(200, again);
        }
        finally
        {
            foreach (var client in streams) client.Dispose();
        }
    }

    /// <summary>One request, written as given, on its own connection; the whole response.</summary>
    private async Task<(int Status, string Text)> Get(string target, string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{port}"}\r\nConnection: close\r\n\r\n"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var text = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync(timeout.Token);
        return (int.Parse(text.Split(' ', 3)[1]), text);
    }

    /// <summary>Opens a request that stays open (an event stream), and reads its status line.</summary>
    private async Task<(TcpClient Client, int Status)> Open(string target)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"));
        var line = new StringBuilder();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!line.ToString().EndsWith("\r\n") && await stream.ReadAsync(one, timeout.Token) == 1) line.Append((char)one[0]);
        return (client, int.Parse(line.ToString().Split(' ', 3)[1]));
    }

    [GeneratedRegex("^Serving \\S+ from (.+) — watching ")]
    private static partial Regex ServingLine();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.WaitForExit(15_000);
        server.Dispose();
        if (Directory.Exists(Path.GetDirectoryName(output))) Directory.Delete(Path.GetDirectoryName(output)!, recursive: true); // killed, serve could not

        site.Dispose();
    }
}
