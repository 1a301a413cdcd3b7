using System.Diagnostics;
using System.Threading.Channels;
using DigestSite.Checking;

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

    private readonly BuildOptions options;
    private readonly LiveReload live;
    private readonly Channel<string> changes = Channel.CreateUnbounded<string>();
    private readonly List<FileSystemWatcher> watchers = [];

    public Rebuilder(BuildOptions options, LiveReload live)
    {
        this.options = options;
        this.live = live;
        foreach (var folder in options.ThemeLayers.Prepend(options.ContentDir).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watchers.Add(watcher);
        }
    }

    /// <summary>Builds once, search files included; true when it succeeded.</summary>
    public bool Build() => Build(deferSearch: false);

    /// <summary>
    /// After a change: pages first, so open pages reload as soon as they are up to date; the search
    /// files (the whole index depends on every paper) follow in <see cref="CompleteSearch"/>.
    /// </summary>
    private bool Build(bool deferSearch)
    {
        if (options.Cache is { } cache)
            while (touched.TryDequeue(out var path)) cache.Content.Forget(path);
        var result = SiteBuilder.Build(options with { DeferSearch = deferSearch });
        if (result.Succeeded)
        {
            searchPending = result.SearchDeferred;
            Console.WriteLine($"Built {DiagnosticReport.Count(result.Pages, "page")} in {result.Elapsed.TotalMilliseconds:0} ms (wrote {DiagnosticReport.Count(result.Files, "file")}" +
                              $"{(result.SearchDeferred ? "; search index next" : "")}).");
            live.Succeeded();
            return true;
        }
        var report = new StringWriter();
        DiagnosticReport.Print(result.Diagnostics, options.ContentDir, report);
        Console.Error.Write(report.ToString());
        Console.Error.WriteLine("The last good version of the site is still served.");
        live.Failed(report.ToString().TrimEnd().Split('\n'));
        return false;
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
                Console.WriteLine($"Changed: {string.Join(", ", changed.Take(3))}{(changed.Count > 3 ? $" and {changed.Count - 3} more" : "")}");
                Build(deferSearch: options.Cache is not null);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>The search files of the last build, made when no change is waiting; a normal build (the pages are current, so only they are made).</summary>
    private void CompleteSearch()
    {
        searchPending = false;
        var result = SiteBuilder.Build(options);
        if (result.Succeeded)
        {
            Console.WriteLine($"Search index updated in {result.Elapsed.TotalMilliseconds:0} ms (wrote {DiagnosticReport.Count(result.Files, "file")}).");
            return;
        }
        // The content changed meanwhile and no longer builds: report it as any failed build.
        var report = new StringWriter();
        DiagnosticReport.Print(result.Diagnostics, options.ContentDir, report);
        Console.Error.Write(report.ToString());
        Console.Error.WriteLine("The last good version of the site is still served.");
        live.Failed(report.ToString().TrimEnd().Split('\n'));
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        touched.Enqueue(e.FullPath);
        if (e is RenamedEventArgs renamed) touched.Enqueue(renamed.OldFullPath);
        var path = e.FullPath.Replace('\\', '/');
        // Editors' swap files and npm's folder are not part of the site.
        if (path.Contains("/node_modules/") || path.Contains("/.git/") || Path.GetFileName(path) is var name && (name.EndsWith('~') || name.StartsWith(".#") || name.EndsWith(".swp"))) return;
        changes.Writer.TryWrite(Path.GetRelativePath(Directory.GetCurrentDirectory(), e.FullPath));
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
    }
}
