using System.Text;
using System.Xml;
using DigestSite.Archive;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>
/// Atom feeds: /feed.xml with one entry per issue, its papers as full HTML so a feed-to-email
/// service can mail the digest as it is; /topics/SLUG/feed.xml with one entry per paper.
/// Written with XmlWriter, which escapes every text and attribute.
/// </summary>
public static class AtomFeeds
{
    /// <summary>Everything <see cref="Site"/> reads, to hash as its inputs: unchanged, the feed need not be made again.</summary>
    public static object?[] SiteInputs(SiteModel model) =>
    [
        "site-feed", model.Site, model.Archive.Site.FeedSize,
        .. SiteIssues(model).Select(issue => new object?[] { model.IssueRefs[issue.Date], issue.IntroductionMarkdown, issue.Papers.Select(p => model.Papers[p.Slug]) }),
    ];

    /// <summary>Everything <see cref="Topic"/> reads, to hash as its inputs.</summary>
    public static object?[] TopicInputs(SiteModel model, Topic topic) =>
        ["topic-feed", model.Site, topic.Slug, topic.Name, topic.Description, .. TopicPapers(model, topic)];

    private static IEnumerable<Issue> SiteIssues(SiteModel model) => model.Archive.Issues.Take(model.Archive.Site.FeedSize);

    private static IEnumerable<PaperView> TopicPapers(SiteModel model, Topic topic) => model.PapersByTopic[topic.Slug].Take(model.Archive.Site.FeedSize);

    public static byte[] Site(SiteModel model)
    {
        var issues = SiteIssues(model).ToArray();
        return Write(model, model.Site.Title, model.Site.Description, model.Urls.Home, model.Urls.Feed, issues.FirstOrDefault()?.Date, writer =>
        {
            foreach (var issue in issues)
            {
                var info = model.IssueRefs[issue.Date];
                var title = info.Title is { } t ? $"{t} ({info.DateLabel})" : $"Digest of {info.DateLabel}";
                Entry(writer, model, model.Urls.Absolute(info.Url), title, issue.Date, authors: [],
                    IssueHtml(model, issue), $"{info.PaperCount} papers", categories: []);
            }
        });
    }

    public static byte[] Topic(SiteModel model, Topic topic)
    {
        var papers = TopicPapers(model, topic).ToArray();
        var updated = papers.Length > 0 ? DateOnly.Parse(papers[0].Issue.Date, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        return Write(model, $"{topic.Name} · {model.Site.Title}", topic.Description, model.Urls.Topic(topic.Slug), model.Urls.TopicFeed(topic.Slug), updated, writer =>
        {
            foreach (var paper in papers)
            {
                var date = DateOnly.Parse(paper.Issue.Date, System.Globalization.CultureInfo.InvariantCulture);
                Entry(writer, model, model.Urls.Absolute(paper.Url), paper.Title, date, paper.Authors,
                    PaperHtml(model, paper, headingLevel: 0), paper.SummaryText, paper.Topics.Select(t => t.Name));
            }
        });
    }

    private static byte[] Write(SiteModel model, string title, string subtitle, string pageUrl, string feedUrl, DateOnly? updated, Action<XmlWriter> entries)
    {
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("xml", "lang", null, model.Site.Language);
            writer.WriteElementString("id", model.Urls.Absolute(feedUrl));
            writer.WriteElementString("title", title);
            if (subtitle.Length > 0) writer.WriteElementString("subtitle", subtitle);
            writer.WriteElementString("updated", Timestamp(updated ?? new DateOnly(2000, 1, 1)));
            Link(writer, "self", model.Urls.Absolute(feedUrl), "application/atom+xml");
            Link(writer, "alternate", model.Urls.Absolute(pageUrl), "text/html");
            writer.WriteStartElement("author");
            writer.WriteElementString("name", model.Site.Title);
            writer.WriteElementString("uri", model.Site.Url);
            writer.WriteEndElement();
            writer.WriteElementString("generator", "DigestSite");
            entries(writer);
            writer.WriteEndElement();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter writer, SiteModel model, string url, string title, DateOnly date, IEnumerable<string> authors,
        string html, string summary, IEnumerable<string> categories)
    {
        writer.WriteStartElement("entry");
        writer.WriteElementString("id", url);
        writer.WriteElementString("title", title);
        writer.WriteElementString("updated", Timestamp(date));
        writer.WriteElementString("published", Timestamp(date));
        Link(writer, "alternate", url, "text/html");
        foreach (var author in authors)
        {
            writer.WriteStartElement("author");
            writer.WriteElementString("name", author);
            writer.WriteEndElement();
        }
        foreach (var category in categories)
        {
            writer.WriteStartElement("category");
            writer.WriteAttributeString("term", category);
            writer.WriteEndElement();
        }
        writer.WriteStartElement("summary");
        writer.WriteString(Pages.PageHeads.Shorten(summary, 400));
        writer.WriteEndElement();
        writer.WriteStartElement("content");
        writer.WriteAttributeString("type", "html");
        writer.WriteString(html);
        writer.WriteEndElement();
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

    private static string IssueHtml(SiteModel model, Issue issue)
    {
        var html = new StringBuilder();
        if (issue.IntroductionMarkdown is { } intro) html.Append(Rendering.SafeMarkdown.ToHtml(intro));
        foreach (var paper in issue.Papers) html.Append(PaperHtml(model, model.Papers[paper.Slug], headingLevel: 2));
        return html.ToString();
    }

    /// <summary>A paper in feed HTML: absolute links only, since a mail or a reader has no base URL.</summary>
    private static string PaperHtml(SiteModel model, PaperView paper, int headingLevel)
    {
        static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        var link = $"<a href=\"{E(model.Urls.Absolute(paper.Url))}\">{E(paper.Title)}</a>";
        if (headingLevel > 0) html.Append($"<h{headingLevel}>{link}</h{headingLevel}>");
        html.Append($"<p><em>{E(paper.AuthorsText)}</em></p>");
        html.Append(paper.SummaryHtml);
        var links = new List<string>();
        if (paper.ArxivUrl is { } arxiv) links.Add($"<a href=\"{E(arxiv)}\">arXiv</a>");
        if (paper.PdfUrl is { } pdf) links.Add($"<a href=\"{E(pdf)}\">PDF</a>");
        links.AddRange(paper.Links.Select(l => $"<a href=\"{E(l.Url)}\">{E(l.Name)}</a>"));
        links.AddRange(paper.Topics.Select(t => $"<a href=\"{E(model.Urls.Absolute(t.Url))}\">#{E(t.Name)}</a>"));
        html.Append("<p>").Append(string.Join(" · ", links)).Append("</p>");
        return html.ToString();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";
}
