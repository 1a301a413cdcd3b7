using System.Globalization;
using System.Text;

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
/// <item>base: { format, version, fields, pipeline, refs, terms, shards, frequencies, inline? }. refs: every
/// document ref in index order (fieldVectors order, doc × field). terms: every inverted-index term
/// in the index's order (UTF-16 sorted), front-coded: each entry is one base-36 digit telling how
/// many leading code units it shares with the previous term, then the rest. shards: the number
/// of the first term of each postings shard (a sorted range of terms). frequencies: each term's
/// document frequency, in term order (<see cref="DocumentFrequencies"/>).</item>
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
    // Each term's posting, encoded (EncodePosting's ASCII): held encoded, the smallest form.
    private readonly byte[][] postings;

    /// <param name="postings">Each term's posting as <see cref="EncodePosting"/> writes it.</param>
    public LunrSplit(string version, string[] fields, string[] pipeline, string[] refs, string[] terms, byte[][] postings)
    {
        if (postings.Length != terms.Length) throw new ArgumentException("one posting per term", nameof(postings));
        Version = version;
        Fields = fields;
        Pipeline = pipeline;
        Refs = refs;
        Terms = terms;
        this.postings = postings;
    }

    /// <summary>
    /// Reads a built index directly, without making or holding its serialized form
    /// (<see cref="LunrIndex.WriteJson"/>; the tests read that JSON independently and compare).
    /// </summary>
    public static LunrSplit From(Lunr.LunrIndex index)
    {
        var fields = index.Fields.ToArray();
        var order = index.SortedTerms();
        var terms = new string[order.Length];
        var encoded = new byte[order.Length][];
        index.PreparePostingWeights(); // once, before the threads read it
        long paired = 0;
        // Each term's posting is encoded on its own (in parallel: a tenth of a 10,000-paper build's search phase), into its slot.
        Parallel.For(0, order.Length, () => new PostingWriter(), (t, _, writer) =>
        {
            int term = order[t];
            terms[t] = index.TermText(term);
            writer.Start(index.TermIndex(term));
            for (int f = 0; f < fields.Length; f++)
            {
                index.Posting(term, f, writer.Docs, writer.Weights);
                writer.Field(i => fields[f] + "/" + index.Refs[writer.Docs[i]]);
            }
            encoded[t] = writer.End();
            return writer;
        }, writer => Interlocked.Add(ref paired, writer.Paired));
        if (paired != index.VectorElementCount) throw Bad("field vectors hold terms their postings do not list");
        var refs = index.Refs.ToArray();
        if (refs.Distinct(StringComparer.Ordinal).Count() != refs.Length) throw Bad("a ref appears twice");
        return new LunrSplit(Lunr.LunrIndex.LunrVersion, fields, Lunr.LunrIndex.PipelineLabels.ToArray(), refs, terms, encoded);
    }

    /// <summary>The split files: the base (with <paramref name="extra"/> members appended) and <paramref name="shardCount"/> shards.</summary>
    /// <param name="shardCount">Postings shards: sorted ranges of terms of about equal size (some may be empty when
    /// there are fewer terms). 0: the postings go into the base, one file for the whole search (a small site).</param>
    public SplitFiles Write(int shardCount, Action<JsonText>? extra = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardCount);
        var end = new long[Terms.Length]; // cumulative size up to and including each term
        long total = 0;
        for (int t = 0; t < Terms.Length; t++) end[t] = total += postings[t].Length + 1;
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
        var shards = new Shards(starts, postings);

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
        b.Raw("],\"frequencies\":[");
        var frequencies = DocumentFrequencies();
        for (int t = 0; t < frequencies.Length; t++)
        {
            if (t > 0) b.Raw(",");
            b.Int(frequencies[t]);
        }
        b.Raw("]");
        if (inline) b.Raw(",\"inline\":[").Raw(shards[0]).Raw("]");
        extra?.Invoke(b);
        b.Raw("}");
        return new SplitFiles(b.ToUtf8(), inline ? Array.Empty<byte[]>() : shards);
    }

    /// <summary>
    /// Each term's document frequency (how many documents hold it, in any field), in term order, read
    /// from the encoded postings: the search page weighs near terms by it ("Did you mean") without
    /// fetching their postings shards.
    /// </summary>
    public int[] DocumentFrequencies()
    {
        var frequencies = new int[Terms.Length];
        var countedFor = new int[Refs.Length]; // per document, 1 + the last term that counted it
        for (int t = 0; t < Terms.Length; t++)
        {
            var posting = postings[t].AsSpan();
            int at = 1; // past '['
            ReadInt(posting, ref at); // the term index
            while (posting[at] == ',') // a field: ,[delta,weight,delta,weight,…]
            {
                at += 2;
                for (int doc = 0; posting[at] != ']';)
                {
                    doc += ReadInt(posting, ref at);
                    at++; // ','
                    ReadInt(posting, ref at); // the weight
                    if (posting[at] == ',') at++;
                    if (countedFor[doc] == t + 1) continue;
                    countedFor[doc] = t + 1;
                    frequencies[t]++;
                }
                at++; // ']'
            }
        }
        return frequencies;
    }

    private static int ReadInt(ReadOnlySpan<byte> ascii, ref int at)
    {
        if (!System.Buffers.Text.Utf8Parser.TryParse(ascii[at..], out int value, out int length)) throw Bad("a posting is not the encoding this class writes");
        at += length;
        return value;
    }

    /// <summary>
    /// A term's posting as a shard holds it: [_index, field 0, field 1, …], each field a flat list of
    /// (document number delta, weight × 1000) pairs. ASCII (numbers, brackets, commas): one byte per character.
    /// </summary>
    /// <param name="byField">Per field, (document number, weight × 1000) pairs in the posting's key order.</param>
    public static byte[] EncodePosting(int termIndex, int[][] byField)
    {
        var writer = new PostingWriter();
        writer.Start(termIndex);
        foreach (var pairs in byField) writer.Pairs(pairs);
        return writer.End();
    }

    /// <summary>Writes postings as <see cref="EncodePosting"/> encodes them, one after another, reusing its buffers (one per thread).</summary>
    private sealed class PostingWriter
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> bytes = new(4096);

        /// <summary>The documents of the field being written, in the posting's key order.</summary>
        public List<int> Docs { get; } = [];

        /// <summary>Their weights, at the same positions.</summary>
        public List<double> Weights { get; } = [];

        /// <summary>Postings (term, field, document) written so far.</summary>
        public long Paired { get; private set; }

        public void Start(int termIndex)
        {
            bytes.ResetWrittenCount();
            Byte('[');
            Int(termIndex);
        }

        /// <summary>The field's <see cref="Docs"/> with their <see cref="Weights"/> in thousandths; <paramref name="where"/> names a posting in an error.</summary>
        public void Field(Func<int, string> where)
        {
            Byte(',');
            Byte('[');
            int previous = 0;
            for (int i = 0; i < Docs.Count; i++)
            {
                if (i > 0) Byte(',');
                Int(Docs[i] - previous);
                Byte(',');
                Int(Thousandths(Weights[i], where, i));
                previous = Docs[i];
            }
            Byte(']');
            Paired += Docs.Count;
        }

        /// <summary>A field given as (document number, weight × 1000) pairs.</summary>
        public void Pairs(int[] pairs)
        {
            Byte(',');
            Byte('[');
            int previous = 0;
            for (int i = 0; i < pairs.Length; i += 2)
            {
                if (i > 0) Byte(',');
                Int(pairs[i] - previous);
                Byte(',');
                Int(pairs[i + 1]);
                previous = pairs[i];
            }
            Byte(']');
        }

        public byte[] End()
        {
            Byte(']');
            return bytes.WrittenSpan.ToArray();
        }

        private void Byte(char c)
        {
            bytes.GetSpan(1)[0] = (byte)c;
            bytes.Advance(1);
        }

        private void Int(int n)
        {
            System.Buffers.Text.Utf8Formatter.TryFormat(n, bytes.GetSpan(11), out int written);
            bytes.Advance(written);
        }
    }

    private static string Base36(int n) => ((char)(n < 10 ? '0' + n : 'a' + n - 10)).ToString();

    // lunr rounds every weight to thousandths; k / 1000 must give the same double back in JavaScript.
    private static int Thousandths(double weight, Func<int, string> where, int at)
    {
        double k = Math.Round(weight * 1000);
        if (k is < int.MinValue or > int.MaxValue || k / 1000 != weight)
            throw Bad($"weight {weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} in {where(at)} is not in thousandths: not a lunr-built index");
        return (int)k;
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
