using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DigestSite.Archive;
using DigestSite.Checking;
using DigestSite.Content;
using DigestSite.Output;
using DigestSite.Pages;
using DigestSite.Publishing;
using DigestSite.Search;
using DigestSite.Rendering;

namespace DigestSite;

/// <summary>What to build from where: the content, the theme's layers (base first), the output, and an optional URL override.</summary>
public sealed record BuildOptions(string ContentDir, IReadOnlyList<string> ThemeLayers, string OutputDir, Uri? BaseUrl = null)
{
    /// <summary>Threads for rendering; -1 for one per core. The output is the same whatever it is.</summary>
    public int Parallelism { get; init; } = -1;

    /// <summary>
    /// Render again only what changed since the last build, from the manifest beside the output
    /// folder ("_site.manifest"); the output is byte-identical to a full build's either way.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>Told of each step, and of pages rendered, for a progress display; the output does not depend on it.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>What a long-running process (serve) keeps from one build to the next.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>
    /// serve: when a paper changed, keep the previous search files for now (their manifest entries
    /// keep their old inputs, so they are not current) and say so in <see cref="BuildResult.SearchDeferred"/>;
    /// the next build without it makes them. Pages are then up to date without waiting for the index.
    /// </summary>
    public bool DeferSearch { get; init; }

    /// <summary>
    /// Gives the build up (serve: a change arrived while the search files were being made): it
    /// stops at the next step, writes nothing and says so in <see cref="BuildResult.Cancelled"/>.
    /// Never while the output is being committed.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>
/// Kept between builds by a long-running process (serve): the last manifest, so it is not read back
/// and checked each time; each content file's parse result, by file stamp; each paper's view; and
/// the hashes of those views. What is reused is exactly what a fresh build would compute again.
/// </summary>
public sealed class BuildCache
{
    internal BuildManifest? Manifest { get; set; }

    public ContentCache Content { get; } = new();

    public PaperViewCache Views { get; } = new();

    internal InputHash Hash { get; } = new(typeof(PaperView));

    /// <summary>Each planned page's inputs hash, by page object (the paper pages of unchanged papers are the same objects), with the common hash it was computed with.</summary>
    internal ConcurrentDictionary<PlannedPage, (UInt128 Common, UInt128 Inputs)> PageHashes { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>A step of the build ("Rendering pages") and, for counted steps, how far it is (Total 0: not counted).</summary>
public sealed record BuildProgress(string Step, int Done, int Total);

/// <summary>The outcome: diagnostics when it failed (and nothing was written), else what was written.</summary>
/// <remarks>Files and Bytes count what this build wrote; an incremental build keeps the other files as they were.</remarks>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, int Files, long Bytes, TimeSpan Elapsed)
{
    /// <summary>Output files kept from the previous build, unchanged.</summary>
    public int Unchanged { get; init; }

    public bool Incremental { get; init; }

    /// <summary>Nothing the build reads had changed since the last one (the same file stamps), and the output still matched its manifest: nothing was done.</summary>
    public bool Skipped { get; init; }

    /// <summary>The search files are not up to date yet (<see cref="BuildOptions.DeferSearch"/>).</summary>
    public bool SearchDeferred { get; init; }

    /// <summary>Given up (<see cref="BuildOptions.Cancellation"/>): nothing was written.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the output folder was refused (<see cref="OutputFolder"/>): nothing was read or written.</summary>
    public string? Refused { get; init; }

    /// <summary>Before building, a swap that a killed build had begun was finished: the output folder is not as this build found it.</summary>
    public bool Restored { get; init; }

    public bool Succeeded => Diagnostics.Count == 0 && !Cancelled && Refused is null;
}

/// <summary>
/// The build: open the output folder (refused unless it is the build's own; locked against a second
/// build), load and check the content, parse the theme, plan the pages, render them in parallel
/// into a staging folder, add the site's other files, then swap the staging folder in.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        using var folder = OutputFolder.Open(options.OutputDir, options.ContentDir, options.ThemeLayers, options.Cache?.Manifest);
        if (folder.Refusal is { } refusal) return new BuildResult([], 0, 0, 0, TimeSpan.Zero) { Refused = refusal };
        try
        {
            return BuildOrCancel(options, folder.Previous) with { Restored = folder.Restored };
        }
        catch (OperationCanceledException) when (options.Cancellation.IsCancellationRequested)
        {
            return new BuildResult([], 0, 0, 0, TimeSpan.Zero) { Cancelled = true, Restored = folder.Restored };
        }
    }

    /// <param name="previous">The manifest of the site in the output folder, when the folder still matches it.</param>
    private static BuildResult BuildOrCancel(BuildOptions options, BuildManifest? previous)
    {
        var cancel = options.Cancellation;
        var clock = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        // The command line's fast path: the same inputs (by file stamp) as the build that wrote the manifest, and output as it left it.
        UInt128? stamp = null;
        if (options.Incremental && options.Cache is null)
        {
            stamp = InputStamp.Take(options.ContentDir, options.ThemeLayers, Theme.NpmAssets, options.OutputDir, OptionsKey(options));
            if (stamp is { } now && InputStamp.Load(options.OutputDir) == now && previous is { } same)
            {
                Phase("stamp", phase);
                return new BuildResult([], same.Files.Keys.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), 0, 0, clock.Elapsed)
                {
                    Unchanged = same.Files.Count,
                    Incremental = true,
                    Skipped = true,
                };
            }
            Phase("stamp", phase);
        }
        var (site, failure) = StagePages(options, options.Incremental ? previous : null, clock, phase);
        if (site is null) return failure!;
        // The site model (the archive, every paper's rendered summary) went with StagePages: a one-off
        // build makes the search index without it (docs/performance.md, memory).
        if (options.Cache is null) Compact();
        using var output = site.Output;
        bool searchDeferred = WriteSearchFiles(site.SearchPapers, site.SearchInputs, output, options.Parallelism, options.DeferSearch,
            compact: options.Cache is null, cancel);
        Phase("site-files", phase);
        cancel.ThrowIfCancellationRequested(); // the last point: what follows changes the output
        var manifest = output.Commit(saveManifest: options.Cache is null);
        if (options.Cache is { } cache) cache.Manifest = manifest;
        if (stamp is { } taken) InputStamp.Save(options.OutputDir, taken);
        else if (options.Cache is null) InputStamp.Delete(options.OutputDir);
        Phase("commit", phase);
        return new BuildResult([], site.Pages, output.FilesWritten, output.BytesWritten, clock.Elapsed)
        {
            Unchanged = output.FilesUnchanged,
            Incremental = output.IsIncremental,
            SearchDeferred = searchDeferred,
        };
    }

    /// <summary>The pages and the site's other files, staged, and what the search files are made from.</summary>
    /// <param name="SearchPapers">The papers in archive order, as the search files read them (a one-off build: without their HTML).</param>
    private sealed record StagedSite(StagedOutput Output, int Pages, IReadOnlyList<PaperView> SearchPapers, UInt128 SearchInputs);

    /// <summary>Loads, models, plans and renders the site into the staging folder, with its feeds, sitemap and assets.</summary>
    private static (StagedSite? Site, BuildResult? Failure) StagePages(BuildOptions options, BuildManifest? previous, Stopwatch clock, Stopwatch phase)
    {
        var cancel = options.Cancellation;
        options.Progress?.Report(new BuildProgress("Reading content", 0, 0));
        var loaded = ContentLoader.Load(options.ContentDir, options.Cache?.Content);
        Phase("load", phase);
        if (loaded.Archive is not { } archive) return (null, Failed(loaded.Diagnostics, clock));
        if (options.BaseUrl is { } url) archive = archive with { Site = archive.Site with { Url = url } };

        var diagnostics = new List<Diagnostic>();
        var theme = Theme.Load(options.ThemeLayers, diagnostics);
        if (theme is null) return (null, Failed(diagnostics, clock));
        var model = new SiteModel(archive, options.Cache?.Views);
        if (options.Cache is null) Compact(); // what reading left behind (file texts, YAML, Markdown trees) goes before the pages are rendered
        Phase("model", phase);
        var pages = SitePlan.Pages(model);
        Phase("plan", phase);
        var templates = TemplateSet.Parse(theme, pages.Select(p => p.Template).Distinct(), diagnostics);
        if (templates is null || diagnostics.Count > 0) return (null, Failed(diagnostics, clock));
        Phase("templates", phase);

        var output = new StagedOutput(options.OutputDir, previous, expectedFiles: pages.Count + model.Archive.Topics.Count + 64);
        try
        {
            var hash = options.Cache?.Hash ?? new InputHash(typeof(PaperView));
            hash.Retain(model.PapersInOrder, RetainSlack);
            // What every page reads: the program, the templates (a change to one, or to a partial, renders every page again) and `site`.
            var common = hash.Of(InputHash.Program, theme.Templates.Select(t => (object?)t.Key).ToArray(),
                theme.Templates.Select(t => (object?)InputHash.File(t.Value.FullPath)).ToArray(), model.Site);
            var renderErrors = RenderPages(pages, model, templates, output, hash, common, options.Parallelism, options.Progress, options.Cache?.PageHashes, cancel);
            if (renderErrors.Count > 0)
            {
                output.Dispose();
                return (null, Failed(renderErrors, clock));
            }
            if (options.Cache is null) Compact(); // the pages' garbage
            Phase("render", phase);
            options.Progress?.Report(new BuildProgress("Writing feeds, sitemap and search index", 0, 0));
            WritePublishingFiles(model, pages, theme, output, hash);
            // The search files read the papers (in archive order) and nothing else: made again only when one changed.
            var searchInputs = hash.Of(InputHash.Program, "search", model.PapersInOrder);
            var searchPapers = options.Cache is null ? model.PapersInOrder.Select(ForSearch).ToArray() : model.PapersInOrder;
            return (new StagedSite(output, pages.Count, searchPapers, searchInputs), null);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>A paper as the search files read it: without its summary's HTML and its BibTeX, the largest fields they do not read.</summary>
    private static PaperView ForSearch(PaperView paper) => paper with { SummaryHtml = "", Bibtex = "" };

    private static List<Diagnostic> RenderPages(IReadOnlyList<PlannedPage> pages, SiteModel model, TemplateSet templates, StagedOutput output,
        InputHash hash, UInt128 common, int parallelism, IProgress<BuildProgress>? progress,
        ConcurrentDictionary<PlannedPage, (UInt128 Common, UInt128 Inputs)>? known, CancellationToken cancel)
    {
        if (known is not null && known.Count > pages.Count + RetainSlack)
        {
            var current = pages.ToHashSet<PlannedPage>(ReferenceEqualityComparer.Instance);
            foreach (var (page, _) in known)
                if (!current.Contains(page)) known.TryRemove(page, out _);
        }
        var errors = new ConcurrentBag<Diagnostic>();
        int done = 0;
        progress?.Report(new BuildProgress("Rendering pages", 0, pages.Count));
        Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancel }, lazy =>
        {
            var page = lazy.Planned(); // a paper page's head is made here, once, and dropped with the page's HTML
            var path = model.Urls.OutputPath(page.Url);
            if (Interlocked.Increment(ref done) % 250 == 0) progress?.Report(new BuildProgress("Rendering pages", done, pages.Count));
            UInt128 inputs;
            if (known is not null && known.TryGetValue(lazy, out var memo) && memo.Common == common) inputs = memo.Inputs;
            else
            {
                inputs = hash.Of(common, page.Url, page.Template, page.Page, page.Values);
                if (known is not null) known[lazy] = (common, inputs);
            }
            if (output.IsCurrent(path, inputs)) return;
            var local = new List<Diagnostic>();
            if (templates.Render(page, model.Site, local) is { } html)
                output.Write(path, inputs, Encoding.UTF8.GetBytes(html));
            foreach (var error in local) errors.Add(error);
        });
        // One broken template fails every page: report each distinct problem once.
        return errors.DistinctBy(e => (e.Path, e.Line, e.Column)).OrderBy(e => e, Diagnostic.Order).ToList();
    }

    /// <summary>
    /// serve's memos (by object) are swept only when they hold this many entries more than the site
    /// has: a sweep costs a set of the whole site, too much to pay on every rebuild for one stale entry.
    /// </summary>
    internal const int RetainSlack = 512;

    /// <summary>Everything the build reads besides files: a different value means a different site.</summary>
    private static string OptionsKey(BuildOptions options) =>
        string.Join("\n", "base-url " + options.BaseUrl?.AbsoluteUri, "layers " + string.Join("|", options.ThemeLayers.Select(Path.GetFullPath)));

    /// <summary>Feeds, sitemap, robots.txt, the theme's assets and .nojekyll.</summary>
    private static void WritePublishingFiles(SiteModel model, IReadOnlyList<PlannedPage> pages, Theme theme, StagedOutput output, InputHash hash)
    {
        // Feeds and the sitemap are made again only when what they read changed (serve: nearly every edit leaves them be).
        WriteIfChanged(output, hash, model.Urls.OutputPath(model.Urls.Feed), AtomFeeds.SiteInputs(model), () => AtomFeeds.Site(model));
        foreach (var topic in model.Archive.Topics)
            WriteIfChanged(output, hash, model.Urls.OutputPath(model.Urls.TopicFeed(topic.Slug)), AtomFeeds.TopicInputs(model, topic), () => AtomFeeds.Topic(model, topic));
        WriteIfChanged(output, hash, model.Urls.OutputPath(model.Urls.Sitemap), Sitemap.Inputs(model, pages), () => Sitemap.Xml(model, pages));
        output.Write("robots.txt", Sitemap.Robots(model));
        foreach (var (name, file) in theme.Assets) output.Copy(file.FullPath, $"{Theme.AssetsFolder}/{name}");
        // GitHub Pages would otherwise run Jekyll over the site, and hide folders starting with "_".
        output.Write(".nojekyll", "");
    }

    /// <returns>True when the search files were left as they were (<see cref="BuildOptions.DeferSearch"/>).</returns>
    private static bool WriteSearchFiles(IReadOnlyList<PaperView> papers, UInt128 searchInputs, StagedOutput output, int parallelism,
        bool deferSearch, bool compact, CancellationToken cancel)
    {
        var phase = Stopwatch.StartNew();
        // serve, after an edit: the last search files stay (with their old inputs) until a build without DeferSearch.
        bool indexCurrent = output.IsCurrent(SearchIndex.IndexFile, searchInputs);
        bool deferred = deferSearch && !indexCurrent && output.KeepPrevious(SearchFiles);
        if (!deferred)
        {
            // The index is built once, for index.json (streamed to its file) and its split form (read from it directly),
            // and dropped as soon as the split form has read it.
            LunrSplit? split = null;
            if (!indexCurrent)
            {
                var index = SearchIndex.Build(papers, parallelism, cancel);
                if (compact) Compact(); // the builder's documents and growing arrays, before index.json and the split form
                cancel.ThrowIfCancellationRequested();
                output.Write(SearchIndex.IndexFile, searchInputs, index.WriteJson);
                cancel.ThrowIfCancellationRequested();
                split = LunrSplit.From(index);
                index = null!;
                if (compact) Compact(); // the index and its builder's arrays, before the split form's
            }
            cancel.ThrowIfCancellationRequested();
            if (!output.IsCurrent(SearchIndex.DocsFile, searchInputs))
                output.Write(SearchIndex.DocsFile, searchInputs, stream => SearchIndex.WriteDocs(stream, papers));
            cancel.ThrowIfCancellationRequested();
            SplitSearchIndex.Write(output, searchInputs, papers, () => split ?? LunrSplit.From(SearchIndex.Build(papers, parallelism, cancel)));
        }
        Phase("search-index", phase);
        return deferred;
    }

    private static void WriteIfChanged(StagedOutput output, InputHash hash, string path, object?[] reads, Func<byte[]> make)
    {
        var inputs = hash.Of(InputHash.Program, reads);
        if (!output.IsCurrent(path, inputs)) output.Write(path, inputs, make());
    }

    private static bool SearchFiles(string path) =>
        path is SearchIndex.IndexFile or SearchIndex.DocsFile || path.StartsWith(SplitSearchIndex.Folder + "/", StringComparison.Ordinal);

    /// <summary>
    /// A full, compacting collection (the large object heap too) between phases of a one-off build:
    /// the GC would otherwise let the heap grow to two or three times what is live (docs/performance.md).
    /// </summary>
    private static void Compact()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>With DIGESTSITE_TIMINGS=1, each phase's time goes to stderr ("timing NAME MS"), for bench/DigestSite.Bench.</summary>
    private static readonly bool ShowTimings = Environment.GetEnvironmentVariable("DIGESTSITE_TIMINGS") == "1";

    private static void Phase(string name, Stopwatch phase)
    {
        if (ShowTimings)
        {
            Console.Error.WriteLine($"timing {name} {phase.Elapsed.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}");
            // Memory after the phase (bench/DigestSite.Bench reads only the "timing" lines): live heap, GC heap, process.
            // DIGESTSITE_TIMINGS_GC=1: what is still reachable (a full collection first, which changes the run's memory profile).
            long live = Environment.GetEnvironmentVariable("DIGESTSITE_TIMINGS_GC") == "1" ? GC.GetTotalMemory(true) : GC.GetTotalMemory(false);
            var gc = GC.GetGCMemoryInfo();
            using var self = Process.GetCurrentProcess();
            Console.Error.WriteLine($"memory {name} live {live >> 20} MiB, heap {gc.HeapSizeBytes >> 20} MiB, committed {gc.TotalCommittedBytes >> 20} MiB, rss {self.WorkingSet64 >> 20} MiB, peak {self.PeakWorkingSet64 >> 20} MiB, " +
                $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
        }
        phase.Restart();
    }

    private static BuildResult Failed(IReadOnlyList<Diagnostic> diagnostics, Stopwatch clock) =>
        new(Diagnostic.Sorted(diagnostics), 0, 0, 0, clock.Elapsed);
}
