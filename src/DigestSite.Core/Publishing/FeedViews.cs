using DigestSite.Pages;

namespace DigestSite.Publishing;

// The feeds as they will be written, made once per build like the pages' view models, and hashed as
// their inputs: a feed is written again only when its model changed.

/// <summary>An Atom feed: its head, with every URL absolute, and its entries.</summary>
/// <param name="Path">Where it goes, relative to the output folder.</param>
public sealed record FeedView(
    string Path,
    string Language,
    string Title,
    string Subtitle,
    string FeedUrl,
    string PageUrl,
    DateOnly Updated,
    string AuthorName,
    string AuthorUrl,
    IReadOnlyList<FeedEntryView> Entries);

/// <summary>
/// One entry of a feed. Its content is layouts/feed-entry.liquid rendered with `entry`: the issue's
/// introduction, if any, then its papers (a topic feed's entry: one paper, with no heading).
/// </summary>
public sealed record FeedEntryView(
    string Url,
    string Title,
    DateOnly Date,
    IReadOnlyList<string> Authors,
    Pages.Utf8Text Summary,
    IReadOnlyList<string> Categories,
    string? IntroductionHtml,
    IReadOnlyList<PaperView> Papers,
    int HeadingLevel);
