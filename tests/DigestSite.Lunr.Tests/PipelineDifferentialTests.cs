using DigestSite.Lunr;

namespace DigestSite.Lunr.Tests;

/// <summary>Tokenizer, trimmer, stop word filter and stemmer, each against lunr.js.</summary>
public class PipelineDifferentialTests
{
    private static IEnumerable<string> CorpusWords()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in TestCorpus.Stress().Concat(TestCorpus.Generated(200, seed: 5)))
        {
            foreach (var v in d.Fields.Values)
            {
                foreach (var t in Tokenizer.Tokenize(v)) words.Add(Trimmer.Trim(t));
            }
        }
        return words;
    }

    [Fact]
    public void Stemmer_MatchesLunrStemmer_OnPorterAndCorpusWords()
    {
        var words = TestCorpus.PorterWords.Select(w => w.ToLowerInvariant()).Concat(CorpusWords())
            .Concat(["", "a", "ab", "y", "yy", "yyy", "Y", "eed", "ied", "sses", "line\nbreak", "ends\r", "ll", "all", "controll", "fall\u2028"])
            .ToArray();
        var expected = MiniJson.StringArray(LunrReference.Run("stem", TestJson.StrArray(words)));
        var actual = words.Select(PorterStemmer.Stem).ToArray();
        var diffs = words.Select((w, i) => (w, e: expected[i], a: actual[i])).Where(x => x.e != x.a).ToList();
        Assert.True(diffs.Count == 0, "stems differ: " + string.Join(", ", diffs.Take(20).Select(d => $"{d.w} -> lunr {d.e} / ours {d.a}")));
    }

    [Fact]
    public void Stemmer_MatchesLunrStemmer_OnRandomWordsBuiltFromPorterSuffixes()
    {
        string[] suffixes =
        [
            "sses", "ies", "ss", "s", "eed", "ed", "ing", "at", "bl", "iz", "y", "ational", "tional", "enci", "anci",
            "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness",
            "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness",
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti",
            "ous", "ive", "ize", "sion", "tion", "e", "ll", "", "",
        ];
        const string letters = "aeiouyaeiouybcdlmnrstwxzyslYé\u2028\n";
        var rng = new Random(2024);
        var words = new List<string>();
        for (int i = 0; i < 60_000; i++)
        {
            var stem = new char[rng.Next(0, 8)];
            for (int j = 0; j < stem.Length; j++) stem[j] = letters[rng.Next(letters.Length - (rng.Next(50) == 0 ? 0 : 4))];
            string w = new string(stem) + suffixes[rng.Next(suffixes.Length)];
            if (rng.Next(3) == 0) w += suffixes[rng.Next(suffixes.Length)];
            if (rng.Next(10) == 0) w = "y" + w;
            words.Add(w);
        }
        var expected = MiniJson.StringArray(LunrReference.Run("stem", TestJson.StrArray(words)));
        var diffs = words.Select((w, i) => (w, e: expected[i], a: PorterStemmer.Stem(w))).Where(x => x.e != x.a).ToList();
        Assert.True(diffs.Count == 0, $"{diffs.Count} stems differ: " + string.Join(", ", diffs.Take(20).Select(d => $"{d.w} -> lunr {d.e} / ours {d.a}")));
    }

    [Fact]
    public void TokenizerAndPipeline_MatchLunr_OnTrickyStrings()
    {
        var texts = TestCorpus.Stress().SelectMany(d => d.Fields.Values).Where(v => v is not null).Select(v => v!)
            .Concat([
                "", " ", "-", "--a--b--", "a-b", "\u00A0x\u00A0", "x\u180Ey", "x\u200By", "x\uFEFFy", "x\u2028y\u2029z",
                "ΣΑΣ ΑΣ ΑΣ. Σ ΑΣΑ ΑΣ1 ΑΣ'Α", "İİ", "ǅ", "a\u0130b", "...", "!!!", "the", "THE", "The,", "a'", "'tis", "twas",
            ]).ToArray();
        var expected = (List<object?>)MiniJson.Parse(LunrReference.Run("analyze", TestJson.StrArray(texts)))!;
        for (int i = 0; i < texts.Length; i++)
        {
            var result = (List<KeyValuePair<string, object?>>)expected[i]!;
            var expectedTokens = ((List<object?>)result[0].Value!).Cast<string>().ToArray();
            var expectedTerms = ((List<object?>)result[1].Value!).Cast<string>().ToArray();
            var tokens = Tokenizer.Tokenize(texts[i]);
            Assert.Equal(expectedTokens, tokens);
            var terms = tokens.Select(LunrPipeline.Run).Where(t => t is not null).ToArray();
            Assert.Equal(expectedTerms, terms);
        }
    }

    [Theory]
    [InlineData("café", "caf")]
    [InlineData("\"quoted\"", "quoted")]
    [InlineData("...", "")]
    [InlineData("__init__", "__init__")]
    [InlineData("(rag)", "rag")]
    [InlineData("o'brien", "o'brien")]
    public void Trimmer_RemovesAsciiNonWordCharactersAtBothEnds(string token, string expected) =>
        Assert.Equal(expected, Trimmer.Trim(token));

    [Theory]
    [InlineData("the", true)]
    [InlineData("however", true)]
    [InlineData("The", false)]
    [InlineData("constructor", false)]
    [InlineData("", false)]
    public void StopWordFilter_DropsExactlyLunrsList(string token, bool dropped) =>
        Assert.Equal(dropped, StopWordFilter.IsStopWord(token));

    [Fact]
    public void Pipeline_KeepsTheEmptyTermThatLunrIndexes() =>
        Assert.Equal("", LunrPipeline.Run("—"));

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("yelling", "yell")]
    [InlineData("happy", "happi")]
    public void Stemmer_StemsLikePorter(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Tokenizer_SplitsOnJsWhitespaceAndHyphens_ButNotOnMongolianVowelSeparatorOrZeroWidthSpace() =>
        Assert.Equal(["a", "b", "c\u180Ed\u200Be", "f"], Tokenizer.Tokenize("A-b\uFEFFc\u180Ed\u200Be\u3000F"));
}
