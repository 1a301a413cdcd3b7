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

        // Escaped refs, written once per posting and field vector.
        var refBytes = new byte[_refs.Length][];
        using (var ms = new MemoryStream())
        {
            for (int d = 0; d < _refs.Length; d++)
            {
                ms.SetLength(0);
                using (var rw = new JsJsonWriter(ms)) rw.StringContent(_refs[d]);
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
