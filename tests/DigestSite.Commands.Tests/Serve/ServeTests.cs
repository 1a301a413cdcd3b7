using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DigestSite.Commands.Tests;

/// <summary>
/// `digestsite serve` end to end, as an editor uses it: start it, read a page, change a paper and
/// see the change, break a file and see its error while the last good page stays served, fix it,
/// then stop it with Ctrl-C.
/// </summary>
public sealed class ServeTests : IDisposable
{
    private readonly FixtureSite site = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<string> events = new();
    private readonly CancellationTokenSource stop = new();
    private Process? server;

    /// <param name="poll">--poll: look for changes by polling instead of file-system events.</param>
    /// <param name="native">The native executable (<see cref="NativeBinary"/>) rather than the JIT build.</param>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Serves_rebuilds_reports_errors_and_stops_cleanly(bool poll, bool native)
    {
        int port = FreePort();
        var root = $"http://127.0.0.1:{port}";
        server = Start(port, poll, native);
        var page = $"{root}/digest/papers/2312.15918/";

        Assert.Contains("Retrieval-Augmented Generation for Large Language Models: A Survey", await http.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{root}/digest/no-such-page/")).StatusCode);
        _ = ListenToEvents(root);
        await Until(() => events.Contains(": connected"), "the event stream to connect");

        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText.Replace("Retrieval-Augmented Generation for Large Language Models: A Survey", "Retrieval-Augmented Generation, Revisited"));
        await Until(async () => (await http.GetStringAsync(page)).Contains("Retrieval-Augmented Generation, Revisited"), "the changed title to be served");
        await Until(() => events.Contains("event: reload"), "a reload event");

        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText.Replace("authors:", "autors:"));
        await Until(() => events.Any(e => e.StartsWith("data: ", StringComparison.Ordinal) && e.Contains("did you mean \\u0022authors\\u0022")), "the error to reach the page");
        var lastGood = await http.GetStringAsync(page);
        Assert.Contains("Retrieval-Augmented Generation, Revisited", lastGood);
        Assert.Contains("/__digestsite/live.js", lastGood);

        events.Clear();
        site.Write(FixtureSite.RagPaper, FixtureSite.RagPaperText);
        await Until(() => events.Contains("event: reload"), "a reload after the fix");
        Assert.Contains("Retrieval-Augmented Generation for Large Language Models: A Survey", await http.GetStringAsync(page));

        Process.Start("kill", ["-INT", server.Id.ToString()])!.WaitForExit();
        Assert.True(server.WaitForExit(15_000), "serve did not stop on Ctrl-C");
        Assert.Equal(0, server.ExitCode);
    }

    private Process Start(int port, bool poll, bool native)
    {
        var start = new ProcessStartInfo(native ? NativeBinary.Path : "dotnet") { WorkingDirectory = site.Workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!native) start.ArgumentList.Add(Cli.DllPath);
        foreach (var arg in new[] { "serve", "--port", port.ToString() }) start.ArgumentList.Add(arg);
        if (poll) start.ArgumentList.Add("--poll");
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("Serving ", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Assert.True(ready.Task.Wait(TimeSpan.FromSeconds(60)), "serve did not start");
        return process;
    }

    private async Task ListenToEvents(string root)
    {
        try
        {
            using var stream = await new HttpClient { Timeout = Timeout.InfiniteTimeSpan }.GetStreamAsync($"{root}/__digestsite/events", stop.Token);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(stop.Token) is { } line)
                if (line.Length > 0) events.Enqueue(line);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException) { }
    }

    private static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"timed out waiting for {what}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        stop.Cancel();
        if (server is { HasExited: false }) server.Kill(entireProcessTree: true);
        server?.Dispose();
        http.Dispose();
        site.Dispose();
    }
}
