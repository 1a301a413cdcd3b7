using DigestSite.Rendering;

namespace DigestSite.Build.Tests;

/// <summary>Markdown from pull requests: raw HTML shown as text, only http(s) and mailto links kept.</summary>
public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](JavaScript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n")]
    [InlineData("[x](/relative)", "<p>x</p>\n")]
    [InlineData("![alt text](javascript:alert(1))", "<p>alt text</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("<vbscript:msgbox>", "<p>vbscript:msgbox</p>\n")]
    [InlineData("[x](https://example.org/)", "<p><a href=\"https://example.org/\" rel=\"nofollow ugc\">x</a></p>\n")]
    [InlineData("<https://example.org/>", "<p><a href=\"https://example.org/\" rel=\"nofollow ugc\">https://example.org/</a></p>\n")]
    [InlineData("<someone@example.org>", "<p><a href=\"mailto:someone@example.org\">someone@example.org</a></p>\n")]
    [InlineData("[mail](mailto:someone@example.org)", "<p><a href=\"mailto:someone@example.org\" rel=\"nofollow ugc\">mail</a></p>\n")]
    [InlineData("a ![image](javascript:alert(1)) and <javascript:alert(2)> b", "<p>a image and javascript:alert(2) b</p>\n")]
    [InlineData("[a](javascript:x) [b](data:x) ![c](javascript:y) <javascript:z> <https://ok.example/>",
        "<p>a b c javascript:z <a href=\"https://ok.example/\" rel=\"nofollow ugc\">https://ok.example/</a></p>\n")]
    [InlineData("[s](javascript:alert('link')) and\n![image](javascript:alert('image')) and <javascript:alert('autolink')> and\n[V](vbscript:msgbox)",
        "<p>s and\nimage and javascript:alert('autolink') and\nV</p>\n")]
    public void Renders_only_safe_markup(string markdown, string html) => Assert.Equal(html, SafeMarkdown.ToHtml(markdown));
}
