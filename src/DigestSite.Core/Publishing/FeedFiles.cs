using DigestSite.Diagnostics;
using DigestSite.Incremental;
using DigestSite.Output;
using DigestSite.Pages;
using DigestSite.Rendering;

namespace DigestSite.Publishing;

/// <summary>
/// Every feed of the site written (its Atom file and its JSON twin), on all the build's threads:
/// 4,000 author feeds at 10,000 papers made this step one core's work. The feeds to write again are
/// found first, then each distinct entry's HTML is rendered once, then the files are written; the
/// output does not depend on which thread did what.
/// </summary>
public static class FeedFiles
{
    /// <summary>Writes the feeds whose inputs changed; the feed entries' template errors, if any.</summary>
    /// <param name="common">What every feed reads besides itself: the templates (its entries' HTML) and `site`.</param>
    public static List<Diagnostic> Write(IReadOnlyList<FeedView> feeds, TemplateSet templates, SiteView site, StagedOutput output,
        InputHash hash, UInt128 common, ParallelOptions threads)
    {
        var stale = Stale(feeds, output, hash, common, threads);
        var (html, errors) = EntryHtml(stale, templates, site, threads);
        var shared = SharedEntries(stale, threads);
        // Each thread writes its feeds through one buffer, emptied for each file: with a growing stream and a copy
        // of it for each of 8,000 files (10,000 papers), collections were half of this step's CPU time. Kept by thread,
        // not by Parallel.ForEach's worker, which (but for the caller's) ends every 100-150 ms and is started again.
        using var buffers = new ThreadLocal<MemoryStream>(() => new MemoryStream());
        Parallel.ForEach(stale, threads, feed =>
        {
            var buffer = buffers.Value!;
            string Content(FeedEntryView entry) => Key(entry) is { } key ? html[key] : "";
            byte[]? Atom(FeedEntryView entry) => shared.TryGetValue(entry, out var bytes) ? bytes.Atom : null;
            byte[]? Json(FeedEntryView entry) => shared.TryGetValue(entry, out var bytes) ? bytes.Json : null;
            if (feed.Atom) Write(output, feed.View.Path, feed.Inputs, buffer, b => AtomFeeds.Write(feed.View, Content, Atom, b));
            if (feed.Json) Write(output, JsonFeeds.Twin(feed.View.Path), feed.Inputs, buffer, b => JsonFeeds.Write(feed.View, Content, Json, b));
        });
        return errors;
    }

    /// <summary>
    /// The Atom and JSON bytes of each entry without HTML that <paramref name="feeds"/> list (an author feed's: the
    /// same object for a paper in each of its authors' feeds, about seven of them), made once each, on all threads.
    /// </summary>
    private static Dictionary<FeedEntryView, (byte[] Atom, byte[] Json)> SharedEntries(StaleFeed[] feeds, ParallelOptions threads)
    {
        var seen = new HashSet<FeedEntryView>(ReferenceEqualityComparer.Instance);
        var entries = feeds.SelectMany(f => f.View.Entries).Where(e => Key(e) is null && seen.Add(e)).ToArray();
        var bytes = new (byte[] Atom, byte[] Json)[entries.Length];
        Parallel.For(0, entries.Length, threads, i => bytes[i] = (AtomFeeds.Entry(entries[i], ""), JsonFeeds.Entry(entries[i], "")));
        var shared = new Dictionary<FeedEntryView, (byte[] Atom, byte[] Json)>(entries.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < entries.Length; i++) shared[entries[i]] = bytes[i];
        return shared;
    }

    private static void Write(StagedOutput output, string path, UInt128 inputs, MemoryStream buffer, Action<Stream> write)
    {
        buffer.SetLength(0);
        write(buffer);
        output.Write(path, inputs, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>A feed with a file to write again: its Atom file, its JSON twin, or both.</summary>
    private sealed record StaleFeed(FeedView View, UInt128 Inputs, bool Atom, bool Json);

    /// <summary>The feeds whose Atom file or JSON twin the last build did not make from the same inputs (serve: nearly every edit leaves them be), in plan order.</summary>
    private static StaleFeed[] Stale(IReadOnlyList<FeedView> feeds, StagedOutput output, InputHash hash, UInt128 common, ParallelOptions threads)
    {
        var stale = new StaleFeed?[feeds.Count];
        Parallel.For(0, feeds.Count, threads, i =>
        {
            var feed = feeds[i];
            var inputs = hash.Of(common, feed);
            bool atom = !output.IsCurrent(feed.Path, inputs), json = !output.IsCurrent(JsonFeeds.Twin(feed.Path), inputs);
            if (atom || json) stale[i] = new StaleFeed(feed, inputs, atom, json);
        });
        return stale.OfType<StaleFeed>().ToArray();
    }

    /// <summary>
    /// The HTML of every entry of <paramref name="feeds"/>, rendered once each: a paper's entry is the
    /// same in each topic's feed it is in, and every entry is the same in an Atom feed and its JSON
    /// twin. Entries are numbered in the order the feeds list them, so the errors (each reported with
    /// the first feed that has the entry) come out the same whatever thread rendered what.
    /// </summary>
    private static (Dictionary<object, string> Html, List<Diagnostic> Errors) EntryHtml(StaleFeed[] feeds, TemplateSet templates, SiteView site,
        ParallelOptions threads)
    {
        var order = new List<(object Key, FeedEntryView Entry, string FeedUrl)>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var feed in feeds)
            foreach (var entry in feed.View.Entries)
                if (Key(entry) is { } key && seen.Add(key)) order.Add((key, entry, feed.View.FeedUrl));

        var html = new string[order.Count];
        var errors = new List<Diagnostic>?[order.Count];
        Parallel.For(0, order.Count, threads, i =>
        {
            var local = new List<Diagnostic>();
            html[i] = templates.RenderFeedEntry(order[i].Entry, site, order[i].FeedUrl, local) ?? "";
            if (local.Count > 0) errors[i] = local;
        });
        var byKey = new Dictionary<object, string>(order.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++) byKey[order[i].Key] = html[i];
        return (byKey, errors.Where(e => e is not null).SelectMany(e => e!).ToList());
    }

    /// <summary>
    /// What an entry's HTML is cached by: the paper, for a topic feed's one-paper entry (the same in
    /// every feed it is in); the entry itself otherwise. Null for an entry with no HTML (an author's
    /// feed: summary and link).
    /// </summary>
    private static object? Key(FeedEntryView entry) => entry switch
    {
        { IntroductionHtml: null, Papers.Count: 0 } => null,
        { HeadingLevel: 0, IntroductionHtml: null, Papers: [var paper] } => paper,
        _ => entry,
    };
}
