using System.Collections.Concurrent;
using DigestSite.Lunr;

namespace DigestSite.Search;

/// <summary>
/// Every paper's terms (<see cref="PaperTerms"/>) with the archive's vocabulary numbered once: each
/// distinct term gets a number, in the order the archive first has it (paper by paper in archive order,
/// field by field, each field's terms in their order), so the numbers are the same on every build of the
/// same archive, and they are the search index's own term indices. Related papers read weights and
/// vectors by these numbers, and the search index takes them as they are, without the strings.
/// </summary>
public sealed class ArchiveTerms
{
    private readonly string[] words;
    private readonly NumberedText[][] papers;

    private ArchiveTerms(string[] words, NumberedText[][] papers)
    {
        this.words = words;
        this.papers = papers;
    }

    /// <summary>The vocabulary: each term's text, by number.</summary>
    public IReadOnlyList<string> Words => words;

    /// <summary>How many papers.</summary>
    public int Count => papers.Length;

    /// <summary>Paper <paramref name="paper"/>'s fields (one for each of <see cref="SearchIndex.Fields"/>), their terms numbered, at the positions <see cref="PaperTerms"/> has them.</summary>
    public IReadOnlyList<NumberedText> Fields(int paper) => papers[paper];

    /// <param name="terms">Each paper's terms, in archive order.</param>
    /// <param name="parallelism">Threads (-1: all cores); the numbers are the same for any number.</param>
    public static ArchiveTerms Number(IReadOnlyList<PaperTerms> terms, int parallelism = -1)
    {
        // First each term gets a number as threads meet it (in no fixed order), so that the strings are looked up in parallel;
        // then one pass in archive order gives each its number of first occurrence.
        var met = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        int next = -1;
        var ids = new int[terms.Count][][];
        Parallel.For(0, terms.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, p =>
        {
            var fields = terms[p].Fields;
            var numbers = ids[p] = new int[fields.Count][];
            for (int f = 0; f < fields.Count; f++)
            {
                var fieldTerms = fields[f].Terms;
                var fieldIds = numbers[f] = new int[fieldTerms.Length];
                for (int j = 0; j < fieldTerms.Length; j++)
                    fieldIds[j] = met.TryGetValue(fieldTerms[j], out int id) ? id : met.GetOrAdd(fieldTerms[j], _ => Interlocked.Increment(ref next));
            }
        });

        // A number may have been taken by a thread that lost the race to add its term: such numbers are never met.
        var final = new int[next + 1];
        Array.Fill(final, -1);
        var vocabulary = new List<string>(met.Count);
        var papers = new NumberedText[terms.Count][];
        for (int p = 0; p < terms.Count; p++)
        {
            var fields = terms[p].Fields;
            papers[p] = new NumberedText[fields.Count];
            for (int f = 0; f < fields.Count; f++)
            {
                var fieldIds = ids[p][f];
                for (int j = 0; j < fieldIds.Length; j++)
                {
                    ref int number = ref final[fieldIds[j]];
                    if (number < 0)
                    {
                        number = vocabulary.Count;
                        vocabulary.Add(fields[f].Terms[j]);
                    }
                    fieldIds[j] = number;
                }
                papers[p][f] = fieldIds.Length == 0 ? NumberedText.Empty : new NumberedText(fieldIds, fields[f].Counts);
            }
        }
        return new ArchiveTerms([.. vocabulary], papers);
    }
}
