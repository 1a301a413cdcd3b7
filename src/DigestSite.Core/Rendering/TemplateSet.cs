using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DigestSite.Diagnostics;
using DigestSite.Pages;
using DigestSite.Publishing;
using Fluid;
using Fluid.Values;

namespace DigestSite.Rendering;

/// <summary>
/// The theme's Liquid templates, parsed once and rendered many times, in parallel. A page renders
/// its kind's template (layouts/KIND.liquid), and the result goes into layouts/base.liquid as
/// `content`, as in Jekyll.
/// </summary>
public sealed partial class TemplateSet
{
    private const string Layout = "base";

    // Escapes what HTML needs (< > & " ') and leaves other text as it is: names like "Vulić" stay readable.
    internal static readonly HtmlEncoder PageEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IReadOnlyDictionary<string, (IFluidTemplate Template, ThemeFile File)> templates;
    private readonly TemplateOptions options;
    private readonly TemplateValues values;
    // The layout only writes `content`: it is given the page's body from its builder, not as a string (PageContent).
    private readonly bool layoutWritesContent;

    private TemplateSet(IReadOnlyDictionary<string, (IFluidTemplate Template, ThemeFile File)> templates, TemplateOptions options, TemplateValues values)
    {
        this.templates = templates;
        this.options = options;
        this.values = values;
        layoutWritesContent = PageContent.OnlyWrittenBy(templates[Layout].Template);
    }

    /// <summary>
    /// Parses every template of <paramref name="theme"/>; reports syntax errors with file and line.
    /// Every page kind has its template: the built-in theme has them all, and a layer only overrides.
    /// </summary>
    public static TemplateSet? Parse(Theme theme, List<Diagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count;
        var parser = new FluidParser();
        var parsed = new Dictionary<string, (IFluidTemplate, ThemeFile)>(StringComparer.Ordinal);
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file) in theme.Templates)
        {
            var text = file.ReadText();
            var kind = name[(Theme.LayoutsFolder.Length + 1)..^".liquid".Length];
            partials[kind + ".liquid"] = text;
            if (parser.TryParse(text, out var template, out var error))
                parsed[kind] = (Utf8Output.Rewrite(template), file);
            else
                diagnostics.Add(Diagnostic.At(file.FullPath, ErrorPosition(error), $"template error: {error}"));
        }
        if (diagnostics.Count > errorsBefore) return null;
        var (options, values) = Options(partials);
        return new TemplateSet(parsed, options, values);
    }

    /// <summary>
    /// Renders <paramref name="page"/> with its <paramref name="head"/> into <paramref name="html"/> (emptied first), its
    /// template into <paramref name="body"/> first; false, with the error reported, when a template fails at run time. The
    /// caller keeps both builders from page to page (one pair per thread): after the first pages they hold the largest
    /// page, and a page's HTML needs no new memory. (Fluid's own pooled builders keep only small pages: each page was
    /// made again in growing chunks, then as a string.)
    /// </summary>
    public bool Render(PlannedPage page, PageView head, SiteView site, StringBuilder html, StringBuilder body, List<Diagnostic> diagnostics)
    {
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        context.SetValue("page", head);
        foreach (var (name, value) in page.Values) context.SetValue(name, value);

        body.Clear();
        if (!RenderInto(body, page.Template, context, page.Url, diagnostics)) return false;
        context.SetValue(PageContent.Name, layoutWritesContent ? new PageContent(body) : new StringValue(body.ToString(), encode: false));
        html.Clear();
        return RenderInto(html, Layout, context, page.Url, diagnostics);
    }

    /// <summary>The template of a feed entry's content (layouts/feed-entry.liquid), rendered with `site` and `entry`.</summary>
    public const string FeedEntry = "feed-entry";

    /// <summary>A feed entry's HTML content, escaped as feeds are (<see cref="FeedHtmlEncoder"/>); a template that fails is reported.</summary>
    public string? RenderFeedEntry(FeedEntryView entry, SiteView site, string feedUrl, List<Diagnostic> diagnostics)
    {
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        context.SetValue("entry", entry);
        return RenderOne(FeedEntry, context, feedUrl, diagnostics, FeedHtmlEncoder.Instance);
    }

    private string? RenderOne(string kind, TemplateContext context, string url, List<Diagnostic> diagnostics, TextEncoder encoder)
    {
        var (template, file) = templates[kind];
        // For the filters that write HTML themselves (linked_authors): they escape as this render does.
        context.AmbientValues[LinkedAuthors.EncoderKey] = encoder;
        try
        {
            return template.Render(context, encoder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(RuntimeError(file, url, e));
            return null;
        }
    }

    /// <summary>
    /// Drops the template values of the records pages share (<see cref="TemplateValues"/>: every paper's, every author's,
    /// topic's and issue's reference), kept so that each is made once for all the pages; once the pages are rendered,
    /// what is left to render (the feeds' entries) reads few of them.
    /// </summary>
    public void ForgetSharedValues() => values.ForgetShared();

    /// <summary>A page's template into <paramref name="html"/>, as <see cref="RenderOne"/> renders into a string of its own.</summary>
    private bool RenderInto(StringBuilder html, string kind, TemplateContext context, string url, List<Diagnostic> diagnostics)
    {
        var (template, file) = templates[kind];
        context.AmbientValues[LinkedAuthors.EncoderKey] = PageEncoder;
        // As Fluid's Render does: the template runs in a scope of its own, and what it assigns is gone when it ends.
        context.EnterChildScope();
        try
        {
            using var writer = new StringWriter(html);
            var rendering = template.RenderAsync(writer, PageEncoder, context);
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(RuntimeError(file, url, e));
            return false;
        }
        finally
        {
            context.ReleaseScope();
        }
    }

    // Fluid reports run-time template errors (a bad filter argument, a loop limit) as exceptions.
    private static Diagnostic RuntimeError(ThemeFile file, string url, Exception e) =>
        Diagnostic.AtStart(file.FullPath, $"template error while rendering {url}: {e.Message}");

    private static (TemplateOptions, TemplateValues) Options(IReadOnlyDictionary<string, string> partials)
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            FileProvider = new ThemeFileProvider(partials),
            // The partials `render` parses get what the layouts got when parsed (Parse): `{{ a.b | raw }}` written from UTF-8.
            TemplateParsed = (_, template) => Utf8Output.Rewrite(template),
        };
        // {{ paper.url | absolute_url }}: the URL with the site's scheme and host, for feeds (a mail or a reader has no base URL).
        options.Filters.AddFilter("absolute_url", (input, _, context) =>
            new ValueTask<FluidValue>(new StringValue(Origin(context) + input.ToStringValue())));
        // {{ paper.author_links | linked_authors: 12, author.slug }}: the authors as links (theme/README.md).
        options.Filters.AddFilter(LinkedAuthors.Name, LinkedAuthors.Filter);
        // Templates read the view records' members listed in ViewMembers, and nothing else of the program.
        foreach (var record in ViewMembers.All)
            foreach (var member in record.Members)
                options.MemberAccessStrategy.Register(record.Type, member.Name, new Accessor(member.Get));
        // ... and read them through TemplateValues, which makes each record's values once.
        var values = new TemplateValues(options);
        options.ValueConverters.Add(values.Convert);
        return (options, values);
    }

    /// <summary>"https://example.org" of `site`: its absolute home URL without the base path.</summary>
    private static string Origin(TemplateContext context) =>
        context.GetValue("site").ToObjectValue() is SiteView site ? site.Url[..^site.BasePath.Length] : "";

    private sealed class Accessor(Func<object, object?> get) : IMemberAccessor
    {
        public object? Get(object obj, string name, TemplateContext ctx) => get(obj);
    }

    private static SourcePosition ErrorPosition(string error) =>
        ErrorAt().Match(error) is { Success: true } m
            ? new SourcePosition(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : SourcePosition.Start;

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex ErrorAt();
}
