namespace DigestSite.Lunr;

/// <summary>
/// Builds the index lunr.js 2.3.9 builds with <c>lunr(function () { this.ref(..); this.field(..); this.add(..) })</c>
/// (lunr.Builder with the default pipeline). Documents are analyzed in parallel; everything that
/// fixes the output (term indices, key orders) is then done in add order, so the result is deterministic;
/// then each document's field vectors and scores, which depend on nothing else of the order, again in parallel.
/// A document's fields can also come analyzed already (<see cref="LunrTextAnalyzer"/>), their terms as
/// strings or as numbers of a vocabulary (<see cref="NumberedText"/>): the same index, without analysing
/// the texts again.
/// </summary>
public sealed class LunrIndexBuilder
{
    private const int ChunkSize = 1024;

    private readonly LunrField[] _fields;
    private readonly int[] _given; // for each field in index order, its place in the constructor's list
    private readonly List<Pending> _documents = [];
    private readonly HashSet<string> _refs = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string>? _vocabulary;
    private double _b = 0.75;

    /// <summary>Creates a builder indexing <paramref name="fields"/>.</summary>
    /// <exception cref="ArgumentException">Two fields have the same name.</exception>
    public LunrIndexBuilder(IEnumerable<LunrField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = fields.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            if (!names.Add(f.Name)) throw new ArgumentException($"Duplicate field '{f.Name}'.", nameof(fields));
        }
        // lunr keeps fields in an object (builder._fields) and reads them back with Object.keys,
        // so integer-like field names come first; that order is used everywhere.
        _given = JsObjectKeys.Order(list.ConvertAll(f => f.Name));
        _fields = Array.ConvertAll(_given, i => list[i]);
    }

    /// <summary>
    /// Creates a builder indexing <paramref name="fields"/> that also takes documents whose fields come as
    /// numbers of <paramref name="vocabulary"/> (<see cref="Add(string, IReadOnlyList{NumberedText?}, double)"/>):
    /// the index is the one the terms' texts would give, in any numbering.
    /// </summary>
    /// <exception cref="ArgumentException">Two fields have the same name.</exception>
    public LunrIndexBuilder(IEnumerable<LunrField> fields, IReadOnlyList<string> vocabulary) : this(fields)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <summary>The fields in index order (JS key order of the names).</summary>
    public IReadOnlyList<LunrField> Fields => _fields;

    /// <summary>lunr.Builder.b: field length normalisation, clamped to [0, 1]. Default 0.75.</summary>
    public double B { get => _b; set => _b = value < 0 ? 0 : value > 1 ? 1 : value; }

    /// <summary>lunr.Builder.k1: term frequency saturation. Default 1.2.</summary>
    public double K1 { get; set; } = 1.2;

    /// <summary>Threads used to analyze documents; 1 analyzes on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Number of documents added.</summary>
    public int DocumentCount => _documents.Count;

    /// <summary>Adds a document (lunr.Builder.add).</summary>
    /// <exception cref="ArgumentException">A document with the same ref was already added (lunr would silently merge them).</exception>
    public void Add(LunrDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!_refs.Add(document.Ref)) throw new ArgumentException($"Duplicate document ref '{document.Ref}'.", nameof(document));
        _documents.Add(new Pending(document.Ref, document.Boost, document, null, null));
    }

    /// <summary>
    /// Adds a document whose fields were analyzed already (<see cref="LunrTextAnalyzer.Analyze"/>): the index is
    /// the one the texts would give.
    /// </summary>
    /// <param name="fields">One for each field, in the order the builder was given them; null indexes nothing, like a missing field.</param>
    /// <param name="boost">Document boost; like lunr, 0 (or NaN) counts as 1.</param>
    /// <exception cref="ArgumentException">A document with the same ref was already added, or the fields are not one for each of the builder's.</exception>
    public void Add(string @ref, IReadOnlyList<AnalyzedText?> fields, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(@ref);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != _fields.Length) throw new ArgumentException($"{fields.Count} fields for a builder of {_fields.Length}.", nameof(fields));
        if (!_refs.Add(@ref)) throw new ArgumentException($"Duplicate document ref '{@ref}'.", nameof(@ref));
        _documents.Add(new Pending(@ref, boost, null, Array.ConvertAll(_given, i => fields[i]), null));
    }

    /// <summary>
    /// Adds a document whose fields were analyzed already and their terms numbered, as numbers of the
    /// vocabulary the builder was made with: the index is the one the texts would give.
    /// </summary>
    /// <param name="fields">One for each field, in the order the builder was given them; null indexes nothing, like a missing field.</param>
    /// <param name="boost">Document boost; like lunr, 0 (or NaN) counts as 1.</param>
    /// <exception cref="ArgumentException">A document with the same ref was already added, the fields are not one for each of the builder's, or a number is not the vocabulary's.</exception>
    /// <exception cref="InvalidOperationException">The builder was made without a vocabulary.</exception>
    public void Add(string @ref, IReadOnlyList<NumberedText?> fields, double boost = 1)
    {
        ArgumentNullException.ThrowIfNull(@ref);
        ArgumentNullException.ThrowIfNull(fields);
        var vocabulary = _vocabulary ?? throw new InvalidOperationException("Numbered terms need a builder made with their vocabulary.");
        if (fields.Count != _fields.Length) throw new ArgumentException($"{fields.Count} fields for a builder of {_fields.Length}.", nameof(fields));
        foreach (var field in fields)
            foreach (int word in field?.Words ?? [])
                if ((uint)word >= (uint)vocabulary.Count) throw new ArgumentException($"Term number {word} of a vocabulary of {vocabulary.Count}.", nameof(fields));
        if (!_refs.Add(@ref)) throw new ArgumentException($"Duplicate document ref '{@ref}'.", nameof(@ref));
        _documents.Add(new Pending(@ref, boost, null, null, Array.ConvertAll(_given, i => fields[i])));
    }

    /// <summary>A document added: its texts, or its fields analyzed (in index field order), as strings or as numbers.</summary>
    private readonly record struct Pending(string Ref, double Boost, LunrDocument? Texts, AnalyzedText?[]? Analyzed, NumberedText?[]? Numbered);

    /// <summary>One field of a document, analyzed: its terms (each once with its count, or in token order, each counting one) and its length.</summary>
    private readonly record struct FieldTerms(Term[] Terms, int[]? Counts, int Length);

    /// <summary>Builds the index (lunr.Builder.build).</summary>
    /// <param name="cancel">Checked between chunks of documents: a long build can be given up (OperationCanceledException).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public LunrIndex Build(CancellationToken cancel = default)
    {
        int nf = _fields.Length, nd = _documents.Count;
        using var analyzer = new TermAnalyzer(nf);
        var fieldLengths = new int[nd * nf];
        var vectorStart = new int[nd * nf + 1];
        // One element per distinct term of each field: known beforehand for analysed documents, so the two
        // largest arrays of the build (millions of elements at 10,000 documents) are made once, not grown by doubling.
        int elements = 0;
        foreach (var document in _documents)
        {
            foreach (var field in document.Analyzed ?? [])
                elements += field?.Terms.Length ?? 0;
            foreach (var field in document.Numbered ?? [])
                elements += field?.Words.Length ?? 0;
        }
        // The vocabulary's terms, by number: the analyzer's own, so documents given as texts find the same terms.
        var words = _vocabulary is null ? [] : new Term[_vocabulary.Count];
        for (int w = 0; w < words.Length; w++) words[w] = analyzer.TermOf(_vocabulary![w]);
        var vectorTerms = new IntList(elements);
        var vectorTf = new IntList(elements);
        var terms = new List<Term>();
        var lengthSums = new long[nf];
        var idBuffer = new int[256];
        var tfBuffer = new int[256];

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxDegreeOfParallelism), CancellationToken = cancel };
        // Chunks of documents are analyzed on the pool while the previous chunk is added here, in order:
        // the adding is serial (term indices follow add order), the analysis is not.
        Task<FieldTerms[][]>? next = null;
        FieldTerms[][] AnalyzeChunk(int first)
        {
            var analyzed = new FieldTerms[Math.Min(ChunkSize, nd - first)][];
            if (options.MaxDegreeOfParallelism == 1)
                for (int i = 0; i < analyzed.Length; i++) analyzed[i] = Analyze(analyzer, words, _documents[first + i]);
            else
                Parallel.For(0, analyzed.Length, options, i => analyzed[i] = Analyze(analyzer, words, _documents[first + i]));
            return analyzed;
        }
        try
        {
            for (int first = 0; first < nd; first += ChunkSize)
            {
                cancel.ThrowIfCancellationRequested();
                int count = Math.Min(ChunkSize, nd - first);
                var chunk = next is null ? AnalyzeChunk(first) : next.GetAwaiter().GetResult();
                int following = first + ChunkSize;
                next = following < nd
                    ? options.MaxDegreeOfParallelism == 1 ? Task.FromResult(AnalyzeChunk(following)) : Task.Run(() => AnalyzeChunk(following), cancel)
                    : null;

                // lunr.Builder.add, in add order: term indices, postings, field lengths, and where each field vector goes
                // (one element for each distinct term: the documents the term's posting gains).
                for (int i = 0; i < count; i++)
                {
                    int doc = first + i;
                    var fieldTerms = chunk[i];
                    for (int f = 0; f < nf; f++)
                    {
                        var (tokens, _, length) = fieldTerms[f];
                        int fieldRef = doc * nf + f;
                        fieldLengths[fieldRef] = length;
                        lengthSums[f] += length;
                        int distinct = 0;
                        foreach (var term in tokens)
                        {
                            if (term.Id < 0)
                            {
                                term.Id = terms.Count;
                                terms.Add(term);
                            }
                            ref var posting = ref term.Postings[f];
                            if (posting.Count == 0 || posting.Last != doc)
                            {
                                posting.Add(doc);
                                distinct++;
                            }
                        }
                        vectorStart[fieldRef + 1] = vectorStart[fieldRef] + distinct;
                    }
                }
                // The term frequencies, each field vector in its place: a document at a time, on every thread.
                vectorTerms.Extend(vectorStart[(first + count) * nf]);
                vectorTf.Extend(vectorTerms.Count);
                if (options.MaxDegreeOfParallelism == 1)
                    for (int i = 0; i < count; i++) FieldVectors(first + i, chunk[i], vectorStart, vectorTerms.Items, vectorTf.Items, ref idBuffer, ref tfBuffer);
                else
                    Parallel.For(0, count, options, () => (Ids: new int[256], Tf: new int[256]), (i, _, buffers) =>
                    {
                        FieldVectors(first + i, chunk[i], vectorStart, vectorTerms.Items, vectorTf.Items, ref buffers.Ids, ref buffers.Tf);
                        return buffers;
                    }, _ => { });
            }
        }
        finally
        {
            // A chunk still being analyzed when the adding stopped (cancelled) is waited for: the analyzer goes with this method.
            if (next is not null) try { next.Wait(CancellationToken.None); } catch (AggregateException) { }
        }

        // lunr.idf: documentsWithTerm counts (field, document) pairs, not documents.
        var idf = new double[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            int withTerm = 0;
            foreach (var p in terms[t].Postings) withTerm += p.Count;
            double x = (nd - withTerm + 0.5) / (withTerm + 0.5);
            idf[t] = JsMath.Log(1 + Math.Abs(x));
        }

        // lunr.Builder.calculateAverageFieldLengths
        var averageLength = new double[nf];
        for (int f = 0; f < nf; f++) averageLength[f] = (double)lengthSums[f] / nd;

        // lunr.Builder.createFieldVectors: BM25 with the builder's k1 and b, boosts, 3 decimals.
        var scores = new double[vectorTerms.Count];
        double k1 = K1, b = _b;
        var vectorTermItems = vectorTerms.Items;
        var vectorTfItems = vectorTf.Items;
        // Each element on its own: the documents are shared among threads.
        Parallel.For(0, nd, options, doc =>
        {
            double docBoost = OrOne(_documents[doc].Boost);
            for (int f = 0; f < nf; f++)
            {
                int fieldRef = doc * nf + f;
                double fieldLength = fieldLengths[fieldRef];
                double fieldBoost = OrOne(_fields[f].Boost);
                for (int e = vectorStart[fieldRef]; e < vectorStart[fieldRef + 1]; e++)
                {
                    double tf = vectorTfItems[e];
                    double score = idf[vectorTermItems[e]] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (fieldLength / averageLength[f])) + tf);
                    score *= fieldBoost;
                    score *= docBoost;
                    scores[e] = JsNumber.Round(score * 1000) / 1000;
                }
            }
        });

        return new LunrIndex(
            Array.ConvertAll(_fields, f => f.Name),
            _documents.ConvertAll(d => d.Ref).ToArray(),
            terms.ToArray(),
            vectorStart,
            vectorTerms.Trimmed(),
            scores);
    }

    /// <param name="words">The vocabulary's terms, by number.</param>
    private FieldTerms[] Analyze(TermAnalyzer analyzer, Term[] words, Pending document)
    {
        var result = new FieldTerms[_fields.Length];
        for (int f = 0; f < _fields.Length; f++)
        {
            if (document.Numbered is { } numbered)
            {
                var field = numbered[f] ?? NumberedText.Empty;
                var terms = new Term[field.Words.Length];
                for (int j = 0; j < terms.Length; j++) terms[j] = words[field.Words[j]];
                result[f] = new FieldTerms(terms, field.Counts, field.Length);
                continue;
            }
            if (document.Analyzed is { } analyzed)
            {
                var field = analyzed[f] ?? AnalyzedText.Empty;
                result[f] = new FieldTerms(Array.ConvertAll(field.Terms, analyzer.TermOf), field.Counts, field.Length);
                continue;
            }
            document.Texts!.Fields.TryGetValue(_fields[f].Name, out var value);
            var tokens = analyzer.Analyze(value);
            result[f] = new FieldTerms(tokens, null, tokens.Length);
        }
        return result;
    }

    /// <summary>
    /// Document <paramref name="doc"/>'s field vectors, each at its place in <paramref name="vectorTerms"/> and <paramref name="vectorTf"/>:
    /// lunr.Vector keeps elements sorted by term index, the frequencies of a term summed.
    /// </summary>
    /// <param name="ids">A buffer, grown when too small; with <paramref name="tf"/>, of the same length.</param>
    private static void FieldVectors(int doc, FieldTerms[] fields, int[] vectorStart, int[] vectorTerms, int[] vectorTf, ref int[] ids, ref int[] tf)
    {
        for (int f = 0; f < fields.Length; f++)
        {
            var (tokens, counts, _) = fields[f];
            if (ids.Length < tokens.Length)
            {
                ids = new int[Math.Max(tokens.Length, ids.Length * 2)];
                tf = new int[ids.Length];
            }
            for (int j = 0; j < tokens.Length; j++)
            {
                ids[j] = tokens[j].Id;
                tf[j] = counts is null ? 1 : counts[j];
            }
            var sortedIds = ids.AsSpan(0, tokens.Length);
            var sortedTf = tf.AsSpan(0, tokens.Length);
            sortedIds.Sort(sortedTf);
            int e = vectorStart[doc * fields.Length + f];
            for (int j = 0; j < sortedIds.Length;)
            {
                int k = j + 1, sum = sortedTf[j];
                while (k < sortedIds.Length && sortedIds[k] == sortedIds[j]) sum += sortedTf[k++];
                vectorTerms[e] = sortedIds[j];
                vectorTf[e++] = sum;
                j = k;
            }
        }
    }

    // lunr reads boosts as `attributes.boost || 1`.
    private static double OrOne(double boost) => boost == 0 || double.IsNaN(boost) ? 1 : boost;
}
