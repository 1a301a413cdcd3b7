using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using DigestSite.Archive;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>
/// Atom feeds: /feed.xml with one entry per issue, its papers as full HTML so a feed-to-email
/// service can mail the digest as it is; /topics/SLUG/feed.xml with one entry per paper, in full;
/// /authors/SLUG/feed.xml with one entry per paper, its summary as text and its link.
/// Written with XmlWriter, which escapes every text and attribute; each entry's HTML comes from the
/// theme (layouts/feed-entry.liquid), so a theme's override reaches the feeds too.
/// </summary>
public static class AtomFeeds
{
    private const string Namespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };

    /// <summary>
    /// Every feed of the site: the site's, then each topic's, then each author's. Made on the build's threads: a
    /// rebuild makes every feed's view to hash it (4,000 author feeds at 10,000 papers), and then writes few of them.
    /// </summary>
    public static FeedView[] Plan(SiteModel model, ParallelOptions threads)
    {
        var topics = model.Archive.Topics;
        var people = model.Authors.People;
        var feeds = new FeedView[1 + topics.Count + people.Count];
        feeds[0] = SiteFeed(model);
        // One entry per paper for all its authors' feeds: the same object in each, so its bytes are made and its inputs
        // hashed once (FeedFiles, InputHash).
        var entries = new ConcurrentDictionary<PaperView, FeedEntryView>(ReferenceEqualityComparer.Instance);
        Parallel.For(1, feeds.Length, threads, i =>
            feeds[i] = i <= topics.Count ? TopicFeed(model, topics[i - 1]) : AuthorFeed(model, people[i - 1 - topics.Count], entries));
        return feeds;
    }

    private static FeedView SiteFeed(SiteModel model)
    {
        var entries = model.Archive.Issues.Take(model.Archive.Config.FeedSize).Select(issue =>
        {
            var info = model.IssueRefs[issue.Date];
            var title = info.Title is { } t ? $"{t} ({info.DateLabel})" : $"Digest of {info.DateLabel}";
            return new FeedEntryView(model.Urls.Absolute(info.Url), title, issue.Date, Authors: [], Utf8Text.Of($"{info.PaperCount} papers"), Categories: [],
                issue.IntroductionMarkdown is { } intro ? Rendering.SafeMarkdown.ToHtml(intro) : null,
                issue.Papers.Select(p => model.Papers[p.Slug]).ToArray(), HeadingLevel: 2);
        }).ToArray();
        return Feed(model, model.Urls.Feed, model.Site.Title, model.Site.Description, model.Urls.Home, entries.FirstOrDefault()?.Date, entries);
    }

    private static FeedView TopicFeed(SiteModel model, Topic topic)
    {
        var entries = model.PapersByTopic[topic.Slug].Take(model.Archive.Config.FeedSize).Select(paper => PaperEntry(model, paper)).ToArray();
        return Feed(model, model.Urls.TopicFeed(topic.Slug), $"{topic.Name} · {model.Site.Title}", topic.Description, model.Urls.Topic(topic.Slug),
            entries.FirstOrDefault()?.Date, entries);
    }

    private static FeedView AuthorFeed(SiteModel model, Author person, ConcurrentDictionary<PaperView, FeedEntryView> made)
    {
        // Entries with the summary's text and a link, without the summary's HTML: an author is in several times more feeds
        // than a topic (each paper has about four authors), and full entries tripled the site's bytes (docs/performance.md).
        // Two threads may make a paper's entry at once: both feeds get the one kept.
        var entries = person.Papers.Take(model.Archive.Config.FeedSize).Select(p => model.Papers[p.Slug]).Select(paper =>
            made.TryGetValue(paper, out var entry) ? entry : made.GetOrAdd(paper, new FeedEntryView(model.Urls.Absolute(paper.Url), paper.Title,
                paper.Issue.Day, paper.Authors, paper.SummaryText, paper.Topics.Select(t => t.Name).ToArray(), IntroductionHtml: null, Papers: [],
                HeadingLevel: 0))).ToArray();
        var subtitle = $"Papers by {person.Name}" + (person.Registered?.Affiliation is { } a ? $" ({a})" : "");
        return Feed(model, model.Urls.AuthorFeed(person.Slug), $"{person.Name} · {model.Site.Title}", subtitle, model.Urls.Author(person.Slug),
            entries.FirstOrDefault()?.Date, entries);
    }

    /// <summary>One paper as an entry of a topic's feed: the same entry, and the same HTML, in every topic feed it is in.</summary>
    private static FeedEntryView PaperEntry(SiteModel model, PaperView paper) =>
        new(model.Urls.Absolute(paper.Url), paper.Title, paper.Issue.Day, paper.Authors, paper.SummaryText,
            paper.Topics.Select(t => t.Name).ToArray(), IntroductionHtml: null, [paper], HeadingLevel: 0);

    private static FeedView Feed(SiteModel model, string feedUrl, string title, string subtitle, string pageUrl, DateOnly? updated, FeedEntryView[] entries) =>
        new(model.Urls.OutputPath(feedUrl), model.Site.Language, title, subtitle, model.Urls.Absolute(feedUrl), model.Urls.Absolute(pageUrl),
            updated ?? new DateOnly(2000, 1, 1), model.Site.Title, model.Site.Url, entries);

    /// <summary>
    /// The feed's XML, written to <paramref name="buffer"/>; <paramref name="content"/> gives each entry's HTML (the
    /// theme's feed-entry template), <paramref name="made"/> an entry's bytes made before by <see cref="Entry"/>, or null.
    /// </summary>
    public static void Write(FeedView feed, Func<FeedEntryView, string> content, Func<FeedEntryView, byte[]?> made, Stream buffer)
    {
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", Namespace);
            writer.WriteAttributeString("xml", "lang", null, feed.Language);
            writer.WriteElementString("id", feed.FeedUrl);
            writer.WriteElementString("title", feed.Title);
            if (feed.Subtitle.Length > 0) writer.WriteElementString("subtitle", feed.Subtitle);
            writer.WriteElementString("updated", Timestamp(feed.Updated));
            Link(writer, "self", feed.FeedUrl, "application/atom+xml");
            Link(writer, "alternate", feed.PageUrl, "text/html");
            writer.WriteStartElement("author");
            writer.WriteElementString("name", feed.AuthorName);
            writer.WriteElementString("uri", feed.AuthorUrl);
            writer.WriteEndElement();
            writer.WriteElementString("generator", "DigestSite");
            foreach (var entry in feed.Entries)
            {
                if (made(entry) is { } bytes)
                {
                    // The writer has nothing pending after an element's end: the entry's bytes go where it would write them.
                    writer.Flush();
                    buffer.Write(bytes);
                }
                else Entry(writer, entry, content(entry));
            }
            writer.WriteEndElement();
        }
        buffer.WriteByte((byte)'\n');
    }

    /// <summary>
    /// An entry's bytes as <see cref="Write"/> writes them in any feed (its line break and indentation first), for an
    /// entry in many feeds (a paper in each of its authors' feeds): written once in a feed of its own, after an element
    /// as in a real one, and cut out of it.
    /// </summary>
    public static byte[] Entry(FeedEntryView entry, string html)
    {
        using var buffer = new MemoryStream();
        using var writer = XmlWriter.Create(buffer, Settings);
        writer.WriteStartElement("feed", Namespace);
        writer.WriteElementString("generator", "DigestSite");
        writer.Flush();
        int start = (int)buffer.Length;
        Entry(writer, entry, html);
        writer.Flush();
        return buffer.GetBuffer()[start..(int)buffer.Length];
    }

    private static void Entry(XmlWriter writer, FeedEntryView entry, string html)
    {
        writer.WriteStartElement("entry");
        writer.WriteElementString("id", entry.Url);
        writer.WriteElementString("title", entry.Title);
        writer.WriteElementString("updated", Timestamp(entry.Date));
        writer.WriteElementString("published", Timestamp(entry.Date));
        Link(writer, "alternate", entry.Url, "text/html");
        foreach (var author in entry.Authors)
        {
            writer.WriteStartElement("author");
            writer.WriteElementString("name", author);
            writer.WriteEndElement();
        }
        foreach (var category in entry.Categories)
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("term", category);
            writer.WriteEndElement();
        }
        writer.WriteStartElement("summary");
        writer.WriteString(PageHeads.Shorten(entry.Summary.ToString(), 400));
        writer.WriteEndElement();
        // An entry with no HTML (an author's feed) is its summary and its link, as Atom allows.
        if (html.Length > 0)
        {
            writer.WriteStartElement("content");
            writer.WriteAttributeString("type", "html");
            writer.WriteString(html);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => Content.ContentDates.Format(date) + "T00:00:00Z";
}
