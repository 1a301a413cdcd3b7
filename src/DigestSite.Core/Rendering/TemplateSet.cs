using System.Globalization;
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

    private TemplateSet(IReadOnlyDictionary<string, (IFluidTemplate, ThemeFile)> templates, TemplateOptions options)
    {
        this.templates = templates;
        this.options = options;
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
                parsed[kind] = (template, file);
            else
                diagnostics.Add(Diagnostic.At(file.FullPath, ErrorPosition(error), $"template error: {error}"));
        }
        return diagnostics.Count > errorsBefore ? null : new TemplateSet(parsed, Options(partials));
    }

    /// <summary>Renders <paramref name="page"/> with its <paramref name="head"/>; a template that fails at run time is reported, not thrown.</summary>
    public string? Render(PlannedPage page, PageView head, SiteView site, List<Diagnostic> diagnostics)
    {
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        context.SetValue("page", head);
        foreach (var (name, value) in page.Values) context.SetValue(name, value);

        var body = RenderOne(page.Template, context, page.Url, diagnostics);
        if (body is null) return null;
        context.SetValue("content", new StringValue(body, encode: false));
        return RenderOne(Layout, context, page.Url, diagnostics);
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

    private string? RenderOne(string kind, TemplateContext context, string url, List<Diagnostic> diagnostics, TextEncoder? encoder = null)
    {
        var (template, file) = templates[kind];
        encoder ??= PageEncoder;
        // For the filters that write HTML themselves (linked_authors): they escape as this render does.
        context.AmbientValues[LinkedAuthors.EncoderKey] = encoder;
        try
        {
            return template.Render(context, encoder);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fluid reports run-time template errors (a bad filter argument, a loop limit) as exceptions.
            diagnostics.Add(Diagnostic.AtStart(file.FullPath, $"template error while rendering {url}: {e.Message}"));
            return null;
        }
    }

    private static TemplateOptions Options(IReadOnlyDictionary<string, string> partials)
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            FileProvider = new ThemeFileProvider(partials),
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
        return options;
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
