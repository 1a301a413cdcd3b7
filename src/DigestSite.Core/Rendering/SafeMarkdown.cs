using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace DigestSite.Rendering;

/// <summary>
/// Markdown from pull requests, made safe to print: raw HTML is shown as text, and only http, https
/// and mailto links and http(s) images are rendered as such (others show their text only), so a
/// summary can never run script. Links carry rel="nofollow ugc": they are contributors' links.
/// The check is made by the link renderers rather than by editing the parsed tree, so what is
/// written is exactly what was checked.
/// </summary>
public static class SafeMarkdown
{
    private const string Rel = "nofollow ugc";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The text a reader sees, without markup: for search, excerpts and meta descriptions.</summary>
    public static string ToPlainText(string markdown)
    {
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool IsAllowed(string? url, bool isImage) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || (!isImage && uri.Scheme == Uri.UriSchemeMailto));

    private sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
    {
        private readonly LinkInlineRenderer links = new() { Rel = Rel };

        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (IsAllowed(link.Url, link.IsImage)) links.Write(renderer, link);
            else renderer.WriteChildren(link);
        }
    }

    private sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
    {
        private readonly AutolinkInlineRenderer links = new() { Rel = Rel };

        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            if (IsAllowed(link.IsEmail ? "mailto:" + link.Url : link.Url, isImage: false)) links.Write(renderer, link);
            else renderer.WriteEscape(link.Url);
        }
    }
}
