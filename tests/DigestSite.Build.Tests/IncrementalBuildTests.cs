using DigestSite.Incremental;
using DigestSite.Output;

namespace DigestSite.Build.Tests;

/// <summary>
/// An incremental build (the default: it renders again only what changed since the last build,
/// from the manifest beside the output folder) writes the same bytes as a clean build, for every
/// kind of change, and a failed one leaves the previous site and its manifest as they were.
/// </summary>
public sealed class IncrementalBuildTests
{
    private const string Paper = "issues/2026-03-18/2402.00002.md";

    [Fact]
    public void A_second_build_of_unchanged_content_writes_nothing()
    {
        using var site = new TestSite("basic");
        var first = site.Build();
        Assert.True(first.Succeeded);
        Assert.False(first.Incremental);
        var manifest = BuildManifest.PathFor(site.Output);
        Assert.True(File.Exists(manifest));
        Assert.False(File.Exists(Path.Combine(site.Output, Path.GetFileName(manifest))));
        var before = TestSite.Snapshot(site.Output);
        var times = WriteTimes(site.Output);
        var manifestTime = File.GetLastWriteTimeUtc(manifest);

        var second = site.Build();

        Assert.True(second.Succeeded);
        Assert.True(second.Incremental);
        Assert.Equal(0, second.Files);
        Assert.Equal(before.Count, second.Unchanged);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Equal(times, WriteTimes(site.Output));
        Assert.Equal(manifestTime, File.GetLastWriteTimeUtc(manifest));
        Assert.False(Directory.Exists(site.Output + ".staging"));
    }

    [Fact]
    public void Editing_a_paper_renders_only_the_pages_that_show_it()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);
        var text = File.ReadAllText(Path.Combine(site.Content, Paper));
        site.WriteContent(Paper, text.Replace("match full fine-tuning", "nearly match full fine-tuning"));

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.True(result.Incremental);
        AssertSameAsCleanBuild(site);
        var after = TestSite.Snapshot(site.Output);
        var changed = after.Keys.Where(k => !before.TryGetValue(k, out var old) || !old.AsSpan().SequenceEqual(after[k])).ToArray();
        Assert.Contains("papers/2402.00002/index.html", changed);
        Assert.Contains("issues/2026-03-18/index.html", changed);
        Assert.Contains("search/index.json", changed);
        Assert.DoesNotContain("papers/2401.00001/index.html", changed);
        // Only what changed was written: every file written differs from its previous version.
        Assert.Equal(changed.Length, result.Files);
    }

    [Fact]
    public void Changing_the_config_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var config = File.ReadAllText(Path.Combine(site.Content, "site.yml"));
        site.WriteContent("site.yml", config.Replace("Fixture Digest", "Renamed Digest").Replace("papers_per_page: 2", "papers_per_page: 1"));
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Contains("Renamed Digest", site.Page("papers/2401.00001/index.html"));
    }

    [Fact]
    public void Changing_a_topic_name_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var topics = File.ReadAllText(Path.Combine(site.Content, "topics.yml"));
        site.WriteContent("topics.yml", topics.Replace("name: \"Retrieval\"", "name: \"Retrieval and search\""));
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Giving_an_author_an_ORCID_iD_gives_the_same_bytes_as_a_clean_build(bool longRunning)
    {
        // The paper pages' JSON-LD names the iD, which authors.yml gives and the paper's view does not hold
        // (0000-0001-5109-3700: an example iD of ORCID's documentation on its check digit).
        using var site = new TestSite("basic");
        var session = new BuildSession();
        BuildResult Build() => longRunning
            ? session.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], site.Output), deferSearch: false)
            : site.Build();
        Assert.True(Build().Succeeded);
        var authors = File.ReadAllText(Path.Combine(site.Content, "authors.yml"));
        site.WriteContent("authors.yml", authors + "\n\"Omar Haddad\":\n  orcid: 0000-0001-5109-3700\n");
        Assert.True(Build().Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Contains("https://orcid.org/0000-0001-5109-3700", site.Page("papers/2401.00001/index.html"));
    }

    [Fact]
    public void Changing_the_theme_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts", "partials"));
        Directory.CreateDirectory(Path.Combine(theme, "assets"));
        // A partial, which several templates render, and an asset.
        var card = File.ReadAllText(Path.Combine(TestSite.DefaultTheme, "layouts", "partials", "paper-card.liquid"));
        File.WriteAllText(Path.Combine(theme, "layouts", "partials", "paper-card.liquid"), card.Replace("paper-card", "paper-card changed"));
        File.WriteAllText(Path.Combine(theme, "assets", "style.css"), "body { color: red }\n");

        Assert.True(site.Build([theme]).Succeeded);
        AssertSameAsCleanBuild(site, [theme]);
        Assert.Contains("paper-card changed", site.Page("issues/2026-03-18/index.html"));

        // And back: the theme layer removed.
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void Deleting_a_paper_removes_its_page_and_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "papers", "2402.00002", "index.html")));
        File.Delete(Path.Combine(site.Content, Paper));

        Assert.True(site.Build().Succeeded);

        AssertSameAsCleanBuild(site);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "papers", "2402.00002")));
    }

    [Fact]
    public void Deleting_an_issue_removes_its_pages_and_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        Directory.Delete(Path.Combine(site.Content, "issues", "2026-03-18"), recursive: true);
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "issues", "2026-03-18")));
    }

    [Fact]
    public void Renaming_a_paper_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        File.Move(Path.Combine(site.Content, Paper), Path.Combine(site.Content, "issues", "2026-03-18", "low-rank-adapters.md"));

        Assert.True(site.Build().Succeeded);

        AssertSameAsCleanBuild(site);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "papers", "2402.00002")));
        Assert.True(File.Exists(Path.Combine(site.Output, "papers", "low-rank-adapters", "index.html")));
    }

    [Theory]
    [InlineData("in order")]
    [InlineData("lines reversed")]
    public void A_rebuild_that_adds_and_drops_files_writes_the_manifest_a_clean_build_writes(string manifestBefore)
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        var manifest = BuildManifest.PathFor(site.Output);
        if (manifestBefore == "lines reversed")
        {
            // Still a manifest of this program's (its order is not checked), but one the rebuild cannot merge into: it sorts.
            var lines = File.ReadAllLines(manifest);
            File.WriteAllLines(manifest, [lines[0], .. lines.Skip(1).Reverse()]);
        }
        File.Move(Path.Combine(site.Content, Paper), Path.Combine(site.Content, "issues", "2026-03-18", "low-rank-adapters.md"));

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.True(result.Incremental);
        AssertSameAsCleanBuild(site);
        Assert.Equal(File.ReadAllText(BuildManifest.PathFor(Path.Combine(site.Root, "_clean"))), File.ReadAllText(manifest));
    }

    [Fact]
    public void Moving_a_paper_to_another_issue_gives_the_same_bytes_as_a_clean_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        File.Move(Path.Combine(site.Content, Paper), Path.Combine(site.Content, "issues", "2026-03-16", "2402.00002.md"));
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_failed_incremental_build_leaves_the_site_and_its_manifest_as_they_were()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match", "beat"));
        Assert.True(site.Build().Succeeded);
        var before = TestSite.Snapshot(site.Output);
        var manifest = File.ReadAllBytes(BuildManifest.PathFor(site.Output));

        // A template that fails at run time on every paper page.
        var theme = Path.Combine(site.Root, "bad-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts"));
        File.WriteAllText(Path.Combine(theme, "layouts", "paper.liquid"), "{{ paper.title | divided_by: 0 }}");
        Assert.False(site.Build([theme]).Succeeded);

        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Equal(manifest, File.ReadAllBytes(BuildManifest.PathFor(site.Output)));
        Assert.False(Directory.Exists(site.Output + ".staging"));
        Assert.True(site.Build().Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void An_output_folder_changed_by_hand_gets_a_full_build()
    {
        using var site = new TestSite("basic");
        Assert.True(site.Build().Succeeded);
        File.Delete(Path.Combine(site.Output, "papers", "2401.00001", "index.html"));
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "edited by hand");

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.False(result.Incremental);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_long_running_process_keeps_the_manifest_in_memory_with_the_same_result()
    {
        using var site = new TestSite("basic");
        var session = new BuildSession();
        var options = Serving(site);
        Assert.True(session.Build(options).Succeeded);
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match", "beat"));
        var result = session.Build(options);
        Assert.True(result.Succeeded);
        Assert.True(result.Incremental);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_paper_that_takes_another_papers_citation_key_gives_the_same_bytes_as_a_clean_build()
    {
        // 2401.00001 (Ana Zhang, 2024, "Dense…") is zhang2024dense; an older issue's paper with the same key takes it, and
        // 2401.00001's view (kept by the session), page, citation files and every listing of it become "zhang2024denseb".
        using var site = new TestSite("basic");
        var session = new BuildSession();
        var options = Serving(site);
        Assert.True(session.Build(options).Succeeded);
        Assert.Contains("@misc{zhang2024dense,", site.Page("papers/2401.00001/cite.bib"));
        site.WriteContent("issues/2026-03-02/older.md", "---\ntitle: \"Dense Indexes\"\nauthors: [\"Ana Zhang\"]\ntopics: [retrieval]\npublished: 2024-02-01\n---\n\nOlder.\n");
        Assert.True(session.Build(options).Succeeded);
        Assert.Contains("@misc{zhang2024denseb,", site.Page("papers/2401.00001/cite.bib"));
        Assert.Contains("@misc{zhang2024dense,", site.Page("papers/older/cite.bib"));
        AssertSameAsCleanBuild(site);
    }

    // serve: one BuildSession (parsed files, paper views, their hashes, the manifest) across a series of
    // changes, pages first and search files deferred as serve does; after each change the pages and,
    // once the search files are made, the whole output equal a clean build's.

    [Fact]
    public void A_cache_kept_across_many_changes_gives_the_same_bytes_as_clean_builds()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        var session = new BuildSession();
        BuildResult Serve(IReadOnlyList<string>? extra = null, bool defer = true) => session.Build(
            new BuildOptions(site.Content, [TestSite.DefaultTheme, .. extra ?? []], site.Output), deferSearch: defer);
        void Check(IReadOnlyList<string>? extra = null)
        {
            // Pages are current at once; the search files after the next build without deferral.
            AssertSameAsCleanBuild(site, extra, except: path => path.StartsWith("search/", StringComparison.Ordinal) && !path.EndsWith(".html", StringComparison.Ordinal));
            var completed = Serve(extra, defer: false);
            Assert.True(completed.Succeeded);
            Assert.False(completed.SearchDeferred);
            AssertSameAsCleanBuild(site, extra);
        }

        Assert.True(Serve(defer: false).Succeeded);
        AssertSameAsCleanBuild(site);

        // Nothing changed: nothing parsed again, no view made again.
        var same = Serve();
        Assert.Equal(0, same.Files);
        Assert.Equal(0, session.Content.Misses);
        Assert.Equal(0, session.Views.Made);

        // An edit: only that file is read again; only its view (and those of its issue's papers, whose issue reference is unchanged: none) is made again.
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match full fine-tuning", "nearly match full fine-tuning"));
        var edited = Serve();
        Assert.True(edited.Succeeded);
        Assert.True(edited.SearchDeferred);
        Assert.Equal(1, session.Content.Misses);
        Assert.Equal(1, session.Views.Made);
        Check();

        // The same file edited again at once, to the same length (a stamp in the same clock tick must not hide it).
        var text = File.ReadAllText(Path.Combine(site.Content, Paper));
        site.WriteContent(Paper, text.Replace("nearly match", "barely match"));
        Assert.True(Serve().Succeeded);
        Check();

        // The config: every view's URL may change.
        var config = File.ReadAllText(Path.Combine(site.Content, "site.yml"));
        site.WriteContent("site.yml", config.Replace("Fixture Digest", "Renamed Digest").Replace("papers_per_page: 2", "papers_per_page: 1"));
        Assert.True(Serve().Succeeded);
        Check();

        // What the feeds read besides papers: an issue's introduction (the site feed carries it), their size.
        var intro = File.ReadAllText(Path.Combine(site.Content, "issues", "2026-03-18", "index.md"));
        site.WriteContent("issues/2026-03-18/index.md", intro + "\nOne more sentence for the feed.\n");
        Assert.True(Serve().Succeeded);
        Check();
        site.WriteContent("site.yml", File.ReadAllText(Path.Combine(site.Content, "site.yml")) + "feed_size: 1\n");
        Assert.True(Serve().Succeeded);
        Check();

        // A topic renamed: the views of its papers show the new name.
        var topics = File.ReadAllText(Path.Combine(site.Content, "topics.yml"));
        site.WriteContent("topics.yml", topics.Replace("name: \"Retrieval\"", "name: \"Retrieval and search\""));
        Assert.True(Serve().Succeeded);
        Check();

        // A theme layer added, then removed.
        var theme = Path.Combine(site.Root, "my-theme");
        Directory.CreateDirectory(Path.Combine(theme, "layouts", "partials"));
        Directory.CreateDirectory(Path.Combine(theme, "assets"));
        var card = File.ReadAllText(Path.Combine(TestSite.DefaultTheme, "layouts", "partials", "paper-card.liquid"));
        File.WriteAllText(Path.Combine(theme, "layouts", "partials", "paper-card.liquid"), card.Replace("paper-card", "paper-card changed"));
        File.WriteAllText(Path.Combine(theme, "assets", "style.css"), "body { color: red }\n");
        Assert.True(Serve([theme]).Succeeded);
        Check([theme]);
        Assert.True(Serve().Succeeded);
        Check();

        // A failure in the middle (a paper with an unknown topic), then fixed.
        var broken = File.ReadAllText(Path.Combine(site.Content, Paper));
        site.WriteContent(Paper, broken.Replace("topics: [", "topics: [no-such-topic, "));
        var before = TestSite.Snapshot(site.Output);
        Assert.False(Serve().Succeeded);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        site.WriteContent(Paper, broken);
        Assert.True(Serve().Succeeded);
        Check();

        // A paper renamed, one moved to another issue, one deleted.
        File.Move(Path.Combine(site.Content, Paper), Path.Combine(site.Content, "issues", "2026-03-18", "low-rank-adapters.md"));
        Assert.True(Serve().Succeeded);
        Check();
        File.Move(Path.Combine(site.Content, "issues", "2026-03-18", "low-rank-adapters.md"), Path.Combine(site.Content, "issues", "2026-03-16", "low-rank-adapters.md"));
        Assert.True(Serve().Succeeded);
        Check();
        File.Delete(Path.Combine(site.Content, "issues", "2026-03-16", "low-rank-adapters.md"));
        Assert.True(Serve().Succeeded);
        Check();

        // Two changes before one build, the second undoing the first's length.
        site.WriteContent(Paper, broken);
        site.WriteContent(Paper, broken.Replace("match", "MATCH"));
        Assert.True(Serve().Succeeded);
        Check();
    }

    [Fact]
    public void A_cached_file_rewritten_with_the_same_length_and_time_is_read_again_when_the_watcher_saw_it()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        var session = new BuildSession();
        var options = Serving(site);
        Assert.True(session.Build(options).Succeeded);
        var path = Path.Combine(site.Content, Paper);
        var stamp = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("match full fine-tuning", "MATCH full fine-tuning"));
        File.SetLastWriteTimeUtc(path, stamp); // same length, same time: only the watcher can tell
        session.Content.Forget([path]);
        Assert.True(session.Build(options).Succeeded);
        AssertSameAsCleanBuild(site);
        Assert.Contains("MATCH full fine-tuning", site.Page("papers/2402.00002/index.html"));
    }

    [Fact]
    public void A_cancelled_build_writes_nothing_and_the_next_one_completes_the_site()
    {
        using var site = new TestSite("basic");
        var session = new BuildSession();
        var options = Serving(site);
        Assert.True(session.Build(options).Succeeded);
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match", "beat"));
        Assert.True(session.Build(options, deferSearch: true).SearchDeferred);
        var before = TestSite.Snapshot(site.Output);

        // serve gives up making the search files when the next change arrives.
        var cancelled = session.Build(options, cancel: new CancellationToken(canceled: true));
        Assert.True(cancelled.Cancelled);
        Assert.False(cancelled.Succeeded);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.False(Directory.Exists(site.Output + ".staging"));

        Assert.True(session.Build(options).Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void While_a_watcher_reports_changes_files_are_not_looked_at_again_and_a_reported_folder_is_read_again()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        var session = new BuildSession();
        session.Content.WatcherReportsChanges = true;
        var options = Serving(site);
        Assert.True(session.Build(options).Succeeded);
        var path = Path.Combine(site.Content, Paper);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("match full fine-tuning", "MATCH full fine-tuning"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));

        // Not reported: the cached parse is used without a look at the file (that is what the watcher saves).
        Assert.True(session.Build(options).Succeeded);
        Assert.Equal(0, session.Content.Misses);

        // A folder reported (a rename or a move in): every file in it is read again.
        session.Content.Forget([Path.GetDirectoryName(path)!]);
        Assert.True(session.Build(options).Succeeded);
        Assert.Equal(3, session.Content.Misses); // two papers and the issue's index.md
        AssertSameAsCleanBuild(site);
        Assert.Contains("MATCH full fine-tuning", site.Page("papers/2402.00002/index.html"));
    }

    // The command line's fast path: the inputs' file stamps recorded beside the manifest.

    [Fact]
    public void An_unchanged_archive_is_not_built_again()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        Assert.True(File.Exists(InputStamp.PathFor(site.Output)));
        var before = TestSite.Snapshot(site.Output);
        var manifest = File.ReadAllBytes(BuildManifest.PathFor(site.Output));

        var again = site.Build();

        Assert.True(again.Succeeded);
        Assert.True(again.Skipped);
        Assert.Equal(0, again.Files);
        Assert.Equal(before.Count, again.Unchanged);
        Assert.Equal(before, TestSite.Snapshot(site.Output));
        Assert.Equal(manifest, File.ReadAllBytes(BuildManifest.PathFor(site.Output)));
    }

    [Fact]
    public void A_touched_file_builds_again_to_the_same_bytes_and_a_changed_byte_is_rebuilt()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        var path = Path.Combine(site.Content, Paper);

        // Touched, not changed: a normal (incremental) build, which writes nothing.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var touched = site.Build();
        Assert.False(touched.Skipped);
        Assert.Equal(0, touched.Files);
        AssertSameAsCleanBuild(site);
        Assert.True(site.Build().Skipped);

        // One byte changed (the same length), with a time set by hand: still not the time the stamp recorded.
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("match full fine-tuning", "match full fine-tuninG"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-4));
        var changed = site.Build();
        Assert.False(changed.Skipped);
        Assert.True(changed.Files > 0);
        AssertSameAsCleanBuild(site);
        Assert.Contains("fine-tuninG", site.Page("papers/2402.00002/index.html"));

        // A file added, an option changed, the output edited by hand: each builds again.
        Assert.True(site.Build().Skipped);
        site.WriteContent("issues/2026-03-18/stray.txt", "not a paper");
        Assert.False(site.Build().Succeeded);
        File.Delete(Path.Combine(site.Content, "issues/2026-03-18/stray.txt"));
        Assert.True(site.Build().Skipped); // the same inputs as the build that made the output
        AssertSameAsCleanBuild(site);
        var other = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme], site.Output, new Uri("https://example.org/other/")));
        Assert.False(other.Skipped);
        Assert.Contains("https://example.org/other/", site.Page("papers/2402.00002/index.html"));
        Assert.False(site.Build().Skipped);
        AssertSameAsCleanBuild(site);
        File.WriteAllText(Path.Combine(site.Output, "papers", "2402.00002", "index.html"), "edited by hand");
        Assert.False(site.Build().Skipped);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void The_fast_path_sees_an_output_file_removed_or_added_without_reading_the_manifest()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        var page = Path.Combine(site.Output, "papers", "2402.00002", "index.html");

        File.Delete(page);
        var removed = site.Build();
        Assert.False(removed.Skipped);
        AssertSameAsCleanBuild(site);
        Assert.True(site.Build().Skipped);

        File.WriteAllText(Path.Combine(site.Output, "papers", "stray.html"), "not the build's");
        var added = site.Build();
        Assert.False(added.Skipped);
        Assert.NotNull(added.Refused); // a file no build wrote: the folder is not the build's to replace
    }

    [Fact]
    public void After_an_edit_an_output_file_changed_by_hand_is_made_again_though_the_stamp_file_names_the_manifest()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        Assert.True(File.Exists(InputStamp.PathFor(site.Output)));
        // A file no edit of the content changes: an incremental build would find it current and keep it as it is.
        File.WriteAllText(Path.Combine(site.Output, "robots.txt"), "edited by hand");
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match full fine-tuning", "beat full fine-tuning"));
        Backdate(site.Content);

        var rebuilt = site.Build();

        Assert.True(rebuilt.Succeeded);
        Assert.False(rebuilt.Incremental); // the folder no longer matches the manifest: every file is made again
        AssertSameAsCleanBuild(site);
        Assert.DoesNotContain("edited by hand", site.Page("robots.txt"));
    }

    [Fact]
    public void A_stamp_file_that_names_the_manifest_but_lists_other_files_does_not_make_the_manifest_the_folders()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        // A file the edit below leaves as it is, changed by hand (another length), and a stamp file planted to match the
        // folder as it now is while still naming the manifest, which lists the file's old length.
        var kept = BuildManifest.Load(site.Output)!;
        var file = kept.Files.Keys.First(f => f.StartsWith("assets/", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(site.Output, file), "/* edited by hand */");
        var asFound = kept.Files.ToDictionary(f => f.Key, f => f.Key == file ? f.Value with { Length = new FileInfo(Path.Combine(site.Output, file)).Length } : f.Value);
        InputStamp.Save(site.Output, 0, new BuildManifest(asFound));
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match full fine-tuning", "beat full fine-tuning"));
        Backdate(site.Content);

        var rebuilt = site.Build();

        Assert.True(rebuilt.Succeeded);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public async Task A_named_pipe_in_place_of_the_manifest_is_no_manifest_and_does_not_block_the_build()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        var manifest = BuildManifest.PathFor(site.Output);
        File.Delete(manifest);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [manifest])) mkfifo.WaitForExit();

        var building = Task.Run(() => site.Build());
        bool ended = await Task.WhenAny(building, Task.Delay(TimeSpan.FromSeconds(60))) == building;
        if (!ended) using (File.OpenWrite(manifest)) { } // lets the blocked read end (it sees no writer left)

        Assert.True(ended, "the build waited for a writer to the named pipe");
        Assert.NotNull((await building).Refused); // without a manifest, the folder's files are no build's
    }

    [Theory]
    [InlineData("a link to a folder")]
    [InlineData("a link to a file")]
    public void The_fast_path_sees_a_symbolic_link_added_to_the_output(string kind)
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "page.html"), "not the build's");
        var link = Path.Combine(site.Output, "papers", "linked");
        if (kind == "a link to a folder") Directory.CreateSymbolicLink(link, outside);
        else File.CreateSymbolicLink(link, Path.Combine(outside, "page.html"));

        var result = site.Build();

        Assert.False(result.Skipped);
        Assert.NotNull(result.Refused); // a symbolic link is never the build's: the folder is not the build's to replace
        Assert.True(File.Exists(Path.Combine(outside, "page.html")));
    }

    [Fact]
    public void A_symbolic_link_where_the_store_the_stamp_or_the_journal_is_written_first_is_replaced_not_written_through()
    {
        using var site = new TestSite("basic");
        Backdate(site.Content);
        Assert.True(site.Build().Succeeded);
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match", "beat"));
        Backdate(site.Content);
        var targets = new List<string>();
        foreach (var temporary in new[]
        {
            ParsedPaperStore.PathFor(site.Output) + ".new", InputStamp.PathFor(site.Output) + ".tmp",
            OutputSwap.JournalPath(site.Output, OutputSwap.Kind.Replace) + ".tmp", OutputSwap.JournalPath(site.Output, OutputSwap.Kind.Apply) + ".tmp",
        })
        {
            var target = Path.Combine(site.Root, "target-" + targets.Count);
            File.WriteAllText(target, "not the build's");
            File.CreateSymbolicLink(temporary, target);
            targets.Add(target);
        }

        Assert.True(site.Build().Succeeded);

        Assert.All(targets, t => Assert.Equal("not the build's", File.ReadAllText(t)));
        AssertSameAsCleanBuild(site);
        Assert.True(site.Build().Skipped);
    }

    [Fact]
    public void Content_written_just_before_the_build_gets_no_stamp()
    {
        using var site = new TestSite("basic");
        site.WriteContent(Paper, File.ReadAllText(Path.Combine(site.Content, Paper)).Replace("match", "beat"));
        Assert.True(site.Build().Succeeded);
        Assert.False(File.Exists(InputStamp.PathFor(site.Output)));
        Assert.False(site.Build().Skipped);
    }

    /// <summary>The options serve builds with (through a <see cref="BuildSession"/>, which keeps its caches from one build to the next).</summary>
    private static BuildOptions Serving(TestSite site) => new(site.Content, [TestSite.DefaultTheme], site.Output);

    /// <summary>Sets every content file's time an hour back, as files not written just now (a stamp within 2 s of a build is not trusted).</summary>
    private static void Backdate(string folder)
    {
        var then = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, then);
    }

    /// <summary>The output equals, byte for byte, a clean build of the same content into an empty folder.</summary>
    private static void AssertSameAsCleanBuild(TestSite site, IReadOnlyList<string>? extraThemeLayers = null, Func<string, bool>? except = null)
    {
        var clean = Path.Combine(site.Root, "_clean");
        if (Directory.Exists(clean)) Directory.Delete(clean, recursive: true);
        BuildManifest.Delete(clean);
        var result = SiteBuilder.Build(new BuildOptions(site.Content, [TestSite.DefaultTheme, .. extraThemeLayers ?? []], clean) { Incremental = false });
        Assert.True(result.Succeeded);
        var expected = TestSite.Snapshot(clean);
        var actual = TestSite.Snapshot(site.Output);
        if (except is not null)
        {
            foreach (var path in expected.Keys.Where(except).ToArray()) expected.Remove(path);
            foreach (var path in actual.Keys.Where(except).ToArray()) actual.Remove(path);
        }
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a clean build's");
    }

    private static SortedDictionary<string, DateTime> WriteTimes(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc), StringComparer.Ordinal);
}
