using System.Text;
using System.Text.Json;
using DigestSite.Pages;
using DigestSite.Search;

namespace DigestSite.Build.Tests.Search;

/// <summary>
/// The oracle for the split search files: reads a serialized lunr index (index.json, as lunr's
/// JSON.stringify writes it) on its own, with System.Text.Json, into the split form. The build never
/// makes or reads that JSON for the split form (it reads the built index: <see cref="LunrSplit.From"/>);
/// the tests check that both ways give the same files, byte for byte.
/// </summary>
internal static class LunrJsonOracle
{
    /// <summary>index.json's bytes for <paramref name="papers"/>, as the build writes them.</summary>
    public static byte[] IndexJson(IReadOnlyList<PaperView> papers, ArchiveTerms terms, int parallelism = -1)
    {
        var buffer = new MemoryStream();
        SearchIndex.Build(papers, terms, parallelism).WriteJson(buffer);
        return buffer.ToArray();
    }

    /// <summary>The split form's files, by output path, from index.json's bytes.</summary>
    public static IEnumerable<(string Path, byte[] Content)> SplitFiles(byte[] indexJson, IReadOnlyList<PaperView> papers, int? shardCount = null) =>
        SplitSearchIndex.Files(Parse(indexJson), papers, shardCount);

    /// <summary>Reads a serialized lunr index (as lunr's JSON.stringify writes it).</summary>
    public static LunrSplit Parse(ReadOnlySpan<byte> indexJson)
    {
        var reader = new Utf8JsonReader(indexJson, new JsonReaderOptions { MaxDepth = 16 });
        string version = "";
        string[] fields = [];
        string[] pipeline = [];
        var refs = new List<string>();
        var refNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        // Field vectors, flat: per field ref (doc * fields + field) a range of (term index, weight).
        var vectorStart = new List<int> { 0 };
        var vectorTerms = new List<int>();
        var vectorWeights = new List<int>();
        var terms = new List<string>();
        var termIds = new List<int>();
        var postings = new List<int[][]>();
        bool sawVectors = false;

        Read(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            switch (name)
            {
                case "version":
                    Next(ref reader);
                    version = reader.GetString() ?? "";
                    break;
                case "fields":
                    fields = ReadStrings(ref reader);
                    break;
                case "pipeline":
                    pipeline = ReadStrings(ref reader);
                    break;
                case "fieldVectors":
                    if (fields.Length == 0) throw Bad("fields must come before fieldVectors");
                    sawVectors = true;
                    Read(ref reader, JsonTokenType.StartArray);
                    int n = 0;
                    while (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        Read(ref reader, JsonTokenType.String);
                        var key = reader.GetString()!;
                        int slash = key.IndexOf('/');
                        int f = n % fields.Length;
                        if (slash < 0 || key.AsSpan(0, slash).SequenceEqual(fields[f]) is false)
                            throw Bad($"field vector {n} is {key}, expected field {fields[f]}: not a lunr-built index");
                        var docRef = key[(slash + 1)..];
                        if (f == 0)
                        {
                            if (!refNumbers.TryAdd(docRef, refs.Count)) throw Bad($"ref {docRef} appears twice");
                            refs.Add(docRef);
                        }
                        else if (refs[^1] != docRef) throw Bad($"field vector {key} out of document order");
                        Read(ref reader, JsonTokenType.StartArray);
                        int previous = -1;
                        while (Next(ref reader) == JsonTokenType.Number)
                        {
                            int term = reader.GetInt32();
                            if (term <= previous) throw Bad($"field vector {key} is not sorted by term index");
                            previous = term;
                            Read(ref reader, JsonTokenType.Number);
                            vectorTerms.Add(term);
                            vectorWeights.Add(Thousandths(reader.GetDouble(), key));
                        }
                        vectorStart.Add(vectorTerms.Count);
                        Read(ref reader, JsonTokenType.EndArray, current: true);
                        Read(ref reader, JsonTokenType.EndArray);
                        n++;
                    }
                    if (n != refs.Count * fields.Length) throw Bad("every document must have a vector for every field");
                    break;
                case "invertedIndex":
                    if (!sawVectors) throw Bad("fieldVectors must come before invertedIndex");
                    Read(ref reader, JsonTokenType.StartArray);
                    var docs = new List<int>();
                    var refLookup = refNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
                    var chars = new char[256];
                    while (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        Read(ref reader, JsonTokenType.String);
                        var term = reader.GetString()!;
                        if (terms.Count > 0 && string.CompareOrdinal(terms[^1], term) >= 0) throw Bad($"terms out of order at {term}");
                        Read(ref reader, JsonTokenType.StartObject);
                        int id = -1;
                        var byField = new int[fields.Length][];
                        while (Next(ref reader) == JsonTokenType.PropertyName)
                        {
                            var key = reader.GetString()!;
                            if (key == "_index")
                            {
                                Read(ref reader, JsonTokenType.Number);
                                id = reader.GetInt32();
                                continue;
                            }
                            int f = Array.IndexOf(fields, key);
                            if (f < 0) throw Bad($"term {term} has a posting for unknown field {key}");
                            Read(ref reader, JsonTokenType.StartObject);
                            docs.Clear();
                            while (Next(ref reader) == JsonTokenType.PropertyName)
                            {
                                if (!RefNumber(ref reader, refLookup, chars, out int d)) throw Bad($"term {term} names unknown ref {reader.GetString()}");
                                docs.Add(d);
                                Read(ref reader, JsonTokenType.StartObject);
                                if (Next(ref reader) != JsonTokenType.EndObject)
                                    throw Bad($"term {term} carries token metadata (a metadata whitelist), which the split form does not ship");
                            }
                            byField[f] = new int[docs.Count * 2];
                            for (int i = 0; i < docs.Count; i++) byField[f][2 * i] = docs[i];
                            // The id is known once the posting object is read; weights are filled in below.
                        }
                        if (id < 0) throw Bad($"term {term} has no _index");
                        for (int f = 0; f < fields.Length; f++) byField[f] ??= [];
                        terms.Add(term);
                        termIds.Add(id);
                        postings.Add(byField);
                        Read(ref reader, JsonTokenType.EndArray);
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // Each posting's weight is its term's element in the document's field vector.
        var starts = vectorStart.ToArray();
        var vterms = vectorTerms.ToArray();
        var weights = vectorWeights.ToArray();
        long paired = 0;
        for (int t = 0; t < terms.Count; t++)
        {
            for (int f = 0; f < fields.Length; f++)
            {
                var pairs = postings[t][f];
                for (int i = 0; i < pairs.Length; i += 2)
                {
                    int fieldRef = pairs[i] * fields.Length + f;
                    int at = Array.BinarySearch(vterms, starts[fieldRef], starts[fieldRef + 1] - starts[fieldRef], termIds[t]);
                    if (at < 0) throw Bad($"term {terms[t]} is in the posting of {fields[f]}/{refs[pairs[i]]} but not in its field vector");
                    pairs[i + 1] = weights[at];
                    paired++;
                }
            }
        }
        if (paired != vterms.Length) throw Bad("field vectors hold terms their postings do not list");

        var encoded = postings.Select((byField, t) => LunrSplit.EncodePosting(termIds[t], byField)).ToArray();
        return new LunrSplit(version, fields, pipeline, refs.ToArray(), terms.ToArray(), encoded);
    }

    // A posting's ref, looked up without allocating a string (there is one per posting entry).
    private static bool RefNumber(ref Utf8JsonReader reader, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, char[] chars, out int number)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > chars.Length)
            return lookup.Dictionary.TryGetValue(reader.GetString()!, out number);
        int length = Encoding.UTF8.GetChars(raw, chars);
        return lookup.TryGetValue(chars.AsSpan(0, length), out number);
    }

    // lunr rounds every weight to thousandths; k / 1000 must give the same double back in JavaScript.
    private static int Thousandths(double weight, string where)
    {
        double k = Math.Round(weight * 1000);
        if (k is < int.MinValue or > int.MaxValue || k / 1000 != weight)
            throw Bad($"weight {weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} in {where} is not in thousandths: not a lunr-built index");
        return (int)k;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Bad("unexpected end");
        return reader.TokenType;
    }

    private static void Read(ref Utf8JsonReader reader, JsonTokenType expected, bool current = false)
    {
        var type = current ? reader.TokenType : Next(ref reader);
        if (type != expected) throw Bad($"expected {expected}, found {type} at byte {reader.TokenStartIndex}");
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        Read(ref reader, JsonTokenType.StartArray);
        var list = new List<string>();
        while (Next(ref reader) == JsonTokenType.String) list.Add(reader.GetString()!);
        return list.ToArray();
    }

    private static InvalidDataException Bad(string message) => new("search index: " + message);
}
