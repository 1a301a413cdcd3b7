using DigestSite.Content;

namespace DigestSite.Commands.Tests;

/// <summary>authors.yml (the registry of people) and the name-variant warnings of check.</summary>
public class AuthorsTests
{
    private static string[] RegistryErrors(string authorsYml)
    {
        using var site = new FixtureSite();
        site.Write("authors.yml", authorsYml);
        return site.Errors();
    }

    private static string[] Warnings(Action<FixtureSite> arrange)
    {
        using var site = new FixtureSite();
        arrange(site);
        var result = site.Load();
        Assert.True(result.Succeeded, string.Join("\n", FixtureSite.Format(result.Diagnostics)));
        return FixtureSite.Format(result.Warnings);
    }

    private static FixtureSite Paper(FixtureSite site, string path, params string[] authors) =>
        site.Paper(path, $"title: \"{Path.GetFileNameWithoutExtension(path)}\"\nauthors: [{string.Join(", ", authors.Select(a => $"\"{a}\""))}]\ntopics: [rag]");

    // ---- authors.yml

    [Fact]
    public void A_registry_with_every_field_is_read()
    {
        using var site = new FixtureSite();
        site.Write("authors.yml", """
            # ORCID's documented example iD, for a fictional person.
            "Yunfan Gao":
              aliases: ["Y. Gao", "Yunfan  Gao"]
              orcid: https://orcid.org/0000-0002-1825-0097
              homepage: https://example.org/~gao
              affiliation: "Example University"
              distinct: ["Yufan Gao"]
            """);
        var result = site.Load();

        Assert.True(result.Succeeded, string.Join("\n", FixtureSite.Format(result.Diagnostics)));
        var person = Assert.Single(result.Archive!.Registry.People);
        Assert.Equal(("Yunfan Gao", "0000-0002-1825-0097", "https://example.org/~gao", "Example University"),
            (person.Name, person.Orcid, person.Homepage!.AbsoluteUri, person.Affiliation));
        Assert.Equal(["Y. Gao", "Yunfan  Gao"], person.Aliases);
        Assert.Equal("Yunfan Gao", result.Archive.Registry.Canonical("Y. Gao"));
    }

    [Theory]
    [InlineData("0000-0002-1825-0097")]
    [InlineData("0000-0001-5109-3700")]
    [InlineData("0000-0002-1694-233X")]
    public void Orcid_ids_with_a_right_check_character_pass(string id) => Assert.Null(Orcid.Parse(id).Problem);

    [Fact]
    public void A_wrong_orcid_checksum_is_a_located_error()
    {
        Assert.Equal(
            ["authors.yml:2:10: ORCID iD 0000-0002-1825-0098 does not exist: its check character is 8, and for 0000-0002-1825-009 it would be 7. Copy the iD from the person's ORCID page."],
            RegistryErrors("\"Yunfan Gao\":\n  orcid: 0000-0002-1825-0098\n"));
    }

    [Fact]
    public void A_malformed_orcid_and_a_homepage_that_is_not_http_are_located_errors()
    {
        Assert.Equal(
            ["authors.yml:2:10: \"orcid\" must be an ORCID iD such as 0000-0002-1825-0097 (four groups of four digits, the last may be X), not \"0000-0002-1825\".",
             "authors.yml:3:13: \"homepage\" must be a web address starting with https:// or http://, not \"javascript:alert(1)\"."],
            RegistryErrors("\"Yunfan Gao\":\n  orcid: 0000-0002-1825\n  homepage: javascript:alert(1)\n"));
    }

    /// <summary>A user name before the host, or look-alike letters in it, make a homepage link read as another site's.</summary>
    [Theory]
    [InlineData("https://orcid.org@evil.example/")]
    [InlineData("https://user:secret@example.org/~gao")]
    [InlineData("https://exаmple.org/~gao")] // a Cyrillic "а"
    public void A_homepage_names_its_site_plainly(string homepage)
    {
        Assert.Equal(
            [$"authors.yml:2:13: \"homepage\" must name its site plainly, without a user name or non-ASCII letters in the host: \"{homepage}\"."],
            RegistryErrors($"\"Yunfan Gao\":\n  homepage: {homepage}\n"));
    }

    /// <summary>A person is a name: not blank, not punctuation alone, on one line.</summary>
    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"?!\"")]
    [InlineData("\"Evil\\nName\"")]
    [InlineData("\"Evil\\u2028Name\"")]
    public void A_person_is_a_name_on_one_line_with_letters(string key)
    {
        Assert.Equal(
            ["authors.yml:1:1: each person is a name on one line, with letters, as a paper spells it, e.g.  \"Jörg Müller\":"],
            RegistryErrors($"{key}:\n  aliases: [\"E. Vil\"]\n"));
    }

    [Fact]
    public void A_spelling_names_one_person()
    {
        Assert.Equal(
            ["authors.yml:4:13: \"Y. Gao\" is already an alias of \"Yunfan Gao\" (line 2): a spelling names one person; keep one of the two.",
             "authors.yml:4:23: \"Yunfan Gao\" is already a person's name (line 1): a spelling names one person; keep one of the two."],
            RegistryErrors("\"Yunfan Gao\":\n  aliases: [\"Y. Gao\"]\n\"Yun Gao\":\n  aliases: [\"Y. Gao\", \"Yunfan Gao\"]\n"));
    }

    [Fact]
    public void Unknown_keys_and_a_person_without_details_are_errors()
    {
        Assert.Equal(
            ["authors.yml:1:15: \"Yunfan Gao\" needs its details on indented lines below it (aliases, orcid, homepage, affiliation or distinct), not text.",
             "authors.yml:3:3: unknown key \"alias\": did you mean \"aliases\"?"],
            RegistryErrors("\"Yunfan Gao\": x\n\"Yun Xiong\":\n  alias: [\"Y. Xiong\"]\n"));
    }

    [Fact]
    public void A_person_cannot_be_distinct_from_their_own_spelling()
    {
        Assert.Equal(
            ["authors.yml:1:62: \"Y. Gao\" is this person's own spelling: a name cannot be distinct from itself."],
            RegistryErrors("\"Yunfan Gao\": { aliases: [\"Y. Gao\"], distinct: [\"Yufan Gao\", \"Y. Gao\"] }\n"));
    }

    [Fact]
    public void The_registry_has_a_cap_on_people()
    {
        var yml = string.Concat(Enumerable.Range(0, AuthorsReader.MaxPeople + 1).Select(i => $"\"P{i}\": {{ affiliation: x }}\n"));
        Assert.Equal(
            [$"authors.yml:{AuthorsReader.MaxPeople + 1}:1: authors.yml lists 10,001 people; it holds at most 10,000: list only the people whose spellings or details need settling."],
            RegistryErrors(yml));
    }

    // ---- name variants

    [Fact]
    public void Spellings_that_differ_in_accents_are_a_warning_on_the_newer_file()
    {
        Assert.Equal(
            ["issues/2026-04-01/b.md:3:24: \"Jorg Muller\" may be the same person as \"Jörg Müller\" of issues/2026-03-20/a.md: they differ only in accents, case, hyphens or spaces. " +
             "If one person, add \"Jorg Muller\" to the aliases of \"Jörg Müller\" in authors.yml; if two, add \"Jorg Muller\" to the distinct list of \"Jörg Müller\" there."],
            Warnings(site =>
            {
                Paper(site, "issues/2026-03-20/a.md", "Jörg Müller", "Anna Schmidt");
                Paper(site, "issues/2026-04-01/b.md", "Lena Koch", "Jorg Muller");
            }));
    }

    [Fact]
    public void Initials_hyphens_particles_and_a_dropped_middle_initial_are_found_with_a_shared_co_author()
    {
        var warnings = Warnings(site =>
        {
            Paper(site, "issues/2026-03-20/a.md", "Jean-Pierre Dupré", "Ludwig van Beethoven", "Ana M. Costa", "Anna Schmidt");
            Paper(site, "issues/2026-04-01/b.md", "J.-P. Dupré", "Ludwig Beethoven", "Ana Costa", "Anna Schmidt");
        });
        Assert.Equal(3, warnings.Length);
        Assert.Contains(warnings, w => w.StartsWith("issues/2026-04-01/b.md:3:11: \"J.-P. Dupré\" may be the same person as \"Jean-Pierre Dupré\"", StringComparison.Ordinal)
                                       && w.Contains("both have written with \"Anna Schmidt\"", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("\"Ludwig Beethoven\" may be the same person as \"Ludwig van Beethoven\"", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("\"Ana Costa\" may be the same person as \"Ana M. Costa\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_written_family_name_first_is_found_with_a_shared_co_author()
    {
        Assert.Equal(
            ["issues/2026-04-01/b.md:3:20: \"Zhang Wei\" may be the same person as \"Wei Zhang\" of issues/2026-03-20/a.md: one writes the family name first, and both have written with \"Li Na\". " +
             "If one person, add \"Zhang Wei\" to the aliases of \"Wei Zhang\" in authors.yml; if two, add \"Zhang Wei\" to the distinct list of \"Wei Zhang\" there."],
            Warnings(site =>
            {
                Paper(site, "issues/2026-03-20/a.md", "Wei Zhang", "Li Na");
                Paper(site, "issues/2026-04-01/b.md", "Li Na", "Zhang Wei");
            }));
    }

    [Fact]
    public void Each_newer_spelling_is_one_warning_against_the_oldest_and_counts_its_other_files()
    {
        var warnings = Warnings(site =>
        {
            Paper(site, "issues/2026-03-20/a.md", "Jörg Müller");
            Paper(site, "issues/2026-03-21/b.md", "Jorg Muller");
            Paper(site, "issues/2026-03-22/c.md", "JORG MULLER");
            Paper(site, "issues/2026-03-23/d.md", "Jorg Muller");
            Paper(site, "issues/2026-03-24/e.md", "Jorg Muller");
        });
        // Not one warning for each pair of spellings ("JORG MULLER" against both older ones), nor one for each file of a spelling.
        Assert.Equal(
            ["issues/2026-03-21/b.md:3:11: \"Jorg Muller\" may be the same person as \"Jörg Müller\" of issues/2026-03-20/a.md: they differ only in accents, case, hyphens or spaces. " +
             "If one person, add \"Jorg Muller\" to the aliases of \"Jörg Müller\" in authors.yml; if two, add \"Jorg Muller\" to the distinct list of \"Jörg Müller\" there. " +
             "(It is written so in 2 other files too: this warning is for them all.)",
             "issues/2026-03-22/c.md:3:11: \"JORG MULLER\" may be the same person as \"Jörg Müller\" of issues/2026-03-20/a.md: they differ only in accents, case, hyphens or spaces. " +
             "If one person, add \"JORG MULLER\" to the aliases of \"Jörg Müller\" in authors.yml; if two, add \"JORG MULLER\" to the distinct list of \"Jörg Müller\" there."],
            warnings);
    }

    [Fact]
    public void Past_the_cap_one_warning_counts_the_rest_and_strict_still_fails()
    {
        using var site = new FixtureSite();
        // One name written in 106 ways (its letters' cases), each in a file of its own: 105 newer spellings.
        const string name = "Jorg Muller";
        var letters = name.Select((c, i) => (c, i)).Where(x => char.IsLetter(x.c)).Select(x => x.i).ToArray();
        var spellings = Enumerable.Range(0, NameVariants.MaxWarnings + 6)
            .Select(n => new string(name.Select((c, i) => Array.IndexOf(letters, i) is >= 0 and var bit && (n >> bit & 1) == 1 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()))
            .ToArray();
        for (int n = 0; n < spellings.Length; n++) Paper(site, $"issues/2026-03-20/p{n:D3}.md", spellings[n]);

        var result = site.Load();
        var strict = Cli.Run(site.Workspace, "check", "--strict");

        Assert.True(result.Succeeded);
        Assert.Equal(NameVariants.MaxWarnings + 1, result.Warnings.Count);
        Assert.All(result.Warnings.Take(NameVariants.MaxWarnings), w => Assert.Contains($"may be the same person as \"{spellings[0]}\" of issues/2026-03-20/p000.md", w.Message, StringComparison.Ordinal));
        Assert.Equal(
            $"issues/2026-03-20/p{NameVariants.MaxWarnings + 1:D3}.md:3:11: \"{spellings[NameVariants.MaxWarnings + 1]}\" and 4 more spellings may also be people the archive has under " +
            $"another spelling, not shown: only the first {NameVariants.MaxWarnings} such warnings are. Settle those in authors.yml and run check again for the rest.",
            FixtureSite.Format(result.Warnings)[^1]);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal($"{NameVariants.MaxWarnings + 1} errors in {NameVariants.MaxWarnings + 1} files.", strict.OutLines[^1]);
    }

    [Fact]
    public void Look_alikes_that_are_not_one_person_are_not_warned_about()
    {
        Assert.Empty(Warnings(site =>
        {
            // Common names in unrelated groups: an initial, a dropped middle initial, the words swapped, but no co-author in common.
            Paper(site, "issues/2026-03-20/a.md", "Wei Zhang", "James A. Smith", "Li Chen", "Anna Schmidt");
            Paper(site, "issues/2026-04-01/b.md", "W. Zhang", "James Smith", "Chen Li", "Lena Koch");
            // Different middle initials, different given names, the same family name: different people even with a co-author in common.
            Paper(site, "issues/2026-04-02/c.md", "James B. Smith", "Wen Zhang", "Anna Schmidt");
            // Two spellings on one paper are two people.
            Paper(site, "issues/2026-04-03/d.md", "Jörg Müller", "Jorg Muller");
        }));
    }

    [Fact]
    public void The_registry_settles_a_variant_as_an_alias_or_as_two_people()
    {
        Assert.Empty(Warnings(site =>
        {
            site.Write("authors.yml", "\"Jörg Müller\":\n  aliases: [\"Jorg Muller\"]\n\"Hélène Dubois\":\n  distinct: [\"Helene Dubois\"]\n");
            Paper(site, "issues/2026-03-20/a.md", "Jörg Müller", "Hélène Dubois");
            Paper(site, "issues/2026-04-01/b.md", "Jorg Muller");
            Paper(site, "issues/2026-04-02/c.md", "Helene Dubois");
        }));
    }

    [Fact]
    public void Warnings_do_not_fail_check_but_strict_makes_them_errors()
    {
        using var site = new FixtureSite();
        Paper(site, "issues/2026-03-20/a.md", "Jörg Müller");
        Paper(site, "issues/2026-04-01/b.md", "Jorg Muller");

        var relaxed = Cli.Run(site.Workspace, "check");
        var strict = Cli.Run(site.Workspace, "check", "--strict");

        Assert.Equal(0, relaxed.ExitCode);
        Assert.Contains(relaxed.OutLines, l => l.StartsWith("content/issues/2026-04-01/b.md:3:11: warning: \"Jorg Muller\" may be", StringComparison.Ordinal));
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(strict.OutLines, l => l.StartsWith("content/issues/2026-04-01/b.md:3:11: error: \"Jorg Muller\" may be", StringComparison.Ordinal));
        Assert.Equal("1 error in 1 file.", strict.OutLines[^1]);
    }

    [Fact]
    public void On_github_a_variant_is_a_warning_annotation()
    {
        using var site = new FixtureSite();
        Paper(site, "issues/2026-03-20/a.md", "Jörg Müller");
        Paper(site, "issues/2026-04-01/b.md", "Jorg Muller");

        var result = Cli.Run(site.Workspace, gitHubActions: true, "check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutLines, l => l.StartsWith("::warning file=content/issues/2026-04-01/b.md,line=3,col=11::\"Jorg Muller\" may be", StringComparison.Ordinal));
    }
}
