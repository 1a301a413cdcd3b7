using System.Text.RegularExpressions;
using DigestSite.Content;
using DigestSite.Corpus;
using Xunit.Abstractions;

namespace DigestSite.Commands.Tests;

/// <summary>
/// The name-variant warning on generated archives with planted variants (bench/DigestSite.Corpus,
/// --plant name-variants): it must find the planted spellings without crying wolf on the archive's
/// many distinct people with alike names (every generated name is its own person unless planted).
/// The figures go in docs/authors.md.
/// </summary>
public sealed partial class NameVariantPrecisionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2000, 1UL)]
    [InlineData(2000, 2UL)]
    [InlineData(2000, 3UL)]
    public void Planted_variants_are_found_without_false_alarms(int papers, ulong seed)
    {
        var folder = Directory.CreateTempSubdirectory("digestsite-variants-").FullName;
        try
        {
            var planted = CorpusGenerator.Write(folder, new CorpusOptions { Papers = papers, Seed = seed, Plants = Plants.NameVariants });
            var result = ContentLoader.Load(folder);
            Assert.True(result.Succeeded);

            // Every spelling of a planted person, and who they are; any other spelling is a person of its own.
            var person = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var author in planted.Authors)
            {
                person[author.Name] = author.Name;
                foreach (var variant in author.Variants) person[variant.Name] = author.Name;
            }
            var pairs = result.Warnings.Select(w => VariantWarning().Match(w.Message)).Where(m => m.Success)
                .Select(m => (Newer: m.Groups[1].Value, Older: m.Groups[2].Value)).ToArray();

            bool Same((string Newer, string Older) pair) =>
                person.TryGetValue(pair.Newer, out var a) && person.TryGetValue(pair.Older, out var b) && a == b;
            int right = pairs.Count(Same);
            var found = pairs.Where(Same).SelectMany(p => new[] { p.Newer, p.Older }).ToHashSet(StringComparer.Ordinal);
            var variants = planted.Authors.SelectMany(a => a.Variants).Select(v => v.Name).ToArray();
            int variantsFound = variants.Count(found.Contains);
            double precision = pairs.Length == 0 ? 1 : (double)right / pairs.Length;
            double recall = (double)variantsFound / variants.Length;

            output.WriteLine($"{papers} papers, seed {seed}: {planted.Authors.Count} people with {variants.Length} planted spellings; " +
                             $"{pairs.Length} warnings, {right} right: precision {precision:P1}, recall {recall:P1} ({variantsFound} of {variants.Length} spellings)");
            foreach (var wrong in pairs.Where(p => !Same(p))) output.WriteLine($"  false alarm: {wrong.Newer} / {wrong.Older}");
            foreach (var missed in planted.Authors.SelectMany(a => a.Variants.Where(v => !found.Contains(v.Name)).Select(v => (a.Name, v.Name))))
                output.WriteLine($"  missed: {missed.Item2} (of {missed.Item1})");

            Assert.True(precision >= 0.95, $"precision {precision:P1}");
            Assert.True(recall >= 0.75, $"recall {recall:P1}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("^\"(.+?)\" may be the same person as \"(.+?)\"")]
    private static partial Regex VariantWarning();
}
