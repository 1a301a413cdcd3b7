using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace DigestSite.Rendering;

/// <summary>
/// A page's body as the layout's `content`, written from the builder it was rendered into. As a
/// string, each page's body was made once more (a string as large as the page, the largest part of
/// what rendering allocated: docs/performance.md), only to be copied into the layout's output.
/// <para>
/// Used only when the layout does nothing with `content` but write it, `{{ content }}`, which this
/// value writes exactly as the string would (not escaped): <see cref="OnlyWrittenBy"/> checks the
/// layout. Any other use (a filter, a comparison, a loop, a partial that could read it) gets the
/// string, as before, since some of Fluid's filters and operators treat a string value apart.
/// </para>
/// </summary>
internal sealed class PageContent(StringBuilder body) : FluidValue
{
    public const string Name = "content";

    private string? text;

    private string Text => text ??= body.ToString();

    public override FluidValues Type => FluidValues.String;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        foreach (var chunk in body.GetChunks()) writer.Write(chunk.Span);
        return default;
    }

    // What Fluid's string value answers, should anything ask.
    public override bool Equals(FluidValue other) => new StringValue(Text, encode: false).Equals(other);
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => new StringValue(Text, encode: false).ToNumberValue();
    public override string ToStringValue() => Text;
    public override object ToObjectValue() => Text;

    /// <summary>
    /// True when <paramref name="layout"/> reads `content` only in `{{ content }}` outputs (no filter, no member, no
    /// other use), never binds the name itself, and renders or includes no partial (which could read it).
    /// Anything this walk does not know (custom tags, macros) counts as a use.
    /// </summary>
    public static bool OnlyWrittenBy(Fluid.IFluidTemplate layout)
    {
        var check = new LayoutCheck();
        try
        {
            check.VisitTemplate(layout);
        }
        catch (NotSupportedException)
        {
            return false; // a template that cannot be walked
        }
        return check.Plain;
    }

    private sealed class LayoutCheck : AstVisitor
    {
        public bool Plain { get; private set; } = true;

        private Statement Other(Statement statement)
        {
            Plain = false;
            return statement;
        }

        protected override Statement VisitOutputStatement(OutputStatement output) =>
            IsContent(output.Expression) ? output : base.VisitOutputStatement(output);

        protected override Expression VisitMemberExpression(MemberExpression member)
        {
            if (member.Segments[0] is not IdentifierSegment { Identifier: var first } || first == Name) Plain = false;
            return member;
        }

        private static bool IsContent(Expression expression) =>
            expression is MemberExpression { Segments: [IdentifierSegment { Identifier: Name }] };

        protected override Statement VisitAssignStatement(AssignStatement assign) =>
            assign.Identifier == Name ? Other(assign) : base.VisitAssignStatement(assign);

        protected override Statement VisitCaptureStatement(CaptureStatement capture) =>
            capture.Identifier == Name ? Other(capture) : base.VisitCaptureStatement(capture);

        protected override Statement VisitForStatement(ForStatement loop) =>
            loop.Identifier == Name ? Other(loop) : base.VisitForStatement(loop);

        protected override Statement VisitTableRowStatement(TableRowStatement table) =>
            table.Identifier == Name ? Other(table) : base.VisitTableRowStatement(table);

        protected override Statement VisitIncrementStatement(IncrementStatement statement) => Other(statement);
        protected override Statement VisitDecrementStatement(DecrementStatement statement) => Other(statement);
        protected override Statement VisitCycleStatement(CycleStatement statement) => Other(statement);
        protected override Statement VisitIncludeStatement(IncludeStatement statement) => Other(statement);
        protected override Statement VisitRenderStatement(RenderStatement statement) => Other(statement);
        protected override Statement VisitMacroStatement(MacroStatement statement) => Other(statement);
        protected override Statement VisitFromStatement(FromStatement statement) => Other(statement);
        protected override Statement VisitCallbackStatement(CallbackStatement statement) => Other(statement);
        protected override Statement VisitEmptyTagStatement(EmptyTagStatement statement) => Other(statement);
        protected override Statement VisitEmptyBlockStatement(EmptyBlockStatement statement) => Other(statement);
        protected override Statement VisitParserBlockStatement<T>(ParserBlockStatement<T> statement) => Other(statement);
        protected override Statement VisitParserTagStatement<T>(ParserTagStatement<T> statement) => Other(statement);
        public override Statement VisitOtherStatement(Statement statement) => Other(statement);

        public override Expression VisitOtherExpression(Expression expression)
        {
            Plain = false;
            return expression;
        }
    }
}
