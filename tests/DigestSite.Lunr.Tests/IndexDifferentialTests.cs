using System.Text.Json;
using System.Text.Json.Serialization;
using DigestSite.Lunr;

namespace DigestSite.Lunr.Tests;

/// <summary>
/// Our index must be byte-identical to JSON.stringify(lunr(...)) from lunr.js 2.3.9, whether the builder
/// is given the documents' texts or their fields analyzed already, as strings or as numbers.
/// </summary>
public class IndexDifferentialTests
{
    private static void AssertSameAsLunr(IndexSpec spec)
    {
        string expected = LunrReference.BuildJson(spec);
        AssertSame(expected, spec.BuildJson());
        AssertSame(expected, spec.BuildJsonFromAnalyzedFields());
        AssertSame(expected, spec.BuildJsonFromNumberedFields());
    }

    private static void AssertSame(string expected, string actual)
    {
        if (expected != actual)
        {
            int i = 0;
            while (i < Math.Min(expected.Length, actual.Length) && expected[i] == actual[i]) i++;
            int from = Math.Max(0, i - 120);
            Assert.Fail($"Index JSON differs from lunr.js at char {i}:\n" +
                        $"lunr.js: …{expected[from..Math.Min(expected.Length, i + 120)]}\n" +
                        $"ours:    …{actual[from..Math.Min(actual.Length, i + 120)]}");
        }
    }

    [Fact]
    public void StressCorpus_WithDigestSiteFields_IsByteIdenticalToLunrJs() =>
        AssertSameAsLunr(new IndexSpec("slug", IndexSpec.DigestSiteFields, TestCorpus.Stress()));

    [Fact]
    public void GeneratedCorpus_OfFourHundredDocuments_IsByteIdenticalToLunrJs() =>
        AssertSameAsLunr(new IndexSpec("slug", IndexSpec.DigestSiteFields, TestCorpus.Generated(400, seed: 7)));

    [Fact]
    public void IntegerLikeFieldNames_AreOrderedLikeJsObjectKeys_AndBoostsApply()
    {
        LunrField[] fields = [new("body"), new("2", boost: 2), new("title", boost: 0), new("10", boost: 0.5), new("1", boost: 3)];
        var docs = TestCorpus.Stress().Select((d, i) => new LunrDocument(d.Ref, new Dictionary<string, string?>
        {
            ["body"] = d.Fields.GetValueOrDefault("summary"),
            ["2"] = d.Fields.GetValueOrDefault("title"),
            ["title"] = d.Fields.GetValueOrDefault("authors"),
            ["10"] = d.Fields.GetValueOrDefault("topics"),
            ["1"] = "one " + i,
        }, boost: i % 3 == 0 ? 0 : i % 3 == 1 ? 2.5 : 1)).ToList();
        AssertSameAsLunr(new IndexSpec("id", fields, docs));
    }

    [Fact]
    public void EmptyIndex_IsByteIdenticalToLunrJs() =>
        AssertSameAsLunr(new IndexSpec("slug", IndexSpec.DigestSiteFields, []));

    [Fact]
    public void SingleDocumentWithOnlyEmptyFields_IsByteIdenticalToLunrJs() =>
        AssertSameAsLunr(new IndexSpec("slug", IndexSpec.DigestSiteFields,
            [new LunrDocument("only", new Dictionary<string, string?> { ["title"] = "", ["summary"] = null })]));

    [Fact]
    public void ParallelAndSequentialBuilds_WriteTheSameBytes()
    {
        var spec = new IndexSpec("slug", IndexSpec.DigestSiteFields, TestCorpus.Generated(3000, seed: 3));
        var sequential = spec.BuildJson(maxDegreeOfParallelism: 1);
        Assert.Equal(sequential, spec.BuildJson(maxDegreeOfParallelism: 4));
        Assert.Equal(sequential, spec.BuildJsonFromAnalyzedFields(maxDegreeOfParallelism: 4));
        Assert.Equal(sequential, spec.BuildJsonFromNumberedFields(maxDegreeOfParallelism: 4));
    }

    [Fact]
    public void AnalyzedDocuments_NeedOneFieldForEachOfTheBuilders()
    {
        var b = new LunrIndexBuilder(IndexSpec.DigestSiteFields);
        Assert.Throws<ArgumentException>(() => b.Add("a", [AnalyzedText.Empty]));
        Assert.Throws<ArgumentException>(() => new AnalyzedText(["x"], [0], ["x"]));
    }

    [Fact]
    public void NumberedDocuments_NeedTheBuildersVocabulary()
    {
        NumberedText[] fields = [new([0], [1]), NumberedText.Empty, NumberedText.Empty, NumberedText.Empty];
        Assert.Throws<InvalidOperationException>(() => new LunrIndexBuilder(IndexSpec.DigestSiteFields).Add("a", fields));
        var b = new LunrIndexBuilder(IndexSpec.DigestSiteFields, ["word"]);
        b.Add("a", fields);
        Assert.Throws<ArgumentException>(() => b.Add("b", [new([1], [1]), NumberedText.Empty, NumberedText.Empty, NumberedText.Empty]));
        Assert.Throws<ArgumentException>(() => b.Add("c", [NumberedText.Empty]));
        Assert.Throws<ArgumentException>(() => new NumberedText([0], [0]));
    }

    [Fact]
    public void OurIndex_LoadedInLunrJs_AnswersQueriesExactlyLikeLunrsOwnIndex()
    {
        var docs = TestCorpus.Stress().Concat(TestCorpus.Generated(300, seed: 11)).ToList();
        var spec = new IndexSpec("slug", IndexSpec.DigestSiteFields, docs);
        string[] queries =
        [
            "attention", "learning", "model", "deep learning", "title:learning", "authors:brien", "summary:caress",
            "+learning -model", "learn*", "*ing", "transformr~1", "generalization", "relational^10 retrieval",
            "42", "10", "caf", "", "zürich", "the", "topics:rag", "\"quoted\"", "agent agents agentic",
        ];
        string ours = spec.BuildJson();
        var result = JsonSerializer.Deserialize<SearchOutput>(LunrReference.Run("search", spec.ToJson(queries, ours)))!;
        Assert.Equal(queries.Length, result.Lunr.Length);
        for (int q = 0; q < queries.Length; q++)
        {
            Assert.Equal(Show(result.Lunr[q]), Show(result.Loaded[q]));
        }
        Assert.Contains(result.Lunr, r => r.Length > 5); // the queries do find documents
    }

    private static string Show(JsonElement[][] hits) =>
        string.Join("\n", hits.Select(h => h[0].GetString() + " " + h[1].GetRawText()));

    private sealed record SearchOutput([property: JsonPropertyName("lunr")] JsonElement[][][] Lunr, [property: JsonPropertyName("loaded")] JsonElement[][][] Loaded);

    [Fact]
    public void OurIndex_StartsLikeLunrsSerializationFormat()
    {
        var b = new LunrIndexBuilder(IndexSpec.DigestSiteFields);
        b.Add(new LunrDocument("x", new Dictionary<string, string?> { ["title"] = "Hello" }));
        Assert.Equal(
            "{\"version\":\"2.3.9\",\"fields\":[\"title\",\"authors\",\"topics\",\"summary\"],\"fieldVectors\":[[\"title/x\",[0,2.877]],[\"authors/x\",[]],[\"topics/x\",[]],[\"summary/x\",[]]],\"invertedIndex\":[[\"hello\",{\"_index\":0,\"title\":{\"x\":{}},\"authors\":{},\"topics\":{},\"summary\":{}}]],\"pipeline\":[\"stemmer\"]}",
            b.Build().ToJson());
    }

    [Fact]
    public void DuplicateRefs_AreRejected()
    {
        var b = new LunrIndexBuilder([new LunrField("title")]);
        b.Add(new LunrDocument("a", new Dictionary<string, string?>()));
        Assert.Throws<ArgumentException>(() => b.Add(new LunrDocument("a", new Dictionary<string, string?>())));
    }

    [Theory]
    [InlineData("constructor")]
    [InlineData("toString")]
    [InlineData("__proto__")]
    public void FieldNamesThatLunrCannotScore_AreRejected(string name) =>
        Assert.Throws<ArgumentException>(() => new LunrField(name));

    [Fact]
    public void FieldNamesWithSlash_AreRejectedLikeLunrBuilderField() =>
        Assert.Throws<ArgumentException>(() => new LunrField("a/b"));
}
