using System.Collections.Concurrent;
using DigestSite.Pages;

namespace DigestSite.Incremental;

/// <summary>
/// A series of builds in one long-running process (serve), and what it keeps from one build to the
/// next: the last manifest, so it is not read back and checked each time; each content file's parse
/// result, by file stamp; each paper's view; and the hashes of those views and of the pages. What is
/// reused is exactly what a fresh build would compute again, so each build's output is the same as a
/// one-off build's (<see cref="SiteBuilder.Build(BuildOptions)"/>).
/// </summary>
public sealed class BuildSession
{
    public ContentCache Content { get; } = new();

    public PaperViewCache Views { get; } = new();

    internal BuildManifest? Manifest { get; set; }

    internal InputHash Hash { get; } = new(InputHash.SharedViews);

    /// <summary>Each planned page's inputs hash, by page object (the paper pages of unchanged papers are the same objects), with the common hash it was computed with.</summary>
    private readonly ConcurrentDictionary<PlannedPage, (UInt128 Common, UInt128 Inputs)> pageHashes = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The session's memos (by object) are swept only when they hold this many entries more than the
    /// site has: a sweep costs a set of the whole site, too much to pay on every rebuild for one stale entry.
    /// </summary>
    internal const int RetainSlack = 512;

    /// <summary>The inputs hash of <paramref name="page"/>: the last build's, when it was computed with the same <paramref name="common"/> hash.</summary>
    internal UInt128 PageInputs(PlannedPage page, UInt128 common, Func<UInt128> hash)
    {
        if (pageHashes.TryGetValue(page, out var memo) && memo.Common == common) return memo.Inputs;
        var inputs = hash();
        pageHashes[page] = (common, inputs);
        return inputs;
    }

    /// <summary>Forgets the hashes of pages the site no longer has (once enough are stale).</summary>
    internal void RetainPages(IReadOnlyList<PlannedPage> pages)
    {
        if (pageHashes.Count <= pages.Count + RetainSlack) return;
        var current = pages.ToHashSet<PlannedPage>(ReferenceEqualityComparer.Instance);
        foreach (var (page, _) in pageHashes)
            if (!current.Contains(page)) pageHashes.TryRemove(page, out _);
    }

    /// <summary>Builds the site with what the last builds left.</summary>
    /// <param name="deferSearch">
    /// When a paper changed, keep the previous search files for now (their manifest entries keep their
    /// old inputs, so they are not current) and say so in <see cref="BuildResult.SearchDeferred"/>; the
    /// next build without it makes them. Pages are then up to date without waiting for the index.
    /// </param>
    /// <param name="cancel">
    /// Gives the build up (a change arrived while the search files were being made): it stops at the
    /// next step, writes nothing and says so in <see cref="BuildResult.Cancelled"/>. Never while the
    /// output is being committed.
    /// </param>
    public BuildResult Build(BuildOptions options, bool deferSearch = false, CancellationToken cancel = default) =>
        SiteBuilder.Build(options, this, deferSearch, cancel);
}
