using System.Text;
using System.Text.Json;

namespace DigestSite.Search;

/// <summary>
/// A serialized lunr 2.3.9 index (the bytes of /search/index.json) split so that a browser fetches
/// only what a query reads; theme/assets/search-shards.js assembles, per query, a lunr.Index that
/// gives the same refs, order and scores as the whole index.
///
/// What lunr.Index.prototype.query reads: the token set (every term, to expand wildcards, fuzzy
/// terms and prefixes), the fields and the search pipeline; then, for each expanded term only,
/// invertedIndex[term] (its _index and, per field, the refs in key order); and, for each
/// field/ref it matched, fieldVectors[field/ref] in the dot product with the query vector. That
/// dot product only sums the elements whose term index is in the query vector, and
/// Vector.similarity divides by the QUERY vector's magnitude (this.magnitude()), so a document
/// field vector needs only its (term index, weight) pairs for the query's terms: exactly the
/// weight of each posting, which this split ships next to it. Only a query made of prohibited
/// terms alone (lunr's "negated" query) reads every field/ref, and then only to score 0.
///
/// Files (all JSON):
/// <list type="bullet">
/// <item>base: { format, version, fields, pipeline, refs, terms, shards, inline? }. refs: every
/// document ref in index order (fieldVectors order, doc × field). terms: every inverted-index term
/// in the index's order (UTF-16 sorted), front-coded: each entry is one base-36 digit telling how
/// many leading code units it shares with the previous term, then the rest. shards: the number
/// of the first term of each postings shard (a sorted range of terms).</item>
/// <item>postings shard: { first, postings: [[_index, field 0, field 1, …], …] } for terms first,
/// first+1, …; each field is a flat list of (document number delta, weight × 1000) pairs, in the
/// posting's key order (deltas from the previous document number, starting at 0). Every weight
/// in a lunr-built index is Math.round(score * 1000) / 1000, so weight × 1000 is an integer and
/// dividing it by 1000 in JavaScript gives back the very same double (checked here).</item>
/// </list>
/// For a small site, the one shard is inlined into the base.
/// </summary>
public sealed class LunrSplit
{
    public const string Format = "digestsite-lunr-split/1";

    public string Version { get; }
    public string[] Fields { get; }
    public string[] Pipeline { get; }
    public string[] Refs { get; }
    /// <summary>Inverted-index terms, in the index's order.</summary>
    public string[] Terms { get; }
    private readonly int[] termIds;
    // Per term and field: (document number, weight × 1000) pairs, in the posting's key order.
    private readonly int[][][]? postings;
    // Or, read from a built index: each term's posting already encoded (EncodePosting's ASCII), to hold less.
    private readonly byte[][]? encodedPostings;

    private LunrSplit(string version, string[] fields, string[] pipeline, string[] refs, string[] terms, int[] termIds, byte[][] encodedPostings)
        : this(version, fields, pipeline, refs, terms, termIds, (int[][][]?)null) => this.encodedPostings = encodedPostings;

    private LunrSplit(string version, string[] fields, string[] pipeline, string[] refs, string[] terms, int[] termIds, int[][][]? postings)
    {
        Version = version;
        Fields = fields;
        Pipeline = pipeline;
        Refs = refs;
        Terms = terms;
        this.termIds = termIds;
        this.postings = postings;
    }

    /// <summary>
    /// Reads a built index directly: the same as <see cref="Parse"/> of its serialized form
    /// (<see cref="LunrIndex.WriteJson"/>), without making or holding that JSON.
    /// </summary>
    public static LunrSplit From(Lunr.LunrIndex index)
    {
        var fields = index.Fields.ToArray();
        var order = index.SortedTerms();
        var terms = new string[order.Length];
        var termIds = new int[order.Length];
        var encoded = new byte[order.Length][];
        var docs = new List<int>();
        long paired = 0;
        for (int t = 0; t < order.Length; t++)
        {
            int term = order[t];
            terms[t] = index.TermText(term);
            termIds[t] = index.TermIndex(term);
            var byField = new int[fields.Length][];
            for (int f = 0; f < fields.Length; f++)
            {
                index.Posting(term, f, docs);
                var pairs = byField[f] = docs.Count == 0 ? [] : new int[docs.Count * 2];
                for (int i = 0; i < docs.Count; i++)
                {
                    if (!index.TryGetWeight(docs[i], f, term, out double weight))
                        throw Bad($"term {terms[t]} is in the posting of {fields[f]}/{index.Refs[docs[i]]} but not in its field vector");
                    pairs[2 * i] = docs[i];
                    pairs[2 * i + 1] = Thousandths(weight, fields[f] + "/" + index.Refs[docs[i]]);
                    paired++;
                }
            }
            encoded[t] = Encoding.ASCII.GetBytes(EncodePosting(termIds[t], byField));
        }
        if (paired != index.VectorElementCount) throw Bad("field vectors hold terms their postings do not list");
        var refs = index.Refs.ToArray();
        if (refs.Distinct(StringComparer.Ordinal).Count() != refs.Length) throw Bad("a ref appears twice");
        return new LunrSplit(Lunr.LunrIndex.LunrVersion, fields, Lunr.LunrIndex.PipelineLabels.ToArray(), refs, terms, termIds, encoded);
    }

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

        return new LunrSplit(version, fields, pipeline, refs.ToArray(), terms.ToArray(), termIds.ToArray(), postings.ToArray());
    }

    /// <summary>The split files: the base (with <paramref name="extra"/> members appended) and <paramref name="shardCount"/> shards.</summary>
    /// <param name="shardCount">Postings shards: sorted ranges of terms of about equal size (some may be empty when
    /// there are fewer terms). 0: the postings go into the base, one file for the whole search (a small site).</param>
    public SplitFiles Write(int shardCount, Action<JsonText>? extra = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardCount);
        // ASCII (numbers, brackets, commas): one byte per character, held once for the shards made from them.
        var encoded = new byte[Terms.Length][];
        var end = new long[Terms.Length]; // cumulative size up to and including each term
        long total = 0;
        for (int t = 0; t < Terms.Length; t++)
        {
            encoded[t] = encodedPostings?[t] ?? Encoding.ASCII.GetBytes(EncodePosting(termIds[t], postings![t]));
            end[t] = total += encoded[t].Length + 1;
        }
        bool inline = shardCount == 0;
        // Shard s starts at the first term ending past s/shardCount of the bytes: a given count, whatever the terms.
        var starts = new List<int> { 0 };
        for (int s = 1, t = 0; s < Math.Max(1, shardCount); s++)
        {
            long cut = total * s / shardCount;
            while (t < Terms.Length && end[t] <= cut) t++;
            starts.Add(Math.Min(t, Terms.Length));
        }

        // Each shard's bytes are made when asked for (written, then dropped), not all held at once.
        var shards = new Shards(starts, encoded);

        var b = new JsonText();
        b.Raw("{\"format\":").Str(Format);
        b.Raw(",\"version\":").Str(Version);
        b.Raw(",\"fields\":").Strs(Fields);
        b.Raw(",\"pipeline\":").Strs(Pipeline);
        b.Raw(",\"refs\":").Strs(Refs);
        b.Raw(",\"terms\":[");
        for (int t = 0; t < Terms.Length; t++)
        {
            if (t > 0) b.Raw(",");
            int shared = 0;
            if (t > 0)
            {
                var (p, c) = (Terms[t - 1], Terms[t]);
                while (shared < 35 && shared < p.Length && shared < c.Length && p[shared] == c[shared]) shared++;
                // Never split a surrogate pair: the rest must stay valid UTF-16 to survive JSON.
                if (shared > 0 && char.IsHighSurrogate(c[shared - 1])) shared--;
            }
            b.Str(Base36(shared) + Terms[t][shared..]);
        }
        b.Raw("],\"shards\":[");
        for (int s = 0; s < starts.Count; s++)
        {
            if (s > 0) b.Raw(",");
            b.Int(starts[s]);
        }
        b.Raw("]");
        if (inline) b.Raw(",\"inline\":[").Raw(Encoding.UTF8.GetString(shards[0])).Raw("]");
        extra?.Invoke(b);
        b.Raw("}");
        return new SplitFiles(b.ToUtf8(), inline ? Array.Empty<byte[]>() : shards);
    }

    private static string EncodePosting(int termId, int[][] byField)
    {
        var json = new JsonText();
        json.Raw("[").Int(termId);
        foreach (var pairs in byField)
        {
            json.Raw(",[");
            int previous = 0;
            for (int i = 0; i < pairs.Length; i += 2)
            {
                if (i > 0) json.Raw(",");
                json.Int(pairs[i] - previous).Raw(",").Int(pairs[i + 1]);
                previous = pairs[i];
            }
            json.Raw("]");
        }
        return json.Raw("]").ToString();
    }

    // A posting's ref, looked up without allocating a string (1.3 million of them at 10,000 papers).
    private static bool RefNumber(ref Utf8JsonReader reader, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, char[] chars, out int number)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || raw.Length > chars.Length)
            return lookup.Dictionary.TryGetValue(reader.GetString()!, out number);
        int length = Encoding.UTF8.GetChars(raw, chars);
        return lookup.TryGetValue(chars.AsSpan(0, length), out number);
    }

    private static string Base36(int n) => ((char)(n < 10 ? '0' + n : 'a' + n - 10)).ToString();

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

/// <summary>The split form's base file and its postings shards (shard n is file n, made each time it is read).</summary>
public sealed record SplitFiles(byte[] Base, IReadOnlyList<byte[]> Shards);

/// <summary>Postings shards: shard s is terms starts[s] .. starts[s + 1] of the encoded postings.</summary>
internal sealed class Shards(List<int> starts, byte[][] encoded) : IReadOnlyList<byte[]>
{
    public int Count => starts.Count;

    public byte[] this[int s]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(s, Count);
            int first = starts[s], last = s + 1 < starts.Count ? starts[s + 1] : encoded.Length;
            var head = Encoding.ASCII.GetBytes("{\"first\":" + first.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"postings\":[");
            long length = head.Length + 2 + Math.Max(0, last - first - 1);
            for (int t = first; t < last; t++) length += encoded[t].Length;
            var bytes = new byte[length];
            head.CopyTo(bytes, 0);
            int at = head.Length;
            for (int t = first; t < last; t++)
            {
                if (t > first) bytes[at++] = (byte)',';
                encoded[t].CopyTo(bytes, at);
                at += encoded[t].Length;
            }
            bytes[at++] = (byte)']';
            bytes[at++] = (byte)'}';
            return bytes;
        }
    }

    public IEnumerator<byte[]> GetEnumerator()
    {
        for (int s = 0; s < Count; s++) yield return this[s];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A small JSON text builder: strings escaped so that any UTF-16 (lone surrogates too) survives.</summary>
public sealed class JsonText
{
    private readonly StringBuilder sb = new();

    public JsonText Raw(string s) { sb.Append(s); return this; }

    public JsonText Int(long n) { sb.Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture)); return this; }

    public JsonText Str(string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c is '\u2028' or '\u2029') sb.Append("\\u").Append(((int)c).ToString("x4"));
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
            else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else if (c == '<') sb.Append("\\u003c"); // harmless in JSON, and never "</script>" if ever inlined into a page
            else sb.Append(c);
        }
        sb.Append('"');
        return this;
    }

    public JsonText Strs(IEnumerable<string> items)
    {
        sb.Append('[');
        bool first = true;
        foreach (var s in items)
        {
            if (!first) sb.Append(',');
            first = false;
            Str(s);
        }
        sb.Append(']');
        return this;
    }

    public override string ToString() => sb.ToString();

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(sb.ToString());
}
