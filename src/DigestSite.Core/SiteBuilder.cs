using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using DigestSite.Archive;
using DigestSite.Diagnostics;
using DigestSite.Content;
using DigestSite.Incremental;
using DigestSite.Output;
using DigestSite.Pages;
using DigestSite.Publishing;
using DigestSite.Publishing.Citations;
using DigestSite.Search;
using DigestSite.Rendering;

namespace DigestSite;

/// <summary>
/// The build: open the output folder (refused unless it is the build's own; locked against a second
/// build), load and check the content, model it, plan the pages, render them in parallel into a
/// staging folder, publish the site's other files, make the search files, then commit the staging
/// folder over the output. Each step reuses what the last build made from the same inputs
/// (the manifest beside the output: docs/performance.md), and the output is the same either way.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// A one-off build (the command line): it starts from what is on disk, skips the build when the
    /// inputs' file stamps say nothing changed, and saves the manifest and the stamps beside the output.
    /// </summary>
    public static BuildResult Build(BuildOptions options) => Run(new BuildRun(options, Session: null, DeferSearch: false, default));

    /// <summary>One build of a long-running process (<see cref="BuildSession.Build"/>).</summary>
    internal static BuildResult Build(BuildOptions options, BuildSession session, bool deferSearch, CancellationToken cancel) =>
        Run(new BuildRun(options, session, deferSearch, cancel));

    /// <summary>One build: its options, and the session it belongs to, if any.</summary>
    private sealed record BuildRun(BuildOptions Options, BuildSession? Session, bool DeferSearch, CancellationToken Cancel)
    {
        /// <summary>
        /// A build on its own, the only one in its process: it trusts file stamps, keeps the manifest
        /// on disk, and drops each phase's data as soon as it can (it has no later build to keep them for).
        /// </summary>
        public bool OneOff => Session is null;

        public BuildObserver Observer => Options.Observer;
    }

    private static BuildResult Run(BuildRun run)
    {
        var options = run.Options;
        var clock = Stopwatch.StartNew();
        // The command line's fast path: the same inputs (by file stamp) as the build that wrote the output, and the output as it
        // left it. The inputs' fingerprint is taken on another core while the output folder is opened and listed.
        var stamping = run.OneOff && options.Incremental ? TakingStamp(options) : null;
        InputStamp.Taken? Stamp() => stamping?.GetAwaiter().GetResult();
        Task<ParsedPaperStore?>? reading = null;
        using var folder = OutputFolder.Open(options.OutputDir, options.ContentDir, options.ThemeLayers, run.Session?.Manifest,
            stamping is null ? null : () =>
            {
                reading = ReadingStore(stamping, options);
                return InputStamp.Compare(options.OutputDir, () => Stamp() is { Settled: true } now ? now.Hash : null, options.Parallelism);
            });
        var stamp = Stamp();
        // Held by the box alone, which the model step empties: the store goes once saved, not at the end of the build.
        var parsed = new StrongBox<ParsedPaperStore?>(reading?.GetAwaiter().GetResult());
        reading = null;
        if (run.OneOff && options.Incremental) options.Observer.PhaseEnded("stamp", clock.Elapsed);
        if (folder.Refusal is { } refusal) return new BuildResult([], 0, 0, 0, TimeSpan.Zero) { Refused = refusal };
        if (folder.UpToDate is { } same)
            return new BuildResult([], same.Pages, 0, 0, clock.Elapsed) { Unchanged = same.Files, Incremental = true, Skipped = true };
        try
        {
            return Pipeline(run, folder.Previous, stamp, parsed) with { Restored = folder.Restored };
        }
        catch (OperationCanceledException) when (run.Cancel.IsCancellationRequested)
        {
            return new BuildResult([], 0, 0, 0, TimeSpan.Zero) { Cancelled = true, Restored = folder.Restored };
        }
    }

    /// <param name="previous">The manifest of the site in the output folder, when the folder still matches it.</param>
    /// <param name="stamp">A one-off build: the inputs' fingerprint, saved with the manifest for the next build's fast path.</param>
    /// <param name="parsed">A one-off build: the store of parsed papers, when it was read while the output folder was checked.</param>
    private static BuildResult Pipeline(BuildRun run, BuildManifest? previous, InputStamp.Taken? stamp, StrongBox<ParsedPaperStore?> parsed)
    {
        var clock = Stopwatch.StartNew();
        var phases = new Phases(run.Observer);

        var (site, failure) = StagePages(run, run.Options.Incremental ? previous : null, parsed, phases);
        if (site is null) return failure! with { Elapsed = clock.Elapsed };
        using var output = site.Output;
        if (site.Search is { } search)
        {
            // The site model (the archive, every paper's rendered summary) went with StagePages: the search index is
            // made without it (docs/performance.md, memory).
            if (run.OneOff) run.Observer.GarbageLeft();
            WriteSearchIndex(run, search, output);
        }
        phases.End("search-index");

        run.Cancel.ThrowIfCancellationRequested(); // the last point: what follows changes the output
        Commit(run, output, stamp);
        phases.End("commit");
        return new BuildResult([], site.Pages, output.FilesWritten, output.BytesWritten, clock.Elapsed)
        {
            Unchanged = output.FilesUnchanged,
            Incremental = output.IsIncremental,
            SearchDeferred = site.Search is null,
        };
    }

    /// <summary>The pages, the site's other files and the search files that do not read the index, staged.</summary>
    /// <param name="Search">What the search index is made from; null when the search files were left as they were (a session's deferred search).</param>
    private sealed record StagedSite(StagedOutput Output, int Pages, SearchSource? Search);

    /// <summary>What the search files are made from.</summary>
    /// <param name="Papers">The papers in archive order, as the search files read them (a one-off build: without their HTML).</param>
    /// <param name="Terms">Their analysed terms, in the same order (<see cref="SiteModel.Terms"/>).</param>
    /// <param name="Inputs">What the search files made from every paper are made from: the papers.</param>
    /// <param name="DisplayInputs">What each of the split form's display and text files is made from: its papers (<see cref="SplitSearchIndex.WriteDisplay"/>).</param>
    /// <param name="IndexCurrent">True when the last build made index.json from the same papers (kept as it is).</param>
    private sealed record SearchSource(IReadOnlyList<PaperView> Papers, ArchiveTerms Terms, UInt128 Inputs, UInt128[] DisplayInputs, bool IndexCurrent);

    /// <summary>Loads, models, plans and renders the site into the staging folder, with its feeds, sitemap and assets.</summary>
    private static (StagedSite? Site, BuildResult? Failure) StagePages(BuildRun run, BuildManifest? previous, StrongBox<ParsedPaperStore?> parsed, Phases phases)
    {
        // Loading and modelling run in a method of their own: what they leave on its stack (the loaded archive, the
        // parsed-paper store, their delegates) goes when it returns, not when the pages are rendered.
        var (modelled, failure) = Model(run, parsed, phases);
        if (modelled is null) return (null, failure);
        try
        {
            if (run.OneOff) run.Observer.GarbageLeft(); // what reading left behind (file texts, YAML, Markdown trees)
            phases.End("model");
            return StageModel(run, modelled.Model, modelled.Theme, modelled.Diagnostics, previous, phases);
        }
        finally
        {
            modelled.Saving.GetAwaiter().GetResult();
        }
    }

    /// <summary>The site model, the theme (and what loading it found), and the parsed-paper store being saved.</summary>
    private sealed record Modelled(SiteModel Model, Theme Theme, List<Diagnostic> Diagnostics, Task Saving);

    /// <summary>Loads the content and the theme and models the site; the store of parsed papers is saved on another thread meanwhile.</summary>
    /// <param name="read">The store of parsed papers, if it was read already (taken out of the box).</param>
    private static (Modelled? Modelled, BuildResult? Failure) Model(BuildRun run, StrongBox<ParsedPaperStore?> read, Phases phases)
    {
        var options = run.Options;
        options.Observer.Progress(new BuildProgress("Reading content", 0, 0));
        // A one-off build parses and renders only the papers whose bytes the last one did not (serve keeps them in memory instead).
        var parsed = run.OneOff && options.Incremental ? read.Value ?? ParsedPaperStore.Open(options.OutputDir) : null;
        read.Value = null;
        var loaded = ContentLoader.Load(options.ContentDir, run.Session?.Content, parsed);
        phases.End("load");
        if (loaded.Archive is not { } archive) return (null, Failed(loaded.Diagnostics));
        if (options.BaseUrl is { } url) archive = archive with { Config = archive.Config with { Url = url } };

        var diagnostics = new List<Diagnostic>();
        var theme = Theme.Load(options.ThemeLayers, diagnostics);
        if (theme is null) return (null, Failed(diagnostics));
        // Kept for the next build, written as soon as every paper is rendered, while the model numbers the terms and finds
        // the related papers (a stream on one thread, a tenth of a second at 10,000 papers); the store then lets go of
        // the papers, which the model's peak would otherwise hold. The file is only a cache, found by content: a build
        // that fails later leaves it right; it is finished before the build returns.
        var saving = Task.CompletedTask;
        try
        {
            var model = new SiteModel(archive, run.Session?.Views, parsed is null ? null : parsed.Render, options.Parallelism,
                rendered: () => saving = Saving(parsed, options));
            return (new Modelled(model, theme, diagnostics, saving), null);
        }
        catch
        {
            try { saving.Wait(); } catch (AggregateException) { } // this error is the one reported
            throw;
        }
    }

    /// <summary>The store saved beside the output: on another thread, unless the build runs on one.</summary>
    private static Task Saving(ParsedPaperStore? parsed, BuildOptions options)
    {
        if (parsed is null) return Task.CompletedTask;
        if (options.Parallelism != 1) return Task.Run(() => parsed.Save(options.OutputDir));
        parsed.Save(options.OutputDir);
        return Task.CompletedTask;
    }

    /// <summary>Plans and renders the pages of <paramref name="model"/> into the staging folder, with the site's other files.</summary>
    /// <param name="diagnostics">What loading the theme found, if anything.</param>
    private static (StagedSite? Site, BuildResult? Failure) StageModel(BuildRun run, SiteModel model, Theme theme, List<Diagnostic> diagnostics,
        BuildManifest? previous, Phases phases)
    {
        var options = run.Options;
        // An array the render takes each page out of as it goes (RenderPages); the sitemap, the one later reader of
        // the pages, is planned before they go.
        var pages = SitePlan.Pages(model);
        int pageCount = pages.Length;
        var sitemap = Sitemap.Plan(model, pages);
        phases.End("plan");
        var templates = TemplateSet.Parse(theme, diagnostics);
        if (templates is null || diagnostics.Count > 0) return (null, Failed(diagnostics));
        phases.End("templates");

        var output = new StagedOutput(options.OutputDir, previous, expectedFiles: pageCount + model.Archive.Topics.Count + 64);
        try
        {
            var hash = run.Session?.Hash ?? new InputHash(InputHash.SharedViews);
            hash.Retain(model.PapersInOrder, BuildSession.RetainSlack);
            // What every page reads: the program, the templates (a change to one, or to a partial, renders every page again) and `site`.
            var common = hash.Of(InputHash.Program, theme.Templates.Select(t => (object?)t.Key).ToArray(),
                theme.Templates.Select(t => (object?)t.Value.Hash()).ToArray(), model.Site);
            var renderErrors = RenderPages(run, pages, model, templates, output, hash, common);
            if (renderErrors.Count > 0)
            {
                output.Dispose();
                return (null, Failed(renderErrors));
            }
            // The feeds' entries show a few of the records the pages shared: their values are made again if needed.
            templates.ForgetSharedValues();
            if (run.OneOff) run.Observer.GarbageLeft(); // the pages' HTML, their plan and the records' template values
            phases.End("render");

            options.Observer.Progress(new BuildProgress("Writing feeds, sitemap and search index", 0, 0));
            bool parallel = options.Parallelism != 1;
            var threads = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = run.Cancel };
            var search = SearchSourceOf(run, model, hash, output);
            // serve, after an edit: the last search files stay (with their old inputs) until a build that does not defer them.
            bool searchDeferred = run.DeferSearch && !search.IndexCurrent && output.KeepPrevious(SearchFiles);
            // The search files that read only the papers (docs.json, the split form's display and text files: a file for
            // every four papers, written one after another) are made while the site's other files are published, in the
            // time their serial steps (the feeds' entry table, the sitemap, the data index) leave the other core. So are the
            // citation and data files beside the feeds. The search index itself is made after, without the model: its
            // arrays beside the model's would raise the 50,000-paper build's peak (docs/performance.md).
            var publishErrors = Both(parallel,
                () =>
                {
                    if (!searchDeferred) WriteSearchDisplay(search, output);
                },
                () => Both(parallel,
                    () =>
                    {
                        CitationFiles.Write(model, output, hash, options.Parallelism, run.Cancel);
                        OpenData.Write(model, output, hash, options.Parallelism, run.Cancel);
                    },
                    () => WritePublishingFiles(model, sitemap, theme, templates, output, hash, common, threads)));
            if (publishErrors.Count > 0)
            {
                output.Dispose();
                return (null, Failed(publishErrors));
            }
            phases.End("publish");
            return (new StagedSite(output, pageCount, searchDeferred ? null : search), null);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>What the search files read of <paramref name="model"/>, and their inputs.</summary>
    private static SearchSource SearchSourceOf(BuildRun run, SiteModel model, InputHash hash, StagedOutput output)
    {
        // The search files read the papers (in archive order) and nothing else: made again only when one changed.
        var inputs = hash.Of(InputHash.Program, "search", model.PapersInOrder);
        var displayInputs = model.PapersInOrder.Chunk(SplitSearchIndex.DocsPerFile).Select(papers => hash.Of(InputHash.Program, "search-display", papers)).ToArray();
        // A one-off build keeps only what the search reads; a session keeps the views anyway.
        var papers = run.OneOff ? model.PapersInOrder.Select(ForSearch).ToArray() : model.PapersInOrder;
        return new SearchSource(papers, model.Terms, inputs, displayInputs, output.IsCurrent(SearchIndex.IndexFile, inputs));
    }

    /// <summary>A paper as the search files read it: without its summary's HTML and its citation, the largest fields they do not read.</summary>
    private static PaperView ForSearch(PaperView paper) => paper with { SummaryHtml = Utf8Text.Empty, Bibtex = Utf8Text.Empty, Citation = CitationView.None };

    /// <param name="pages">Emptied as the pages are rendered: each page's values (its views, a small page's head) go with its HTML, not at the end.</param>
    private static List<Diagnostic> RenderPages(BuildRun run, PlannedPage[] pages, SiteModel model, TemplateSet templates, StagedOutput output,
        InputHash hash, UInt128 common)
    {
        run.Session?.RetainPages(pages);
        var errors = new ConcurrentBag<Diagnostic>();
        int done = 0, count = pages.Length;
        var observer = run.Observer;
        observer.Progress(new BuildProgress("Rendering pages", 0, count));
        // Each thread renders into builders of its own (the page's and its body's), kept from page to page (TemplateSet.Render).
        // Kept by thread, not by Parallel.For's worker: the workers other than the caller's end every 100-150 ms and are
        // started again, and each new builder grew again, chunk by chunk, to the largest page.
        using var builders = new ThreadLocal<(StringBuilder Html, StringBuilder Body)>(() => (new StringBuilder(), new StringBuilder()));
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = run.Options.Parallelism, CancellationToken = run.Cancel }, i =>
        {
            var (html, body) = builders.Value;
            var page = pages[i];
            pages[i] = null!;
            var path = model.Urls.OutputPath(page.Url);
            if (Interlocked.Increment(ref done) % 250 == 0) observer.Progress(new BuildProgress("Rendering pages", done, count));
            // The head is made once, only if the page is hashed or rendered, and dropped with its HTML.
            PageView? head = null;
            PageView Head() => head ??= page.Head();
            UInt128 Inputs() => hash.Of(common, page.Url, page.Template, page.HeadInputs ?? Head(), page.Values);
            var inputs = run.Session is { } session ? session.PageInputs(page, common, Inputs) : Inputs();
            if (output.IsCurrent(path, inputs)) return;
            var local = new List<Diagnostic>();
            if (templates.Render(page, Head(), model.Site, html, body, local))
                output.Write(path, inputs, html);
            foreach (var error in local) errors.Add(error);
        });
        // One broken template fails every page: report each distinct problem once.
        return errors.DistinctBy(e => (e.Path, e.Line, e.Column)).OrderBy(e => e, Diagnostic.Order).ToList();
    }

    /// <summary>Feeds (Atom, their JSON twins, the OPML list), sitemap, robots.txt, the theme's assets and .nojekyll; the feed entries' template errors, if any.</summary>
    private static List<Diagnostic> WritePublishingFiles(SiteModel model, SitemapView sitemap, Theme theme, TemplateSet templates,
        StagedOutput output, InputHash hash, UInt128 common, ParallelOptions threads)
    {
        // Feeds and the sitemap are made again only when their model changed (serve: nearly every edit leaves them be).
        // A feed reads the templates (its entries' HTML) and `site`, as a page does: hence the common hash.
        var feeds = AtomFeeds.Plan(model, threads);
        var errors = FeedFiles.Write(feeds, templates, model.Site, output, hash, common, threads);
        WriteIfChanged(output, FeedsOpml.File, hash.Of(InputHash.Program, "opml", model.Site.Title, feeds.Select(f => $"{f.Title}\n{f.FeedUrl}\n{f.PageUrl}").ToArray()),
            () => FeedsOpml.Write(model.Site.Title, feeds));
        WriteIfChanged(output, model.Urls.OutputPath(model.Urls.Sitemap), hash.Of(InputHash.Program, sitemap), () => Sitemap.Xml(sitemap));
        output.Write("robots.txt", Sitemap.Robots(model));
        foreach (var (name, file) in theme.Assets)
        {
            if (file.BuiltIn is { } bytes) output.Write($"{Theme.AssetsFolder}/{name}", bytes);
            else output.Copy(file.FullPath, $"{Theme.AssetsFolder}/{name}");
        }
        // GitHub Pages would otherwise run Jekyll over the site, and hide folders starting with "_".
        output.Write(".nojekyll", "");
        return errors.DistinctBy(e => (e.Path, e.Line, e.Column)).OrderBy(e => e, Diagnostic.Order).ToList();
    }

    private static void WriteIfChanged(StagedOutput output, string path, UInt128 inputs, Func<byte[]> make)
    {
        if (!output.IsCurrent(path, inputs)) output.Write(path, inputs, make());
    }

    /// <summary>docs.json and the split form's display and text files: what the search files read of the papers alone.</summary>
    private static void WriteSearchDisplay(SearchSource search, StagedOutput output)
    {
        if (!output.IsCurrent(SearchIndex.DocsFile, search.Inputs))
            output.Write(SearchIndex.DocsFile, search.Inputs, stream => SearchIndex.WriteDocs(stream, search.Papers));
        SplitSearchIndex.WriteDisplay(output, search.DisplayInputs, search.Papers);
    }

    /// <summary>index.json and the split form's index files, made from one index built from the papers' terms, unless they are current.</summary>
    private static void WriteSearchIndex(BuildRun run, SearchSource search, StagedOutput output)
    {
        var (papers, terms, inputs) = (search.Papers, search.Terms, search.Inputs);
        var cancel = run.Cancel;
        // The index is built once, for index.json (streamed to its file) and its split form (read from it directly),
        // and dropped as soon as the split form has read it.
        LunrSplit? split = null;
        if (!search.IndexCurrent)
        {
            var index = SearchIndex.Build(papers, terms, run.Options.Parallelism, cancel);
            if (run.OneOff) run.Observer.GarbageLeft(); // the builder's documents and growing arrays, before index.json and the split form
            cancel.ThrowIfCancellationRequested();
            // index.json is written (one thread: a stream) while the split form reads the same index, which neither changes.
            split = Both(run.Options.Parallelism != 1, () => output.Write(SearchIndex.IndexFile, inputs, index.WriteJson), () => LunrSplit.From(index));
            index = null!;
            if (run.OneOff) run.Observer.GarbageLeft(); // the index and its builder's arrays, before the split form's
        }
        cancel.ThrowIfCancellationRequested();
        SplitSearchIndex.WriteIndex(output, inputs, papers, () => split ?? LunrSplit.From(SearchIndex.Build(papers, terms, run.Options.Parallelism, cancel)));
    }

    /// <summary>Runs <paramref name="first"/> on another thread while <paramref name="second"/> runs on this one (when <paramref name="parallel"/>); <paramref name="second"/>'s result.</summary>
    private static T Both<T>(bool parallel, Action first, Func<T> second)
    {
        if (!parallel)
        {
            first();
            return second();
        }
        var other = Task.Run(first);
        T result;
        try
        {
            result = second();
        }
        catch
        {
            // Waited for even so: nothing may still write into the staging folder once the build gives up; this error is the one reported.
            try { other.Wait(); } catch (AggregateException) { }
            throw;
        }
        other.GetAwaiter().GetResult();
        return result;
    }

    private static bool SearchFiles(string path) =>
        path is SearchIndex.IndexFile or SearchIndex.DocsFile || path.StartsWith(SplitSearchIndex.Folder + "/", StringComparison.Ordinal);

    /// <summary>Swaps the staged output in; records the manifest (a session: in memory) and, for a one-off build, the inputs' stamp.</summary>
    private static void Commit(BuildRun run, StagedOutput output, InputStamp.Taken? stamp)
    {
        var manifest = output.Commit(saveManifest: run.OneOff);
        if (run.Session is { } session) session.Manifest = manifest;
        else if (stamp?.Confirmed() is { } taken) InputStamp.Save(run.Options.OutputDir, taken, manifest);
        else InputStamp.Delete(run.Options.OutputDir);
    }

    /// <summary>
    /// The store of parsed papers, read on another core (under the output folder's lock, while the folder is checked) once
    /// the inputs' fingerprint shows they changed since the last build: a build about to be skipped does not read it.
    /// Null (the task's result) when the inputs look unchanged, or the build runs on one thread: then the build opens it
    /// itself if it needs it.
    /// </summary>
    private static Task<ParsedPaperStore?>? ReadingStore(Task<InputStamp.Taken?> stamping, BuildOptions options)
    {
        if (options.Parallelism == 1) return null;
        return stamping.ContinueWith(taken => taken.Result is { Settled: true } now && now.Hash == InputStamp.Kept(options.OutputDir)
            ? null : ParsedPaperStore.Open(options.OutputDir), TaskScheduler.Default);
    }

    /// <summary>The inputs' fingerprint by file stamps (<see cref="InputStamp"/>), or null when it cannot be trusted: on another thread, unless the build runs on one.</summary>
    private static Task<InputStamp.Taken?> TakingStamp(BuildOptions options)
    {
        InputStamp.Taken? Take() => InputStamp.Take(options.ContentDir, options.ThemeLayers, options.OutputDir, OptionsKey(options));
        return options.Parallelism == 1 ? Task.FromResult(Take()) : Task.Run(Take);
    }

    /// <summary>Everything the build reads besides files: a different value means a different site.</summary>
    private static string OptionsKey(BuildOptions options) =>
        string.Join("\n", "base-url " + options.BaseUrl?.AbsoluteUri, "layers " + string.Join("|", options.ThemeLayers.Select(Path.GetFullPath)));

    private static BuildResult Failed(IReadOnlyList<Diagnostic> diagnostics) => new(Diagnostic.Sorted(diagnostics), 0, 0, 0, TimeSpan.Zero);

    /// <summary>Times the phases one after another, for the observer.</summary>
    private sealed class Phases(BuildObserver observer)
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();

        public void End(string phase)
        {
            observer.PhaseEnded(phase, watch.Elapsed);
            watch.Restart();
        }
    }
}
