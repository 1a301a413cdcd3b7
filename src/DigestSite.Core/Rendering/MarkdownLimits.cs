using DigestSite.Content;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestSite.Rendering;

/// <summary>
/// What a summary or an introduction may be, so that rendering it is quick and cannot fail. Markdig
/// throws on nesting deeper than 128 levels, and some inputs make it slow: its inline parsing is
/// quadratic, or worse, in the brackets and emphasis delimiters of one paragraph ("[a](" 32,000
/// times took 15 s). These limits are far above any real summary (a few paragraphs) and bound the
/// work per paragraph, hence per text; docs/performance.md has the figures. The text is then parsed
/// as the build parses it, so that a character reference to a forbidden character ("&amp;#1;") is
/// found too: what passes here renders.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>A summary or introduction, in characters: a few paragraphs are 500 to 3,000.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>A paragraph (lines between blank lines), in characters: a long one is 1,500.</summary>
    public const int MaxParagraphCharacters = 4_000;

    /// <summary>Markup characters in a paragraph: * _ ~ ^ = + [ ] and `.</summary>
    public const int MaxMarkupPerParagraph = 512;

    /// <summary>Block quotes and list levels at the start of a line, counting two spaces of indentation as one.</summary>
    public const int MaxNesting = 16;

    /// <summary>Brackets open at once in a paragraph (links inside links' text).</summary>
    public const int MaxBracketDepth = 32;

    /// <summary>The first problem of <paramref name="markdown"/>: where (an offset in it) and what to do; null when it renders.</summary>
    public static (int Offset, string Message)? Problem(string markdown)
    {
        if (markdown.Length > MaxCharacters)
            return (MaxCharacters, $"the text is {markdown.Length:N0} characters long; a summary or introduction is limited to {MaxCharacters:N0} " +
                                   "(a few paragraphs). Shorten it.");
        return ScanProblem(markdown) ?? ParsedProblem(markdown);
    }

    /// <summary>The limits that bound the parser's work, checked in one pass before it runs.</summary>
    private static (int Offset, string Message)? ScanProblem(string text)
    {
        int paragraphStart = -1, markup = 0, brackets = 0;
        for (int lineStart = 0; lineStart < text.Length;)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            if (text.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace())
            {
                paragraphStart = -1;
            }
            else
            {
                if (paragraphStart < 0) (paragraphStart, markup, brackets) = (lineStart, 0, 0);
                if (NestingProblem(text, lineStart, lineEnd) is { } nesting) return nesting;
                if (lineEnd - paragraphStart > MaxParagraphCharacters)
                    return (paragraphStart + MaxParagraphCharacters,
                        $"this paragraph is over {MaxParagraphCharacters:N0} characters long: split it with blank lines, or shorten it.");
                for (int i = lineStart; i < lineEnd; i++)
                {
                    char c = text[i];
                    if (c is not ('*' or '_' or '~' or '^' or '=' or '+' or '[' or ']' or '`')) continue;
                    if (++markup > MaxMarkupPerParagraph)
                        return (i, $"this paragraph has more than {MaxMarkupPerParagraph} markup characters (* _ ~ ^ = + [ ] `): " +
                                   "split it with blank lines, or write less markup.");
                    if (c == '[' && ++brackets > MaxBracketDepth)
                        return (i, $"brackets are nested more than {MaxBracketDepth} deep here: close them (\\[ writes a bracket as text).");
                    if (c == ']' && brackets > 0) brackets--;
                }
            }
            lineStart = newline < 0 ? text.Length : newline + 1;
        }
        return null;
    }

    /// <summary>
    /// Block quotes and list items are opened by markers at the start of a line ("&gt;", "-", "1."),
    /// and stay open on later lines by indentation: the line's markers, plus one level for each two
    /// spaces of indentation before them, bound how deep the line is.
    /// </summary>
    private static (int Offset, string Message)? NestingProblem(string text, int start, int end)
    {
        int markers = 0, columns = 0;
        for (int i = start; i < end; i++)
        {
            int at = i;
            char c = text[i];
            if (c is ' ' or '\t')
            {
                if (markers == 0) columns += c == ' ' ? 1 : 4 - columns % 4;
            }
            else if (c == '>' || (c is '-' or '*' or '+' && i + 1 < end && text[i + 1] is ' ' or '\t')) markers++;
            else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, i, end) is var next and > 0)
            {
                markers++;
                i = next - 1;
            }
            else break;
            if (markers + columns / 2 > MaxNesting)
                return (at, $"block quotes and lists are nested (or indented) more than {MaxNesting} levels deep here: flatten them.");
        }
        return null;
    }

    /// <summary>After "1." or "12)" and before the space that makes it a list marker; 0 when it is not one.</summary>
    private static int OrderedMarkerEnd(string text, int i, int end)
    {
        int digits = 0;
        while (i < end && char.IsAsciiDigit(text[i]) && digits < 10) (i, digits) = (i + 1, digits + 1);
        return i + 1 < end && text[i] is '.' or ')' && text[i + 1] is ' ' or '\t' ? i + 1 : 0;
    }

    /// <summary>Parses as the build does: what the scan cannot see (a reference decoding to a forbidden character).</summary>
    private static (int Offset, string Message)? ParsedProblem(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = SafeMarkdown.ParseLocated(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig's "too deeply nested" (more than 128 levels), should the limits above ever let it through.
            return (0, "the Markdown is nested too deeply to be read (block quotes, lists, links and emphasis inside each other): flatten it.");
        }
        foreach (var node in document.Descendants())
        {
            var (text, what) = node switch
            {
                HtmlEntityInline entity => (entity.Transcoded.ToString(), $"the character reference \"{entity.Original}\" stands for"),
                LinkInline link => ((link.Url ?? "") + (link.Title ?? ""), "the link's address or title holds, through a character reference,"),
                LinkReferenceDefinition definition => ((definition.Url ?? "") + (definition.Title ?? ""), "the link's address or title holds, through a character reference,"),
                _ => (null, null),
            };
            if (text is not null && Characters.FirstForbidden(text) is var forbidden and >= 0)
                return (node.Span.Start, $"{what} {Characters.Forbidden(text, forbidden)}");
        }
        return null;
    }
}
