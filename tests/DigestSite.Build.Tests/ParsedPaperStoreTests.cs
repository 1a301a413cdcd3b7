using DigestSite.Content;
using DigestSite.Incremental;
using DigestSite.Lunr;
using DigestSite.Pages;

namespace DigestSite.Build.Tests;

/// <summary>
/// A one-off build keeps each paper's parse result on disk beside the manifest, found by the hash of
/// the file's bytes (not its stamps): the next build parses only the papers whose bytes changed, and
/// writes the same site as a clean build. The store is never trusted blindly: other bytes are parsed
/// and checked again whatever the stamps say, and a damaged or foreign store is ignored.
/// </summary>
public sealed class ParsedPaperStoreTests
{
    private const string Paper = "issues/2026-03-18/2402.00002.md";

    [Fact]
    public void The_next_build_parses_only_the_edited_paper_and_writes_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        Assert.True(File.Exists(ParsedPaperStore.PathFor(site.Output)));
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));

        var store = ParsedPaperStore.Open(site.Output);
        var loaded = ContentLoader.Load(site.Content, store: store);
        Assert.True(loaded.Succeeded);
        Assert.Equal(PaperCount(site) - 1, store.Hits);
        _ = new SiteModel(loaded.Archive!, render: store.Render);
        Assert.Equal(1, store.Rendered); // the others' summaries and analysed terms come from the store

        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Contains("nearly match full fine-tuning", site.Page("papers/2402.00002/index.html"));
    }

    [Fact]
    public void A_fresh_checkout_with_the_store_restored_parses_nothing_and_writes_the_same_bytes()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        // As in CI: a new output folder (no manifest), every file written anew (new stamps), the store restored.
        var restored = File.ReadAllBytes(ParsedPaperStore.PathFor(site.Output));
        Directory.Delete(site.Output, recursive: true);
        BuildManifest.Delete(site.Output);
        foreach (var file in Directory.EnumerateFiles(site.Content, "*.md", SearchOption.AllDirectories))
            File.WriteAllBytes(file, File.ReadAllBytes(file));
        File.WriteAllBytes(ParsedPaperStore.PathFor(site.Output), restored);

        var store = ParsedPaperStore.Open(site.Output);
        Assert.True(ContentLoader.Load(site.Content, store: store).Succeeded);
        Assert.Equal(PaperCount(site), store.Hits);
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void The_kept_summary_and_terms_are_the_ones_rendering_and_analysing_the_paper_again_gives()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var store = ParsedPaperStore.Open(site.Output);
        var loaded = ContentLoader.Load(site.Content, store: store);
        Assert.Equal(PaperCount(site), store.Hits);
        // A paper taken from the store with its rendered parts carries no Markdown (nothing reads it again, so the store does
        // not keep it): the paper as parsed from its file again is rendered again.
        const string markdownOnly = "[link](https://example.org/lora)";
        Assert.Contains(markdownOnly, File.ReadAllText(Path.Combine(site.Content, Paper)));
        Assert.DoesNotContain(markdownOnly, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(ParsedPaperStore.PathFor(site.Output))));
        var parsed = ContentLoader.Load(site.Content).Archive!.Papers.ToDictionary(p => p.Slug);
        using var analyzer = new LunrTextAnalyzer();
        foreach (var paper in loaded.Archive!.Papers)
        {
            Assert.Equal("", paper.SummaryMarkdown);
            var kept = store.Render(paper, analyzer);
            var again = RenderedPaper.Of(parsed[paper.Slug], analyzer);
            Assert.Equal(again.SummaryHtml.ToString(), kept.SummaryHtml.ToString());
            Assert.Equal(again.SummaryText.ToString(), kept.SummaryText.ToString());
            foreach (var (k, a) in new[] { (kept.TitleTerms, again.TitleTerms), (kept.SummaryTerms, again.SummaryTerms) })
            {
                Assert.Equal(a.Terms, k.Terms);
                Assert.Equal(a.Counts, k.Counts);
                Assert.Equal(a.Tokens, k.Tokens);
            }
            Assert.NotEmpty(kept.SummaryTerms.Terms);
        }
        Assert.Equal(0, store.Rendered);
    }

    [Fact]
    public void Other_bytes_are_checked_again_even_with_the_same_length_and_time()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var path = Path.Combine(site.Content, Paper);
        var time = File.GetLastWriteTimeUtc(path);
        var text = Text(site);
        site.WriteContent(Paper, text.Replace("upvotes: 3", "upvotez: 3")); // same length
        File.SetLastWriteTimeUtc(path, time);
        // Not the file stamps' shortcut (same stamps, "nothing changed"), which a build without them must not need.
        File.Delete(InputStamp.PathFor(site.Output));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Path == Paper && d.Message.Contains("upvotez"));
    }

    [Fact]
    public void A_paper_is_checked_again_when_the_topics_change_though_its_bytes_do_not()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var topics = File.ReadAllText(Path.Combine(site.Content, "topics.yml"));
        site.WriteContent("topics.yml", topics.Replace("retrieval:\n  name: \"Retrieval\"\n  description: \"Finding the right passages.\"\n", ""));

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Path == Paper && d.Message.Contains("retrieval"));
    }

    [Fact]
    public void An_edit_adds_its_paper_to_the_end_of_the_store_and_leaves_the_rest_as_it_was()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        var before = File.ReadAllBytes(file);
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));

        Assert.True(site.Build().Succeeded);

        var after = File.ReadAllBytes(file);
        Assert.True(after.Length > before.Length);
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal(PaperCount(site), Hits(site));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void An_added_part_cut_short_is_ignored_and_cut_off_by_the_next_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        long whole = new FileInfo(file).Length;
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));
        Assert.True(site.Build().Succeeded);
        // As a crash in the middle of the append leaves it.
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(int)(whole + (bytes.Length - whole) / 2)]);

        Assert.Equal(PaperCount(site) - 1, Hits(site)); // the first part's papers, not the edited one
        File.Delete(InputStamp.PathFor(site.Output));
        Assert.True(site.Build().Succeeded);

        Assert.Equal(PaperCount(site), Hits(site));
        Assert.Equal(bytes.Length, new FileInfo(file).Length); // the same part, added again where the first one ended
        AssertSameAsCleanBuild(site);
    }

    /// <summary>
    /// Edits (<paramref name="edit"/>, given the round) and builds, round after round, until the store's file shrinks: it was
    /// written again whole instead of appended to. Whether that happened within <paramref name="rounds"/>.
    /// </summary>
    private static bool EditUntilTheStoreShrinks(TestSite site, int rounds, Action<int> edit)
    {
        var file = ParsedPaperStore.PathFor(site.Output);
        long longest = 0;
        for (int round = 1; round <= rounds; round++)
        {
            edit(round);
            Assert.True(site.Build().Succeeded);
            long length = new FileInfo(file).Length;
            if (length < longest) return true;
            longest = length;
        }
        return false;
    }

    [Fact]
    public void A_store_holding_many_papers_edited_since_is_written_again_whole()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var papers = Directory.EnumerateFiles(Path.Combine(site.Content, "issues"), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.md").ToArray();

        bool shrank = EditUntilTheStoreShrinks(site, 40, round =>
        {
            foreach (var paper in papers) File.AppendAllText(paper, $"\nRound {round} of edits.\n");
        });

        Assert.True(shrank);
        Assert.Equal(PaperCount(site), Hits(site));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_store_written_again_whole_holds_the_bytes_parsing_every_paper_again_gives()
    {
        // The unchanged papers' entries come from the file (their Markdown kept as the file's bytes, never made a string)
        // when one paper, edited again and again, leaves enough stale entries for the store to be written again whole.
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        var text = Text(site);
        Assert.True(EditUntilTheStoreShrinks(site, 100, round => site.WriteContent(Paper, text + $"\nRound {round} of edits.\n")));
        var rewritten = File.ReadAllBytes(file);

        File.Delete(file);
        Assert.True(site.Build().Succeeded); // every paper parsed again, and the store written from them
        Assert.Equal(File.ReadAllBytes(file), rewritten);
    }

    [Fact]
    public async Task A_named_pipe_in_place_of_the_store_is_no_store_and_does_not_block_the_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        File.Delete(file);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [file])) mkfifo.WaitForExit();
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));

        var building = Task.Run(() => site.Build());
        bool ended = await Task.WhenAny(building, Task.Delay(TimeSpan.FromSeconds(60))) == building;
        if (!ended) using (File.OpenWrite(file)) { } // lets the blocked read end (it sees no writer left)

        Assert.True(ended, "the build waited for a writer to the named pipe");
        Assert.True((await building).Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Equal(PaperCount(site), Hits(site)); // the pipe replaced by a store
    }

    [Fact]
    public void A_symbolic_link_in_place_of_the_store_is_neither_read_nor_written_through()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        // A valid store, elsewhere: what the link points to is not the build's to read or change.
        var target = Path.Combine(site.Root, "elsewhere.parsed");
        File.Move(file, target);
        var planted = File.ReadAllBytes(target);
        File.CreateSymbolicLink(file, target);
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));

        Assert.Equal(0, Hits(site));
        Assert.True(site.Build().Succeeded);

        Assert.Equal(planted, File.ReadAllBytes(target));
        Assert.Null(new FileInfo(file).LinkTarget); // replaced by a file of its own
        AssertSameAsCleanBuild(site);
        Assert.Equal(PaperCount(site), Hits(site));
    }

    [Fact]
    public void A_folder_in_place_of_the_store_is_no_store_and_is_left_as_it_is()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        File.Delete(file);
        Directory.CreateDirectory(file);
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));

        Assert.Equal(0, Hits(site));
        Assert.True(site.Build().Succeeded);

        Assert.True(Directory.Exists(file));
        AssertSameAsCleanBuild(site);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one byte changed")]
    [InlineData("not a store")]
    [InlineData("empty")]
    [InlineData("truncated, checksum made again")]
    [InlineData("a count past the end, checksum made again")]
    [InlineData("the first store's format")]
    public void A_damaged_store_is_ignored(string damage)
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        site.WriteContent(Paper, Text(site).Replace("match full fine-tuning", "nearly match full fine-tuning"));
        var file = ParsedPaperStore.PathFor(site.Output);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "one byte changed" => [.. bytes[..^40], (byte)(bytes[^40] ^ 1), .. bytes[^39..]],
            "not a store" => "{\"Format\":\"digestsite-parsed-papers 1\"}"u8.ToArray(),
            "truncated, checksum made again" => Checksummed(bytes[16..(bytes.Length / 2)]),
            "a count past the end, checksum made again" => Checksummed(WithHugeCount(bytes[16..])),
            "the first store's format" => Checksummed("{\"Format\":\"digestsite-parsed-papers 1\",\"Program\":\"\",\"Entries\":[]}"u8.ToArray()),
            _ => [],
        });

        Assert.Equal(0, Hits(site));
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Equal(PaperCount(site), Hits(site)); // written again, whole
    }

    /// <summary>
    /// A store with a valid checksum but damaged contents (as a crafted or badly restored cache can be): a
    /// number, count or length changed, bytes put in or left out, anywhere in the file. Opening it gives a
    /// store or none, never an exception, and never allocates much more than the file holds; what it gives loads, models
    /// and builds (an entry the paper's path could not give is parsed again).
    /// </summary>
    [Fact]
    public void A_store_with_damaged_contents_and_a_valid_checksum_is_read_without_a_crash_or_a_large_allocation()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var file = ParsedPaperStore.PathFor(site.Output);
        var contents = File.ReadAllBytes(file)[16..];
        var random = new Random(5);
        int believed = 0;
        for (int trial = 0; trial < 600; trial++)
        {
            int at = trial < 300 ? trial * contents.Length / 300 : random.Next(contents.Length);
            byte[] damaged = (trial % 5) switch
            {
                0 => [.. contents[..at], .. SevenBit(contents.Length - at), .. contents[at..]], // a length or count of all that follows
                1 => [.. contents[..at], .. BitConverter.GetBytes(int.MaxValue), .. contents[Math.Min(at + 4, contents.Length)..]],
                2 => [.. contents[..at], 0xFF, .. contents[(at + 1)..]],
                3 => [.. contents[..at], .. contents[Math.Min(at + 1 + random.Next(8), contents.Length)..]],
                _ => [.. contents[..at], (byte)random.Next(256), .. contents[at..]],
            };
            File.WriteAllBytes(file, Checksummed(damaged));

            long before = GC.GetAllocatedBytesForCurrentThread();
            var store = ParsedPaperStore.Open(site.Output);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated < (1 << 20) + 16L * damaged.Length, $"trial {trial}: {allocated} bytes allocated for a store of {damaged.Length}");
            if (ContentLoader.Load(site.Content, store: store) is { Succeeded: true } loaded && store.Hits > 0)
            {
                _ = new SiteModel(loaded.Archive!, render: store.Render);
                if (believed++ % 4 != 0) continue; // a build with a fourth of them (a build takes a tenth of a second)
                File.WriteAllBytes(file, Checksummed(damaged));
                File.Delete(InputStamp.PathFor(site.Output));
                var result = site.Build();
                Assert.True(result.Succeeded || result.Diagnostics.Count > 0);
            }
        }
        Assert.True(believed > 0); // damage inside a text or a number still reads: the store is only as true as its file
    }

    private static byte[] SevenBit(int value)
    {
        var stream = new MemoryStream();
        new BinaryWriter(stream).Write7BitEncodedInt(value);
        return stream.ToArray();
    }

    private static byte[] Checksummed(byte[] contents) => [.. System.IO.Hashing.XxHash128.Hash(contents), .. contents];

    /// <summary>The store's contents with its first count (of topic keys, after the format and program strings) made int.MaxValue.</summary>
    private static byte[] WithHugeCount(byte[] contents)
    {
        using var reader = new BinaryReader(new MemoryStream(contents));
        reader.ReadString();
        reader.ReadString();
        int at = (int)reader.BaseStream.Position;
        var changed = contents.ToArray();
        BitConverter.GetBytes(int.MaxValue).CopyTo(changed, at);
        return changed;
    }

    private static int Hits(TestSite site)
    {
        var store = ParsedPaperStore.Open(site.Output);
        ContentLoader.Load(site.Content, store: store);
        return store.Hits;
    }

    private static string Text(TestSite site) => File.ReadAllText(Path.Combine(site.Content, Paper));

    private static int PaperCount(TestSite site) =>
        Directory.EnumerateFiles(Path.Combine(site.Content, "issues"), "*.md", SearchOption.AllDirectories).Count(f => Path.GetFileName(f) != "index.md");

    private static void AssertSameAsCleanBuild(TestSite site)
    {
        var clean = Path.Combine(site.Root, "_clean");
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], clean) { Incremental = false });
        Assert.True(result.Succeeded);
        Assert.Equal(TestSite.Snapshot(clean), TestSite.Snapshot(site.Output));
    }
}
