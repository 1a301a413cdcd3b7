using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestSite.Rendering;

/// <summary>
/// Markdown from pull requests, made safe to print: raw HTML is shown as text, and only http, https
/// and mailto links and http(s) images survive (others become their plain text), so a summary can
/// never run script. Links are marked rel="nofollow ugc": they are contributors' links.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Sanitize(document);
        return document.ToHtml(Pipeline);
    }

    /// <summary>The text a reader sees, without markup: for search, excerpts and meta descriptions.</summary>
    public static string ToPlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToArray())
        {
            if (IsAllowed(link.Url, link.IsImage))
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc");
            else
                Unwrap(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToArray())
        {
            if (!IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, isImage: false))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static bool IsAllowed(string? url, bool isImage) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (!isImage && uri.Scheme == Uri.UriSchemeMailto));

    /// <summary>Keeps what the link shows (its text, or an image's description) and drops the link.</summary>
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }
        foreach (var child in link.ToArray())
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }
}
