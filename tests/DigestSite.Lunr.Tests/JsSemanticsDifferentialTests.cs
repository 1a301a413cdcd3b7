using System.Text;
using System.Text.Json;
using DigestSite.Lunr;

namespace DigestSite.Lunr.Tests;

/// <summary>The JavaScript primitives lunr output depends on, against node.</summary>
public class JsSemanticsDifferentialTests
{
    [Fact]
    public void WhiteSpaceAndWordClasses_MatchJsRegexClasses_ForEveryCodeUnit()
    {
        using var doc = JsonDocument.Parse(LunrReference.Run("classes", null));
        var space = doc.RootElement.GetProperty("space").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var word = doc.RootElement.GetProperty("word").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        for (int c = 0; c < 0x10000; c++)
        {
            Assert.True(space.Contains(c) == JsString.IsWhiteSpace((char)c), $"\\s at U+{c:X4}");
            Assert.True(word.Contains(c) == JsString.IsWordChar((char)c), $"\\w at U+{c:X4}");
            Assert.True((space.Contains(c) || c == '-') == Tokenizer.IsSeparator((char)c), $"separator at U+{c:X4}");
        }
    }

    [Fact]
    public void ToLowerCase_MatchesJs_ForEveryCodePoint()
    {
        var chunks = new List<string>();
        var sb = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) continue;
            sb.Append(char.ConvertFromUtf32(cp)).Append(' '); // separated: no Final_Sigma context
            if (sb.Length > 100_000) { chunks.Add(sb.ToString()); sb.Clear(); }
        }
        chunks.Add(sb.ToString());
        var expected = MiniJson.StringArray(LunrReference.Run("lower", TestJson.StrArray(chunks)));
        for (int i = 0; i < chunks.Count; i++)
        {
            string actual = JsString.ToLowerCase(chunks[i]);
            if (actual != expected[i])
            {
                var e = expected[i].Split(' ');
                var a = actual.Split(' ');
                var o = chunks[i].Split(' ');
                int j = 0;
                while (j < e.Length && e[j] == a[j]) j++;
                Assert.Fail($"toLowerCase(U+{char.ConvertToUtf32(o[j], 0):X4}): JS {Escape(e[j])}, ours {Escape(a[j])}");
            }
        }
    }

    [Fact]
    public void ToLowerCase_AppliesFinalSigmaInContext_LikeJs()
    {
        string[] texts =
        [
            "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "ΑΣ", "ΑΣΑ", "ΑΣ.", "ΑΣ.Α", "ΑΣ'Α", "Α'Σ", "ΑΣ1", "ΑΣ-Α", "ΑΣ\u0301", "ΑΣ\u0301Α",
            "1Σ", "Α\u0301Σ", "ΑΣΣ", "ΣΣ", "𐐀Σ", "Σ𐐀", "ΑΣ😀", "ΑΣ\u00ADΑ", "ΑΣ\u0345", "ΑΣ\u02B0", "aΣ", "AΣb", "İΣ",
            "ǅΣ", "\u0130", "\u0130\u0301", "I\u0307", "ẞ", "ΐ", "ﬀ", "Ω K Å",
        ];
        var expected = MiniJson.StringArray(LunrReference.Run("lower", TestJson.StrArray(texts)));
        for (int i = 0; i < texts.Length; i++) Assert.Equal(Escape(expected[i]), Escape(JsString.ToLowerCase(texts[i])));
    }

    [Fact]
    public void NumberToString_MatchesJs_ForEdgeCasesAndRandomDoubles()
    {
        var values = new List<double>
        {
            0, -0.0, 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.5, 123.456, 1e-6, 1e-7, 1.5e-7, 0.000001, 0.0000012345,
            1e20, 1e21, 1.5e21, 123456789012345680000.0, 1e22, double.MaxValue, double.Epsilon, double.MinValue,
            2.2250738585072014E-308, 5e-324, 9007199254740991, 9007199254740992, 4294967295, 0.001, 0.0005, 100, 1e100,
            1.7976931348623157e308, 2.877, 0.046, 99999999999.999, 100000000000.001, 1e11, 1e12, 123456789.123,
            -2.5, 1 / 3.0, 2 / 3.0, Math.PI, Math.E, 1e15, 1e16, 1e17, 0.000001234, 12345678901234567890.0,
        };
        var rng = new Random(42);
        for (int i = 0; i < 3000; i++) values.Add(BitConverter.Int64BitsToDouble(rng.NextInt64()));
        for (int i = 0; i < 3000; i++) values.Add(Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(-3, 13)) * 1000) / 1000);
        for (int i = 0; i < 2000; i++) values.Add(rng.NextDouble() * Math.Pow(10, rng.Next(-30, 30)));
        for (int i = 0; i < 1000; i++) values.Add(-rng.Next(0, 100_000_000) / 1000.0);
        values.RemoveAll(v => !double.IsFinite(v));
        values.AddRange([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);

        var expected = MiniJson.StringArray(LunrReference.Run("number", TestJson.StrArray(values.Select(TestJson.Hex))));
        for (int i = 0; i < values.Count; i++)
        {
            Assert.True(expected[i] == JsNumber.ToString(values[i]),
                $"{TestJson.Hex(values[i])} ({values[i]:R}): JS {expected[i]}, ours {JsNumber.ToString(values[i])}");
        }
    }

    [Theory]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void NumberToString_UsesEcmaScriptLayout(double value, string expected) =>
        Assert.Equal(expected, JsNumber.ToString(value));

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -2)]
    [InlineData(0.49999999999999994, 0)]
    [InlineData(1234.5, 1235)]
    public void Round_IsMathRound_TiesTowardsPositiveInfinity(double x, double expected) =>
        Assert.Equal(expected, JsNumber.Round(x));

    [Fact]
    public void Log_IsBitIdenticalToV8MathLog()
    {
        var values = new List<double> { 1, 2, Math.E, 0.5, 1e-300, 5e-324, 1e300, 1.0000001, 0.9999999 };
        var rng = new Random(1);
        // the idf arguments lunr produces: 1 + |(N - df + 0.5) / (df + 0.5)|
        for (int i = 0; i < 20000; i++)
        {
            int n = rng.Next(1, 200_000), df = rng.Next(1, 2 * n + 1);
            values.Add(1 + Math.Abs((n - df + 0.5) / (df + 0.5)));
        }
        for (int i = 0; i < 20000; i++) values.Add(Math.Abs(BitConverter.Int64BitsToDouble(rng.NextInt64())));
        values.RemoveAll(v => !double.IsFinite(v));
        var expected = MiniJson.StringArray(LunrReference.Run("log", TestJson.StrArray(values.Select(TestJson.Hex))));
        for (int i = 0; i < values.Count; i++)
        {
            Assert.True(expected[i] == TestJson.Hex(JsMath.Log(values[i])),
                $"log({values[i]:R}): V8 {TestJson.FromHex(expected[i]):R}, ours {JsMath.Log(values[i]):R}");
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:X4}"));
}
