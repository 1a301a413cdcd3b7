using System.Text;
using System.Xml;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>/sitemap.xml with every page and the date its content last changed, and /robots.txt pointing at it.</summary>
public static class Sitemap
{
    /// <summary>Everything <see cref="Xml"/> reads, to hash as its inputs: each page's address and date, one string (10,000 boxed values would cost more than the hash).</summary>
    public static object?[] Inputs(SiteModel model, IEnumerable<PlannedPage> pages)
    {
        var listed = new StringBuilder();
        foreach (var page in Listed(pages)) listed.Append(page.Url).Append(' ').Append(page.Updated?.DayNumber).Append('\n');
        return ["sitemap", model.Site.Url, listed.ToString()];
    }

    private static IEnumerable<PlannedPage> Listed(IEnumerable<PlannedPage> pages) => pages.Where(p => p.Kind != "not-found");

    public static byte[] Xml(SiteModel model, IEnumerable<PlannedPage> pages)
    {
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in Listed(pages))
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", model.Urls.Absolute(page.Url));
                if (page.Updated is { } date) writer.WriteElementString("lastmod", Content.ContentDates.Format(date));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static string Robots(SiteModel model) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {model.Urls.Absolute(model.Urls.Sitemap)}\n";
}
