using System.Text;
using System.Xml;

namespace DigestSite.Publishing;

/// <summary>
/// /feeds.opml: every Atom feed of the site (the site's, each topic's, and any other
/// <see cref="AtomFeeds.Plan"/> lists), for a feed reader to import at once. Each feed once, by its
/// Atom URL: a reader importing both twins would show every entry twice (the JSON twins sit beside them).
/// </summary>
public static class FeedsOpml
{
    public const string File = "feeds.opml";

    public static byte[] Write(string siteTitle, IEnumerable<FeedView> feeds)
    {
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("opml");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("head");
            writer.WriteElementString("title", $"Feeds of {siteTitle}");
            writer.WriteEndElement();
            writer.WriteStartElement("body");
            foreach (var feed in feeds)
            {
                writer.WriteStartElement("outline");
                writer.WriteAttributeString("type", "rss"); // what readers expect of any feed, Atom included (OPML 2.0 subscription lists)
                writer.WriteAttributeString("text", feed.Title);
                writer.WriteAttributeString("title", feed.Title);
                writer.WriteAttributeString("xmlUrl", feed.FeedUrl);
                writer.WriteAttributeString("htmlUrl", feed.PageUrl);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
