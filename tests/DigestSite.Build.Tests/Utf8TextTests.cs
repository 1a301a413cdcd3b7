using DigestSite.Pages;

namespace DigestSite.Build.Tests;

/// <summary>The model's long texts are held as UTF-8: each reader must get back exactly the text that was put in.</summary>
public class Utf8TextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII")]
    [InlineData("Jörg Müller — “quoted” & <b>marked</b>, 数学, and an emoji 🎓 (a surrogate pair)")]
    public void A_text_reads_back_as_the_string_it_was_made_from(string text)
    {
        var utf8 = Utf8Text.Of(text);
        Assert.Equal(text, utf8.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), utf8.Bytes.ToArray());
        Assert.Equal(text.Length == 0, utf8.IsEmpty);
    }

    // Attribute arguments are stored as UTF-8, which has no lone surrogates: the halves are made in code.
    public static TheoryData<string, string> SplitTexts => new()
    {
        { "x" + (char)0xD83C, (char)0xDF93 + " a surrogate pair split between the builder's chunks" },
        { "x" + (char)0xD83C, " a lone high surrogate at a chunk's end" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(SplitTexts))]
    public void A_builders_text_gives_the_bytes_its_string_would(string first, string second)
    {
        // The first chunk holds exactly the first part: what is appended next starts another.
        var builder = new System.Text.StringBuilder(Math.Max(first.Length, 1)).Append(first).Append(second);
        Assert.True(first.Length == 0 || CountChunks(builder) > 1);
        Assert.Equal(Utf8Text.Of(builder.ToString()), Utf8Text.Of(builder));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(builder.ToString()), Utf8Text.Of(builder).Bytes.ToArray());

        static int CountChunks(System.Text.StringBuilder builder)
        {
            int count = 0;
            foreach (var _ in builder.GetChunks()) count++;
            return count;
        }
    }

    [Fact]
    public void Texts_are_equal_when_their_bytes_are_so_view_records_holding_them_compare_by_value()
    {
        Assert.Equal(Utf8Text.Of("Ünïcode"), Utf8Text.Of("Ünïcode"));
        Assert.Equal(Utf8Text.Of("Ünïcode").GetHashCode(), Utf8Text.Of("Ünïcode").GetHashCode());
        Assert.NotEqual(Utf8Text.Of("Ünïcode"), Utf8Text.Of("Unicode"));
        Assert.Equal(Utf8Text.Of(""), Utf8Text.Empty);
    }
}
