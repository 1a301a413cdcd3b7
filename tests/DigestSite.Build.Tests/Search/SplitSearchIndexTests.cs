using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DigestSite.Content;
using DigestSite.Corpus;
using DigestSite.Lunr;
using DigestSite.Pages;
using DigestSite.Search;

namespace DigestSite.Build.Tests.Search;

/// <summary>
/// The split search index (search/split/) answers every query exactly as the full index
/// (search/index.json) does: node runs lunr.js on both, the split form assembled by
/// theme/assets/search-shards.js, the code the search page runs, and compares refs, order and scores.
/// </summary>
public sealed class SplitSearchIndexTests : IClassFixture<SplitSearchIndexTests.Archive1k>
{
    private readonly Archive1k archive;

    public SplitSearchIndexTests(Archive1k archive) => this.archive = archive;

    /// <summary>Single words, phrases, fields, +/-, wildcards, fuzzy, boosts, rare and very common terms, errors.</summary>
    public static readonly string[] Queries =
    [
        "model", "models", "language", "fine", "tuning", "retrieval", "attention", "transformer", "benchmark", "quantization",
        "language model", "large language models", "retrieval augmented generation", "instruction tuning datasets",
        "parameter efficient fine-tuning", "code generation benchmark", "\"chain of thought\"", "zero-shot reasoning",
        "title:model", "title:retrieval title:benchmark", "authors:zhang", "authors:kim authors:park", "authors:müller",
        "topics:rag", "topics:lora model", "summary:hallucination", "title:language^10 summary:language",
        "+model +retrieval", "+retrieval -dense", "+fine +tune -instruct", "-model", "-model -language", "model -llm",
        "+zzzznotaterm model", "+authors:zhang +title:model",
        "retriev*", "gen*", "*tion", "tr*ing", "a*", "l*m", "model*", "z*",
        "retreival~1", "langauge~2", "modle~1", "atention~1 transformr~1",
        "model^5 retrieval", "data^0.1 augmentation^3",
        "kalomimi", "milu", "ernie", "zuzuvot", "zuzuvot zuzut zuzupa", "weakly supervised", "psychological",
        "the", "and of the", "a", "123", "98.0", "2401.00001", "llm llms",
        "", "   ", "title:", "venue:neurips", "model~", "^2",
    ];

    [Fact]
    public void Every_query_gives_the_same_refs_order_and_scores_as_the_full_index()
    {
        var outcome = archive.Compare(archive.Dir, Queries.Concat(archive.DerivedQueries));
        Assert.True(outcome.Errors.Count == 0, "errors: " + string.Join("\n", outcome.Errors));
        Assert.True(outcome.Mismatches.Count == 0, "mismatches: " + string.Join("\n", outcome.Mismatches));
        // The query set means something: most queries find papers, some find hundreds, a few none or fail to parse.
        Assert.True(outcome.Results.Count(r => r > 0) >= 50, string.Join(",", outcome.Results));
        Assert.Contains(outcome.Results, r => r >= 500);
        Assert.Contains(outcome.Results, r => r == 1);
        Assert.Contains(outcome.Results, r => r == 0);
        Assert.Contains(outcome.Results, r => r == -1);
        Assert.True(archive.ShardCount > 10, $"the 1k archive should be split into several shards, not {archive.ShardCount}");
        // A query reads few shards: a plain word one, a common phrase a handful.
        Assert.Equal(1, outcome.ShardsFetchedFor("model", Queries));
    }

    [Theory]
    [InlineData(0)]      // inlined into the base
    [InlineData(1)]      // one shard for everything
    [InlineData(3000)]   // a shard per term or two, and empty ones
    public void Shard_count_does_not_change_results(int shards)
    {
        var dir = archive.WriteSplit(shards);
        var outcome = archive.Compare(dir, Queries);
        Assert.True(outcome.Errors.Count == 0, "errors: " + string.Join("\n", outcome.Errors));
        Assert.True(outcome.Mismatches.Count == 0, "mismatches: " + string.Join("\n", outcome.Mismatches));
    }

    [Fact]
    public void Same_content_gives_byte_identical_files()
    {
        var first = LunrJsonOracle.SplitFiles(archive.IndexJson, archive.Papers).ToList();
        var again = LunrJsonOracle.SplitFiles(LunrJsonOracle.IndexJson(archive.Papers, archive.Terms, parallelism: 1), archive.Papers).ToList();
        Assert.Equal(first.Select(f => f.Path), again.Select(f => f.Path));
        Assert.Equal(SplitSearchIndex.Paths(archive.Papers.Length), first.Select(f => f.Path));
        for (int i = 0; i < first.Count; i++) Assert.True(first[i].Content.AsSpan().SequenceEqual(again[i].Content), first[i].Path);
    }

    [Fact]
    public void Reading_the_built_index_gives_the_files_reading_its_json_gives()
    {
        var fromJson = LunrJsonOracle.SplitFiles(archive.IndexJson, archive.Papers).ToList();
        var direct = SplitSearchIndex.Files(LunrSplit.From(SearchIndex.Build(archive.Papers, archive.Terms)), archive.Papers).ToList();
        Assert.Equal(fromJson.Select(f => f.Path), direct.Select(f => f.Path));
        for (int i = 0; i < fromJson.Count; i++) Assert.True(fromJson[i].Content.AsSpan().SequenceEqual(direct[i].Content), fromJson[i].Path);
    }

    [Fact]
    public void A_small_site_is_one_file()
    {
        var small = archive.Papers.Take(40).ToArray();
        using var analyzer = new LunrTextAnalyzer();
        var terms = ArchiveTerms.Number(Array.ConvertAll(small, p => new PaperTerms(Array.ConvertAll(SearchIndex.FieldTexts(p), analyzer.Analyze))));
        var files = LunrJsonOracle.SplitFiles(LunrJsonOracle.IndexJson(small, terms), small).ToList();
        Assert.DoesNotContain(files, f => f.Path.StartsWith(SplitSearchIndex.Folder + "/p", StringComparison.Ordinal));
        Assert.Contains("\"inline\":[", Encoding.UTF8.GetString(files.Single(f => f.Path == SplitSearchIndex.BaseFile).Content));
    }

    /// <summary>Refs JavaScript orders differently (array indexes first) or treats specially, ties, odd terms.</summary>
    [Fact]
    public void Awkward_refs_and_terms_give_the_same_results()
    {
        var builder = new LunrIndexBuilder(IndexSpec.Fields);
        string[] refs = ["b", "10", "__proto__", "2", "constructor", "a/b", "0", "x y", "4294967295", "07", "\u00e9t\u00e9"];
        for (int i = 0; i < refs.Length; i++)
        {
            builder.Add(new LunrDocument(refs[i], new Dictionary<string, string?>
            {
                ["title"] = i % 3 == 0 ? "same words in the title" : $"title {i} na\u00efve \ud83d\ude00smile constructor __proto__ toString",
                ["authors"] = i % 2 == 0 ? "Ana Zhang" : null,
                ["topics"] = "rag, lora",
                ["summary"] = string.Join(' ', Enumerable.Repeat("same words", i + 1)) + " hasOwnProperty valueOf",
            }));
        }
        var index = builder.Build();
        var json = Encoding.UTF8.GetBytes(index.ToJson());
        var split = LunrJsonOracle.Parse(json);
        // Read from the built index directly (as the build does), the split form is the same, byte for byte.
        var direct = LunrSplit.From(index);
        foreach (var shards in new[] { 0, 1, 7, 100 })
        {
            var (a, b) = (split.Write(shards), direct.Write(shards));
            Assert.Equal(a.Base, b.Base);
            Assert.Equal(a.Shards.ToList(), b.Shards.ToList());
        }
        var dir = Directory.CreateTempSubdirectory("digestsite-split-awkward-").FullName;
        try
        {
            foreach (var shards in new[] { 0, 1, 7, 100 })
            {
                var files = split.Write(shards);
                if (Directory.Exists(Path.Combine(dir, "split"))) Directory.Delete(Path.Combine(dir, "split"), recursive: true);
                Directory.CreateDirectory(Path.Combine(dir, "split"));
                File.WriteAllBytes(Path.Combine(dir, "index.json"), json);
                File.WriteAllBytes(Path.Combine(dir, "split", "base.json"), files.Base);
                for (int s = 0; s < files.Shards.Count; s++) File.WriteAllBytes(Path.Combine(dir, "split", $"p{s}.json"), files.Shards[s]);
                var outcome = Archive1k.CompareIn(dir,
                [
                    "same", "words", "same words", "title", "constructor", "__proto__", "tostring", "hasownproperty", "valueof",
                    "na\u00efve", "\ud83d\ude00smile", "smile", "zhang", "-same", "-zhang", "+same -title", "s*", "*", "*e", "rag lora",
                    "authors:ana", "title:same^3 summary:words", "same~1", "",
                ]);
                Assert.True(outcome.Errors.Count == 0, "errors: " + string.Join("\n", outcome.Errors));
                Assert.True(outcome.Mismatches.Count == 0, $"{shards} shards, mismatches: " + string.Join("\n", outcome.Mismatches));
                Assert.True(outcome.Results.Count(r => r > 1) >= 10);
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>authors.json: each author of two papers or more (most papers first, then by name), with the delta-coded numbers of their papers.</summary>
    [Fact]
    public void The_authors_file_lists_each_prolific_author_with_their_papers()
    {
        var file = LunrJsonOracle.SplitFiles(archive.IndexJson, archive.Papers).Single(f => f.Path == SplitSearchIndex.AuthorsFile);
        using var json = JsonDocument.Parse(file.Content);
        var names = json.RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToArray();
        var papers = json.RootElement.GetProperty("papers").EnumerateArray()
            .Select(list => list.EnumerateArray().Select(d => d.GetInt32()).ToArray())
            .Select(deltas => { int at = 0; return deltas.Select(d => at += d).ToArray(); })
            .ToArray();

        var expected = archive.Papers
            .SelectMany((paper, number) => paper.Authors.Distinct().Select(name => (name, number)))
            .GroupBy(a => a.name, a => a.number)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(g => g.Key), names);
        for (int a = 0; a < names.Length; a++) Assert.Equal(expected[a].ToArray(), papers[a]);
        Assert.Contains(SplitSearchIndex.AuthorsFile, SplitSearchIndex.Paths(archive.Papers.Length));
    }

    /// <summary>base.json's frequencies: for each term, in term order, the documents whose posting lists it in any field, counted from index.json.</summary>
    [Fact]
    public void The_base_gives_each_terms_document_frequency()
    {
        using var index = JsonDocument.Parse(archive.IndexJson);
        var fields = index.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToArray();
        var expected = index.RootElement.GetProperty("invertedIndex").EnumerateArray()
            .Select(entry => fields.SelectMany(f => entry[1].GetProperty(f).EnumerateObject().Select(r => r.Name)).Distinct().Count())
            .ToArray();
        var file = LunrJsonOracle.SplitFiles(archive.IndexJson, archive.Papers).Single(f => f.Path == SplitSearchIndex.BaseFile);
        using var json = JsonDocument.Parse(file.Content);
        var frequencies = json.RootElement.GetProperty("frequencies").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        Assert.Equal(expected, frequencies);
        Assert.Contains(frequencies, d => d == 1);
        Assert.Contains(frequencies, d => d > archive.Papers.Length / 2);
    }

    [Fact]
    public void An_index_with_token_metadata_is_refused_clearly()
    {
        var json = """{"version":"2.3.9","fields":["title"],"fieldVectors":[["title/a",[0,1.5]]],"invertedIndex":[["x",{"_index":0,"title":{"a":{"position":[[0,1]]}}}]],"pipeline":["stemmer"]}""";
        var e = Assert.Throws<InvalidDataException>(() => LunrJsonOracle.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("metadata", e.Message);
    }

    public sealed record Outcome(List<int> Results, List<int> ShardsFetched, List<string> Mismatches, List<string> Errors)
    {
        public int ShardsFetchedFor(string query, string[] queries) => ShardsFetched[Array.IndexOf(queries, query)];
    }

    /// <summary>A 1,000-paper archive (or DIGESTSITE_SPLIT_PAPERS) from the archive generator (bench/DigestSite.Corpus), its index.json and split form on disk.</summary>
    public sealed class Archive1k : IDisposable
    {
        public string Dir { get; }
        public PaperView[] Papers { get; }
        public ArchiveTerms Terms { get; }
        public byte[] IndexJson { get; }
        public int ShardCount { get; }
        /// <summary>Queries made from the index's own terms: the most common, a middling and a once-only term.</summary>
        public IReadOnlyList<string> DerivedQueries { get; }

        private readonly string root;

        public Archive1k()
        {
            root = Directory.CreateTempSubdirectory("digestsite-split-1k-").FullName;
            var content = Path.Combine(root, "content");
            // DIGESTSITE_SPLIT_PAPERS=10000 runs the same tests on a bigger archive (docs/performance.md).
            var papers = int.TryParse(Environment.GetEnvironmentVariable("DIGESTSITE_SPLIT_PAPERS"), out var n) ? n : 1000;
            CorpusGenerator.Write(content, new CorpusOptions { Papers = papers });
            var loaded = ContentLoader.Load(content);
            var model = new SiteModel(loaded.Archive ?? throw new InvalidOperationException("the generated archive did not load: " + string.Join("\n", loaded.Diagnostics)));
            Papers = [.. model.PapersInOrder];
            Terms = model.Terms;
            IndexJson = LunrJsonOracle.IndexJson(Papers, Terms);
            Dir = WriteSplit(null);
            ShardCount = Directory.GetFiles(Path.Combine(Dir, "split"), "p*.json").Length;

            var split = LunrJsonOracle.Parse(IndexJson);
            var terms = split.Terms;
            DerivedQueries = [terms[0], terms[terms.Length / 2], terms[^1], terms[terms.Length / 3] + "*", terms[terms.Length / 4] + "~1"];
        }

        /// <summary>index.json and the split form in a new folder (<paramref name="shards"/> shards, by default as the build chooses).</summary>
        public string WriteSplit(int? shards)
        {
            var dir = Path.Combine(root, "split-" + (shards?.ToString() ?? "default"));
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "index.json"), IndexJson);
            foreach (var (path, bytes) in LunrJsonOracle.SplitFiles(IndexJson, Papers, shards))
            {
                var file = Path.Combine(dir, "split", Path.GetFileName(path));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }
            return dir;
        }

        public Outcome Compare(string dir, IEnumerable<string> queries) => CompareIn(dir, queries);

        public static Outcome CompareIn(string dir, IEnumerable<string> queries)
        {
            var repo = RepoRoot();
            var lunr = Path.Combine(repo, "theme", "node_modules", "lunr");
            if (!File.Exists(Path.Combine(lunr, "lunr.js")))
                throw new InvalidOperationException("theme/node_modules/lunr is missing: run `npm ci --prefix theme` (tests/run.sh does it).");
            var script = Path.Combine(repo, "tests", "DigestSite.Build.Tests", "Search", "split-equality.js");
            var (code, stdout, stderr) = Exec("node", [script, lunr, Path.Combine(repo, "theme", "assets", "search-shards.js"), dir], JsonSerializer.Serialize(queries.ToArray()));
            if (code != 0) throw new InvalidOperationException("split-equality.js failed:\n" + stderr);
            using var doc = JsonDocument.Parse(stdout);
            var r = doc.RootElement;
            return new Outcome(
                r.GetProperty("results").EnumerateArray().Select(e => e.GetInt32()).ToList(),
                r.GetProperty("shardsFetched").EnumerateArray().Select(e => e.GetInt32()).ToList(),
                r.GetProperty("mismatches").EnumerateArray().Select(e => e.GetProperty("query").GetString() + ": " + e.GetProperty("why").GetString()).ToList(),
                r.GetProperty("errors").EnumerateArray().Select(e => e.GetRawText()).ToList());
        }

        public void Dispose()
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DigestSite.sln"))) return dir.FullName;
            throw new InvalidOperationException("DigestSite.sln not found above " + AppContext.BaseDirectory);
        }

        private static (int Code, string Stdout, string Stderr) Exec(string file, string[] args, string? stdin)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
                StandardInputEncoding = new UTF8Encoding(false),
                UseShellExecute = false,
            };
            foreach (var a in args) psi.ArgumentList.Add(a);
            Process p;
            try { p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file); }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{file} is not on PATH: the split search index tests need node, and `npm ci --prefix theme` (to run lunr.js).", e);
            }
            using (p)
            {
                var stdoutTask = p.StandardOutput.ReadToEndAsync();
                var stderrTask = p.StandardError.ReadToEndAsync();
                if (stdin is not null) p.StandardInput.Write(stdin);
                p.StandardInput.Close();
                p.WaitForExit();
                return (p.ExitCode, stdoutTask.Result, stderrTask.Result);
            }
        }
    }
}

internal static class IndexSpec
{
    public static readonly LunrField[] Fields = SearchIndex.Fields;
}
