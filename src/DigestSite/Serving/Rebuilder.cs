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

    /// <summary>Builds once; true when it succeeded.</summary>
    public bool Build()
    {
        var result = SiteBuilder.Build(options);
        if (result.Succeeded)
        {
            Console.WriteLine($"Built {DiagnosticReport.Count(result.Pages, "page")} in {result.Elapsed.TotalMilliseconds:0} ms (wrote {DiagnosticReport.Count(result.Files, "file")}).");
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
            while (await changes.Reader.WaitToReadAsync(stop))
            {
                await Task.Delay(Settle, stop);
                var changed = new SortedSet<string>(StringComparer.Ordinal);
                while (changes.Reader.TryRead(out var path)) changed.Add(path);
                Console.WriteLine($"Changed: {string.Join(", ", changed.Take(3))}{(changed.Count > 3 ? $" and {changed.Count - 3} more" : "")}");
                Build();
            }
        }
        catch (OperationCanceledException) { }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
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
