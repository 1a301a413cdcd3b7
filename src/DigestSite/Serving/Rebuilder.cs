using System.Diagnostics;
using System.Threading.Channels;
using DigestSite.Checking;
using DigestSite.Incremental;

namespace DigestSite.Cli.Serving;

/// <summary>
/// Watches the content and the theme and rebuilds on every change, one build at a time: changes
/// that arrive during a build start one more build after it. A failed build leaves the last good
/// site in place (the build's own guarantee); its errors go to the terminal and to open pages.
/// </summary>
internal sealed class Rebuilder : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(40);

    /// <summary>The paths the watcher reported since the last build: forgotten by the content cache, whatever their stamps say.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> touched = new();

    /// <summary>The last build kept the previous search files (a paper changed): make them when there is no change waiting.</summary>
    private bool searchPending;

    /// <summary>A site has been built: a failed build leaves it served.</summary>
    private bool built;

    private readonly BuildOptions options;

    /// <summary>What one build keeps for the next: parsed files, paper views, hashes, the manifest.</summary>
    private readonly BuildSession session = new();
    private readonly LiveReload live;
    private readonly Channel<string> changes = Channel.CreateUnbounded<string>();
    private readonly List<FileSystemWatcher> watchers = [];

    public Rebuilder(BuildOptions options, LiveReload live, bool poll)
    {
        this.options = options;
        this.live = live;
        // Before any watcher runs: a watcher failing at once clears it again (PollInstead). Not on
        // Windows, whose watcher may report a file by its 8.3 short name, which the cache would not match.
        if (!poll && !OperatingSystem.IsWindows()) session.Content.WatcherReportsChanges = true;
        if (poll)
        {
            PollInstead(null);
            return;
        }
        foreach (var folder in WatchedFolders)
        {
            try
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
                watcher.Changed += OnChange;
                watcher.Created += OnChange;
                watcher.Deleted += OnChange;
                watcher.Renamed += OnChange;
                watcher.Error += (_, e) => PollInstead(e.GetException().Message);
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (IOException e)
            {
                PollInstead(e.Message);
            }
        }
    }

    private IEnumerable<string> WatchedFolders => options.ThemeLayers.Prepend(options.ContentDir).Where(Directory.Exists);

    /// <summary>Builds once, search files included; true when it succeeded.</summary>
    public bool Build() => Build(deferSearch: false);

    /// <summary>
    /// After a change: pages first, so open pages reload as soon as they are up to date; the search
    /// files (the whole index depends on every paper) follow in <see cref="CompleteSearch"/>.
    /// </summary>
    private bool Build(bool deferSearch)
    {
        var paths = new List<string>();
        while (touched.TryDequeue(out var path)) paths.Add(path);
        session.Content.Forget(paths);
        var result = TryBuild(() => session.Build(options, deferSearch));
        if (result is null) return false;
        if (result.Succeeded)
        {
            searchPending = result.SearchDeferred;
            built = true;
            Console.WriteLine($"Built {DiagnosticReport.Count(result.Pages, "page")} in {result.Elapsed.TotalMilliseconds:0} ms (wrote {DiagnosticReport.Count(result.Files, "file")}" +
                              $"{(result.SearchDeferred ? "; search index next" : "")}).");
            live.Succeeded();
            return true;
        }
        ReportFailure(result);
        return false;
    }

    private string StillServed => built ? "The last good version of the site is still served." : "Nothing is served until a build succeeds.";

    /// <summary>A build; a failure no rule foresaw is reported as a failed build is, in one line, and serve goes on (null).</summary>
    private BuildResult? TryBuild(Func<BuildResult> build)
    {
        try
        {
            return build();
        }
        catch (Exception e)
        {
            var report = new StringWriter();
            UnexpectedFailure.Report(e, report);
            Report(report.ToString());
            return null;
        }
    }

    private void ReportFailure(BuildResult result)
    {
        var report = new StringWriter();
        if (result.Refused is { } refusal) report.WriteLine($"error: {refusal}");
        else DiagnosticReport.Print(result.Diagnostics, options.ContentDir, report);
        Report(report.ToString());
    }

    private void Report(string report)
    {
        Console.Error.Write(report);
        Console.Error.WriteLine(StillServed);
        live.Failed(report.TrimEnd().Split('\n'));
    }

    /// <summary>Rebuilds after each burst of changes until <paramref name="stop"/>.</summary>
    public async Task Run(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (searchPending && !changes.Reader.TryPeek(out _)) CompleteSearch();
                if (!await changes.Reader.WaitToReadAsync(stop)) break;
                await Task.Delay(Settle, stop);
                var changed = new SortedSet<string>(StringComparer.Ordinal);
                while (changes.Reader.TryRead(out var path)) changed.Add(path);
                Console.WriteLine($"Changed: {Checking.Diagnostic.Printable(string.Join(", ", changed.Take(3)))}{(changed.Count > 3 ? $" and {changed.Count - 3} more" : "")}");
                Build(deferSearch: true);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Cancelled by the next change: its pages come first, the search files after them again.</summary>
    private CancellationTokenSource? searchBuild;

    /// <summary>The search files of the last build, made when no change is waiting; a normal build (the pages are current, so only they are made).</summary>
    private void CompleteSearch()
    {
        searchPending = false;
        using var cancel = new CancellationTokenSource();
        // Published with a full fence before looking for changes, as Changed writes its change before looking for this.
        Interlocked.Exchange(ref searchBuild, cancel);
        if (changes.Reader.TryPeek(out _)) cancel.Cancel(); // a change arrived before the token could be cancelled by it
        var result = TryBuild(() => session.Build(options, cancel: cancel.Token));
        Interlocked.Exchange(ref searchBuild, null);
        if (result is null) return;
        if (result.Cancelled)
        {
            searchPending = true;
            return;
        }
        if (result.Succeeded)
        {
            Console.WriteLine($"Search index updated in {result.Elapsed.TotalMilliseconds:0} ms (wrote {DiagnosticReport.Count(result.Files, "file")}).");
            return;
        }
        // The content changed meanwhile and no longer builds: report it as any failed build.
        ReportFailure(result);
    }

    private int polling;

    /// <summary>
    /// When the system will not watch (too many watches, a lost event buffer), look for changes
    /// every second instead, by the files' stamps: slower to notice, never blind.
    /// </summary>
    private void PollInstead(string? whyNotWatch)
    {
        if (Interlocked.Exchange(ref polling, 1) == 1) return;
        // Changes may have been lost with the watcher: from now on the content cache checks every file's stamp.
        session.Content.WatcherReportsChanges = false;
        if (whyNotWatch is not null)
        {
            Console.Error.WriteLine($"warning: watching files failed ({whyNotWatch}); checking for changes every second instead.");
            Changed("(watching failed: looking at every file)");
        }
        _ = Task.Run(async () =>
        {
            var last = Stamp();
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var now = Stamp();
                if (now != last) Changed("(a change found by polling)");
                last = now;
            }
        });
    }

    /// <summary>Every watched file's path, length and last write, folded into one number.</summary>
    private long Stamp()
    {
        var stamp = new HashCode();
        foreach (var folder in WatchedFolders)
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                if (file.FullName.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}")) continue;
                stamp.Add(file.FullName);
                stamp.Add(FileStamp.Of(file));
            }
        }
        return stamp.ToHashCode();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        touched.Enqueue(e.FullPath);
        if (e is RenamedEventArgs renamed) touched.Enqueue(renamed.OldFullPath);
        var path = e.FullPath.Replace('\\', '/');
        // Editors' swap files and npm's folder are not part of the site.
        if (path.Contains("/node_modules/") || path.Contains("/.git/") || Path.GetFileName(path) is var name && (name.EndsWith('~') || name.StartsWith(".#") || name.EndsWith(".swp"))) return;
        Changed(Path.GetRelativePath(Directory.GetCurrentDirectory(), e.FullPath));
    }

    /// <summary>Queues a rebuild, and gives up the search files being made: the pages of the change come first.</summary>
    private void Changed(string what)
    {
        changes.Writer.TryWrite(what);
        try
        {
            Interlocked.CompareExchange(ref searchBuild, null, null)?.Cancel();
        }
        catch (ObjectDisposedException) { } // that search build has just ended
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
    }
}
