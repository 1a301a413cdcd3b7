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

    /// <summary>The same parser, with every inline's position (which costs a little, so only for checking).</summary>
    private static readonly MarkdownPipeline LocatedPipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>The tree the renderings below are made from, with positions: <see cref="MarkdownLimits"/> checks it.</summary>
    internal static Markdig.Syntax.MarkdownDocument ParseLocated(string markdown) => Markdown.Parse(markdown, LocatedPipeline);

    public static string ToHtml(string markdown) => Render(Markdown.Parse(markdown, Pipeline), HtmlWriter);

    /// <summary>The text a reader sees, without markup: for search, excerpts and meta descriptions.</summary>
    public static string ToPlainText(string markdown) => Collapse(Render(Markdown.Parse(markdown, Pipeline), PlainWriter));

    /// <summary>Both renderings of one text, parsed once (what every paper needs).</summary>
    public static (string Html, string PlainText) ToHtmlAndPlainText(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        return (Render(document, HtmlWriter), Collapse(Render(document, PlainWriter)));
    }

    // A renderer is costly to set up and not thread-safe: one of each per thread, reset between texts.
    [ThreadStatic] private static ReusableRenderer? html;
    [ThreadStatic] private static ReusableRenderer? plain;

    private static ReusableRenderer HtmlWriter => html ??= NewHtmlRenderer();
    private static ReusableRenderer PlainWriter => plain ??= NewPlainRenderer();

    private static string Render(Markdig.Syntax.MarkdownDocument document, ReusableRenderer renderer)
    {
        renderer.Clear();
        renderer.Render(document);
        renderer.Writer.Flush();
        var text = renderer.Writer.ToString()!;
        renderer.Clear();
        return text;
    }

    private sealed class ReusableRenderer() : HtmlRenderer(new StringWriter())
    {
        /// <summary>Empties the writer and the renderer's state, for the next text.</summary>
        public void Clear() => Reset();
    }

    private static ReusableRenderer NewHtmlRenderer()
    {
        var renderer = new ReusableRenderer();
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer());
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        return renderer;
    }

    /// <summary>As Markdown.ToPlainText sets up its renderer.</summary>
    private static ReusableRenderer NewPlainRenderer()
    {
        var renderer = new ReusableRenderer { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        return renderer;
    }

    /// <summary>
    /// Runs of white space made one space, white space as JavaScript's \s has it (lunr.js splits
    /// words on it), not .NET's: U+0085 and U+001C-U+001F would otherwise split words lunr.js keeps
    /// whole, and U+FEFF would stay.
    /// </summary>
    private static string Collapse(string text)
    {
        var collapsed = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (Lunr.JsString.IsWhiteSpace(c)) space = collapsed.Length > 0;
            else
            {
                if (space) collapsed.Append(' ');
                collapsed.Append(c);
                space = false;
            }
        }
        return collapsed.ToString();
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
