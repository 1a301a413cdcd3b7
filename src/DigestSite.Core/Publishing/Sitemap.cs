using System.Text;
using System.Xml;
using DigestSite.Pages;

namespace DigestSite.Publishing;

/// <summary>The sitemap as it will be written: every listed page's absolute URL and the date its content last changed.</summary>
public sealed record SitemapView(IReadOnlyList<SitemapEntry> Entries);

public sealed record SitemapEntry(string Url, DateOnly? Updated);

/// <summary>/sitemap.xml with every page and the date its content last changed, and /robots.txt pointing at it.</summary>
public static class Sitemap
{
    /// <summary>Every page but the 404 page.</summary>
    public static SitemapView Plan(SiteModel model, IEnumerable<PlannedPage> pages) =>
        new(pages.Where(p => p.Kind != "not-found").Select(p => new SitemapEntry(model.Urls.Absolute(p.Url), p.Updated)).ToArray());

    public static byte[] Xml(SitemapView sitemap)
    {
        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var entry in sitemap.Entries)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", entry.Url);
                if (entry.Updated is { } date) writer.WriteElementString("lastmod", Content.ContentDates.Format(date));
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
