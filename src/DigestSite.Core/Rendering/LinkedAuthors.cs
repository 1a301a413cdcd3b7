using System.Text;
using System.Text.Encodings.Web;
using DigestSite.Pages;
using Fluid;
using Fluid.Values;

namespace DigestSite.Rendering;

/// <summary>
/// The `linked_authors` filter: a paper's authors as links, each name to its author's page, in one
/// step instead of a Liquid loop. The cards, the paper pages and the author pages print some 80,000
/// such lists at 10,000 papers; as loops (a member read, a comparison and two escaped values per
/// name, and the loop's own bookkeeping) they were a quarter to a third of all template time
/// (docs/performance.md). The HTML is the loop's, byte for byte:
/// <code>
/// {% for author in paper.author_links limit: shown %}&lt;a href="{{ author.url }}"{% if author.name != author.person %} title="{{ author.person }}"{% endif %}
///   {% if author.slug == current %} aria-current="true"{% endif %}&gt;{{ author.name }}&lt;/a&gt;{% unless forloop.last %}, {% endunless %}{% endfor %}
/// </code>
/// (the aria-current attribute only when a current author's slug is given).
/// </summary>
internal static class LinkedAuthors
{
    public const string Name = "linked_authors";

    /// <summary>The key of the template context's ambient values under which <see cref="TemplateSet"/> leaves the encoder of the render.</summary>
    public const string EncoderKey = "digestsite.encoder";

    // One builder per thread, kept from list to list: a new one grew chunk by chunk for each of some 80,000 lists.
    [ThreadStatic] private static StringBuilder? builder;

    /// <summary>
    /// `{{ paper.author_links | linked_authors }}`, `| linked_authors: 12` (at most 12 names), or
    /// `| linked_authors: 12, author.slug` (that author's link marked as the current page's). Values
    /// are escaped with the encoder of the render (a page's or a feed entry's), as `{{ }}` would escape them.
    /// </summary>
    public static ValueTask<FluidValue> Filter(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input is not ArrayValue list) return new ValueTask<FluidValue>(StringValue.Empty);
        var names = list.Values;
        int limit = arguments.Count > 0 && !arguments.At(0).IsNil() ? (int)arguments.At(0).ToNumberValue() : names.Count;
        string? current = arguments.Count > 1 && !arguments.At(1).IsNil() ? arguments.At(1).ToStringValue() : null;
        var encoder = context.AmbientValues.TryGetValue(EncoderKey, out var value) && value is TextEncoder given ? given : TemplateSet.PageEncoder;

        var html = builder ??= new StringBuilder();
        html.Clear();
        int shown = Math.Min(Math.Max(limit, 0), names.Count);
        for (int i = 0; i < shown; i++)
        {
            if (names[i].ToObjectValue() is not AuthorRef author) continue;
            html.Append("<a href=\"").Append(encoder.Encode(author.Url)).Append('"');
            if (author.Name != author.Person) html.Append(" title=\"").Append(encoder.Encode(author.Person)).Append('"');
            if (current is not null && author.Slug == current) html.Append(" aria-current=\"true\"");
            html.Append('>').Append(encoder.Encode(author.Name)).Append("</a>");
            if (i < shown - 1) html.Append(", ");
        }
        return new ValueTask<FluidValue>(new StringValue(html.ToString(), encode: false));
    }
}
