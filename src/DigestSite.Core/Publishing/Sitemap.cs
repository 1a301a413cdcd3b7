using System.Text;
using System.Xml;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>/sitemap.xml with every page and the date its content last changed, and /robots.txt pointing at it.</summary>
public static class Sitemap
{
    public static byte[] Xml(SiteModel model, IEnumerable<PlannedPage> pages)
    {
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages.Where(p => p.Kind != "not-found"))
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
