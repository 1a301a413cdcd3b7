using System.Text;

namespace DigestSite.Lunr;

/// <summary>A built lunr index, serialized exactly as lunr.Index.prototype.toJSON + JSON.stringify.</summary>
public sealed class LunrIndex
{
    /// <summary>The lunr version written into the index.</summary>
    public const string LunrVersion = "2.3.9";

    private readonly string[] _fields;
    private readonly string[] _refs;
    private readonly Term[] _terms;      // in term index order
    private readonly int[] _vectorStart; // per field ref (doc * fields + field), into _vectorTerms
    private readonly int[] _vectorTerms;
    private readonly double[] _vectorScores;

    internal LunrIndex(string[] fields, string[] refs, Term[] terms, int[] vectorStart, int[] vectorTerms, double[] vectorScores)
    {
        _fields = fields;
        _refs = refs;
        _terms = terms;
        _vectorStart = vectorStart;
        _vectorTerms = vectorTerms;
        _vectorScores = vectorScores;
    }

    /// <summary>The indexed field names, in index order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Number of documents.</summary>
    public int DocumentCount => _refs.Length;

    /// <summary>Number of distinct terms (keys of the inverted index).</summary>
    public int TermCount => _terms.Length;

    /// <summary>The document refs, in add order (the order of fieldVectors).</summary>
    public IReadOnlyList<string> Refs => _refs;

    /// <summary>The search pipeline's labels, as index.json lists them.</summary>
    public static IReadOnlyList<string> PipelineLabels => LunrPipeline.SearchPipelineLabels;

    /// <summary>Elements of all field vectors together (each is one posting of a term in a field of a document).</summary>
    public int VectorElementCount => _vectorTerms.Length;

    /// <summary>The terms' numbers (their <see cref="TermIndex"/>) in index.json's invertedIndex order (UTF-16 sorted).</summary>
    public int[] SortedTerms()
    {
        var order = new int[_terms.Length];
        for (int t = 0; t < order.Length; t++) order[t] = t;
        Array.Sort(order, (x, y) => string.CompareOrdinal(_terms[x].Text, _terms[y].Text));
        return order;
    }

    /// <summary>Term number <paramref name="term"/>'s text.</summary>
    public string TermText(int term) => _terms[term].Text;

    /// <summary>Term number <paramref name="term"/>'s lunr <c>_index</c>.</summary>
    public int TermIndex(int term) => _terms[term].Id;

    /// <summary>
    /// The documents (numbers into <see cref="Refs"/>) whose <paramref name="field"/> holds term
    /// number <paramref name="term"/>, in the key order index.json lists them, into <paramref name="into"/> (cleared first).
    /// </summary>
    public void Posting(int term, int field, List<int> into)
    {
        into.Clear();
        var docs = _terms[term].Postings[field].AsSpan();
        _indexRefs ??= IndexRefs();
        if (_indexRefs.Value.Any)
        {
            var buffer = new List<int>();
            docs = JsKeyOrder(docs, _indexRefs.Value.IsIndex, _indexRefs.Value.Index, buffer);
        }
        foreach (int d in docs) into.Add(d);
    }

    /// <summary>
    /// Like <see cref="Posting(int, int, List{int})"/>, with each document's weight of the term in that
    /// field (the element of its field vector) into <paramref name="weights"/>, at the same position.
    /// Thread-safe once <see cref="PreparePostingWeights"/> was called.
    /// </summary>
    public void Posting(int term, int field, List<int> docs, List<double> weights)
    {
        Posting(term, field, docs);
        weights.Clear();
        var inAddOrder = _terms[term].Postings[field].AsSpan();
        var byDoc = (_postingWeights ?? PreparePostingWeights())[term][field];
        if (docs.Count == inAddOrder.Length && (_indexRefs is not { Any: true }))
        {
            weights.AddRange(byDoc);
            return;
        }
        // Array-index refs put the posting in another order: find each document's place in add order (ascending).
        foreach (int d in docs) weights.Add(byDoc[inAddOrder.BinarySearch(d)]);
    }

    private double[][][]? _postingWeights;

    /// <summary>
    /// Every term's weights per field, in the add order of its postings' documents, in one pass over
    /// the field vectors: a posting lists, in ascending document order, exactly the documents whose
    /// field vector holds the term, and each field vector is visited in document order.
    /// </summary>
    public double[][][] PreparePostingWeights()
    {
        if (_postingWeights is { } made) return made;
        _indexRefs ??= IndexRefs();
        int nf = _fields.Length;
        var termOfId = new int[_terms.Length == 0 ? 0 : _terms.Max(t => t.Id) + 1];
        var weights = new double[_terms.Length][][];
        for (int t = 0; t < _terms.Length; t++)
        {
            termOfId[_terms[t].Id] = t;
            weights[t] = new double[nf][];
            for (int f = 0; f < nf; f++) weights[t][f] = new double[_terms[t].Postings[f].Count];
        }
        var filled = new int[_terms.Length * nf];
        for (int fieldRef = 0; fieldRef < _vectorStart.Length - 1; fieldRef++)
        {
            int f = fieldRef % nf;
            for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
            {
                int t = termOfId[_vectorTerms[e]];
                var into = weights[t][f];
                int at = filled[t * nf + f]++;
                if (at >= into.Length || _terms[t].Postings[f].Items[at] != fieldRef / nf)
                    throw new InvalidOperationException($"The field vector {_fields[f]}/{_refs[fieldRef / nf]} holds term {_terms[t].Text}, which its posting does not list.");
                into[at] = _vectorScores[e];
            }
        }
        for (int t = 0; t < _terms.Length; t++)
            for (int f = 0; f < nf; f++)
                if (filled[t * nf + f] != weights[t][f].Length)
                    throw new InvalidOperationException($"The posting of term {_terms[t].Text} in {_fields[f]} lists a document whose field vector lacks it.");
        return _postingWeights = weights;
    }

    private (bool Any, bool[] IsIndex, uint[] Index)? _indexRefs;

    private (bool Any, bool[] IsIndex, uint[] Index) IndexRefs()
    {
        var index = new uint[_refs.Length];
        var isIndex = new bool[_refs.Length];
        bool any = false;
        for (int d = 0; d < _refs.Length; d++)
        {
            isIndex[d] = JsObjectKeys.IsArrayIndex(_refs[d], out index[d]);
            any |= isIndex[d];
        }
        return (any, isIndex, index);
    }

    /// <summary>The serialized index, equal to <c>JSON.stringify(index)</c> in lunr.js.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        WriteJson(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="stream"/> as UTF-8 (no BOM), streaming.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new JsJsonWriter(stream);
        int nf = _fields.Length;

        // Escaped refs, written once per posting and field vector. One writer for all (its buffer is 64 KiB).
        var refBytes = new byte[_refs.Length][];
        using (var ms = new MemoryStream())
        {
            using var rw = new JsJsonWriter(ms);
            for (int d = 0; d < _refs.Length; d++)
            {
                ms.SetLength(0);
                rw.StringContent(_refs[d]);
                rw.Flush();
                refBytes[d] = ms.ToArray();
            }
        }

        w.Raw("{\"version\":\""u8);
        w.StringContent(LunrVersion);
        w.Raw("\",\"fields\":["u8);
        for (int f = 0; f < nf; f++)
        {
            if (f > 0) w.Raw((byte)',');
            w.String(_fields[f]);
        }

        // fieldVectors: Object.keys(fieldVectors) is add order × field order ("field/ref" keys are never integer-like).
        w.Raw("],\"fieldVectors\":["u8);
        for (int d = 0; d < _refs.Length; d++)
        {
            for (int f = 0; f < nf; f++)
            {
                if (d > 0 || f > 0) w.Raw((byte)',');
                w.Raw("[\""u8);
                w.StringContent(_fields[f]);
                w.Raw((byte)'/');
                w.Raw(refBytes[d]);
                w.Raw("\",["u8);
                int fieldRef = d * nf + f;
                for (int e = _vectorStart[fieldRef]; e < _vectorStart[fieldRef + 1]; e++)
                {
                    if (e > _vectorStart[fieldRef]) w.Raw((byte)',');
                    w.Int(_vectorTerms[e]);
                    w.Raw((byte)',');
                    w.Number(_vectorScores[e]);
                }
                w.Raw("]]"u8);
            }
        }

        // invertedIndex: terms sorted by UTF-16 code units (Array.prototype.sort default).
        w.Raw("],\"invertedIndex\":["u8);
        var sorted = (Term[])_terms.Clone();
        Array.Sort(sorted, static (x, y) => string.CompareOrdinal(x.Text, y.Text));

        // Posting keys: "_index" then the fields, in JS own-property order.
        var postingKeys = new List<string>(nf + 1) { "_index" };
        postingKeys.AddRange(_fields);
        int[] postingOrder = JsObjectKeys.Order(postingKeys);

        var refIndex = new uint[_refs.Length];
        var refIsIndex = new bool[_refs.Length];
        bool anyIndexRef = false;
        for (int d = 0; d < _refs.Length; d++)
        {
            refIsIndex[d] = JsObjectKeys.IsArrayIndex(_refs[d], out refIndex[d]);
            anyIndexRef |= refIsIndex[d];
        }
        var docBuffer = new List<int>();

        for (int t = 0; t < sorted.Length; t++)
        {
            var term = sorted[t];
            w.Raw(t > 0 ? ",[\""u8 : "[\""u8);
            w.StringContent(term.Text);
            w.Raw("\",{"u8);
            for (int k = 0; k < postingOrder.Length; k++)
            {
                if (k > 0) w.Raw((byte)',');
                int key = postingOrder[k];
                if (key == 0)
                {
                    w.Raw("\"_index\":"u8);
                    w.Int(term.Id);
                    continue;
                }
                int f = key - 1;
                w.String(_fields[f]);
                w.Raw(":{"u8);
                var docs = term.Postings[f].AsSpan();
                if (anyIndexRef) docs = JsKeyOrder(docs, refIsIndex, refIndex, docBuffer);
                for (int i = 0; i < docs.Length; i++)
                {
                    w.Raw(i > 0 ? ",\""u8 : "\""u8);
                    w.Raw(refBytes[docs[i]]);
                    w.Raw("\":{}"u8); // metadataWhitelist is empty: no token metadata is stored
                }
                w.Raw((byte)'}');
            }
            w.Raw("}]"u8);
        }

        w.Raw("],\"pipeline\":["u8);
        for (int i = 0; i < LunrPipeline.SearchPipelineLabels.Count; i++)
        {
            if (i > 0) w.Raw((byte)',');
            w.String(LunrPipeline.SearchPipelineLabels[i]);
        }
        w.Raw("]}"u8);
    }

    // A posting's documents keyed by ref in a JS object: array-index refs first, ascending, then the rest in add order.
    private static ReadOnlySpan<int> JsKeyOrder(ReadOnlySpan<int> docs, bool[] isIndex, uint[] index, List<int> buffer)
    {
        buffer.Clear();
        foreach (int d in docs) if (isIndex[d]) buffer.Add(d);
        if (buffer.Count == 0) return docs;
        buffer.Sort((a, b) => index[a].CompareTo(index[b]));
        foreach (int d in docs) if (!isIndex[d]) buffer.Add(d);
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
    }
}
