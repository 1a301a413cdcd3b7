using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace DigestSite.Rendering;

/// <summary>
/// `{{ paper.summary_html | raw }}` written from the UTF-8 the model holds (<see cref="DigestSite.Pages.Utf8Text"/>)
/// straight into the page: as a template value the summary is a string, made for every card and page that shows
/// it (about four times a paper) only to be copied into the page, and Fluid's `raw` filter, which every theme
/// applies to HTML, wants a string. <see cref="Rewrite"/> replaces, when templates are parsed, each output of a
/// record's member through `raw` alone (`{{ a.b | raw }}`, `{{ a.b.c | raw }}`) with a statement that writes the
/// member's UTF-8 when the value read is a view record's text held as UTF-8, and otherwise does what the output did,
/// step by step: reads the member, applies `raw`, writes the value. The bytes written are the same: `raw` writes
/// its string as it is, and the string is the UTF-8 decoded.
/// </summary>
internal sealed class Utf8Output : Statement
{
    private readonly OutputStatement output;
    private readonly MemberExpression owner;
    private readonly IdentifierSegment member;
    private readonly FilterExpression raw;

    private Utf8Output(OutputStatement output, MemberExpression owner, IdentifierSegment member, FilterExpression raw)
    {
        this.output = output;
        this.owner = owner;
        this.member = member;
        this.raw = raw;
    }

    /// <summary>The template with its `{{ a.b | raw }}` outputs replaced (see the class); any other template as it is.</summary>
    public static IFluidTemplate Rewrite(IFluidTemplate template) => new Rewriter().VisitTemplate(template);

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var evaluating = owner.EvaluateAsync(context);
        if (evaluating.IsCompletedSuccessfully && TemplateValues.Utf8Member(evaluating.Result, member.Identifier) is { } text)
        {
            var bytes = text.Bytes;
            var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
            int length = Encoding.UTF8.GetChars(bytes, chars);
            writer.Write(chars, 0, length);
            ArrayPool<char>.Shared.Return(chars);
            return new ValueTask<Completion>(Completion.Normal);
        }
        return WriteAsync(evaluating, writer, encoder, context);
    }

    // What the output statement does after reading the owner: the member (a nil owner is the expression's value, as in
    // Fluid's member expression), the `raw` filter as the template's options have it, the value written.
    private async ValueTask<Completion> WriteAsync(ValueTask<FluidValue> evaluating, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var value = await evaluating;
        if (!value.IsNil()) value = await member.ResolveAsync(value, context);
        if (context.Options.Filters.TryGetValue(raw.Name, out var filter)) value = await filter(value, FilterArguments.Empty, context);
        await value.WriteToAsync(writer, encoder, context.CultureInfo);
        return Completion.Normal;
    }

    // A walk of the syntax tree (a layout's check of `content`) sees the output it stands for.
    protected override Statement Accept(AstVisitor visitor) => visitor.Visit(output);

    private sealed class Rewriter : AstRewriter
    {
        protected override Statement VisitOutputStatement(OutputStatement output) =>
            output.Expression is FilterExpression { Name: "raw", Parameters.Count: 0, Input: MemberExpression { Segments: [.., IdentifierSegment last] segments } } raw
                && segments.Count > 1 && segments[0] is IdentifierSegment
                ? new Utf8Output(output, new MemberExpression(segments.Take(segments.Count - 1).ToArray()), last, raw)
                : output;
    }
}
