// DigestSite's split search index: per query, assembles a lunr.Index holding only what that query
// reads, from the files the build writes in search/split/ (src/DigestSite.Core/Search/LunrSplit.cs
// describes them), so that a search fetches a small base file and a few postings shards instead
// of the whole index. The assembled index gives the same refs, in the same order, with the same
// scores as lunr.Index.load(index.json): lunr.js itself runs the query.
//
// Why this is exact (lunr 2.3.9, lunr.Index.prototype.query): a query reads
//  - this.tokenSet, to expand each clause (wildcards, fuzzy, prefixes): built here from every term,
//    in the same order as Index.load builds it;
//  - this.invertedIndex[term] for the expanded terms only: _index, and per field the refs, whose
//    key order decides the order of equal scores (inserted here in the serialized order, so a JS
//    object orders them as JSON.parse does);
//  - this.fieldVectors["field/ref"] for each field/ref it matched, only through
//    queryVector.similarity(fieldVector) = dot(queryVector, fieldVector) / queryVector.magnitude():
//    the dot product sums, in term index order, only the elements whose term index is in the query
//    vector, and the magnitude is the query vector's, never the document's. So each document field
//    vector holds here just the (term index, weight) pairs of the expanded terms it contains;
//  - for a query of prohibited terms only, every key of this.fieldVectors in order, each scored 0.
//
// Works in the browser (window.DigestSearchShards) and in node (require), where the equality tests
// compare it with the full index.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.DigestSearchShards = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const FORMAT = "digestsite-lunr-split/1";

  // Terms are front-coded: one base-36 digit for the code units shared with the previous term, then the rest.
  function decodeTerms(coded) {
    const terms = new Array(coded.length);
    let previous = "";
    for (let i = 0; i < coded.length; i++) {
      const entry = coded[i];
      previous = terms[i] = previous.slice(0, parseInt(entry[0], 36)) + entry.slice(1);
    }
    return terms;
  }

  // A posting's refs as an object's keys, in the order given; a ref "__proto__" stays an own key, as JSON.parse makes it.
  function setKey(object, key, value) {
    if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    else object[key] = value;
  }

  /**
   * Opens the split index. lunr: the lunr object; base: the parsed base.json; load(name): a
   * promise of the parsed JSON of split/<name> ("p3.json"), called at most once per file while
   * it succeeds (the shards are cached for the session).
   */
  function open(lunr, base, load) {
    if (base.format !== FORMAT) throw new Error("search index: unknown format " + base.format);
    const terms = decodeTerms(base.terms);
    const termNumbers = new Map();
    // As lunr.Index.load: the token set from every term, inserted in the serialized (sorted) order.
    const builder = new lunr.TokenSet.Builder();
    for (let i = 0; i < terms.length; i++) {
      termNumbers.set(terms[i], i);
      builder.insert(terms[i]);
    }
    builder.finish();
    const tokenSet = builder.root;
    const pipeline = lunr.Pipeline.load(base.pipeline);
    const fields = base.fields;
    const refs = base.refs;
    const starts = base.shards;
    const shards = new Map(); // shard number -> promise of its postings
    if (base.inline) base.inline.forEach((shard, s) => shards.set(s, Promise.resolve(shard)));

    function shardOf(termNumber) {
      let lo = 0, hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= termNumber) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    function loadShard(s) {
      let shard = shards.get(s);
      if (!shard) {
        shard = Promise.resolve().then(() => load("p" + s + ".json"));
        shard.catch(() => shards.delete(s)); // a failed fetch is tried again by the next query
        shards.set(s, shard);
      }
      return shard;
    }

    // A term's inverted index entry as lunr.Index.load makes it, and per field the "field/ref" keys
    // and weights of its documents: made once per session (lunr only reads them).
    const decodedTerms = new Map();
    function decoded(n, posting) {
      let term = decodedTerms.get(n);
      if (term) return term;
      const termIndex = posting[0];
      const entry = { _index: termIndex };
      const perField = [];
      for (let f = 0; f < fields.length; f++) {
        const field = fields[f], list = posting[f + 1], refsInField = {};
        const keys = new Array(list.length / 2), weights = new Array(list.length / 2);
        for (let k = 0, doc = 0; k < list.length; k += 2) {
          doc += list[k];
          const ref = refs[doc];
          setKey(refsInField, ref, {});
          keys[k / 2] = field + "/" + ref;
          weights[k / 2] = list[k + 1] / 1000; // the very double lunr stored (checked by the build)
        }
        entry[field] = refsInField;
        perField.push({ keys, weights });
      }
      decodedTerms.set(n, term = { termIndex, entry, fields: perField });
      return term;
    }

    // The terms a query reads, as lunr.Index.prototype.query expands them, and for each the
    // fields where it scores (its non-prohibited clauses' fields). Throws lunr.QueryParseError.
    function expand(queryString) {
      const query = new lunr.Query(fields);
      new lunr.QueryParser(queryString, query).parse();
      const wanted = new Map(); // term number -> Set of scoring fields
      for (const clause of query.clauses) {
        const clauseTerms = clause.usePipeline
          ? pipeline.runString(clause.term, { fields: clause.fields })
          : [clause.term];
        for (const term of clauseTerms) {
          clause.term = term; // as query() does: the clause, with this term
          const expanded = tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
          for (const e of expanded) {
            const n = termNumbers.get(e);
            let scoring = wanted.get(n);
            if (!scoring) wanted.set(n, scoring = new Set());
            if (clause.presence !== lunr.Query.presence.PROHIBITED) for (const f of clause.fields) scoring.add(f);
          }
        }
      }
      return { wanted, negated: query.isNegated() };
    }

    /** A promise of a lunr.Index that answers queryString exactly as the full index does. */
    async function index(queryString) {
      const { wanted, negated } = expand(queryString);
      const numbers = [...wanted.keys()];
      const loaded = await Promise.all([...new Set(numbers.map(shardOf))].map((s) => loadShard(s).then((shard) => [s, shard])));
      const byShard = new Map(loaded);

      const entries = numbers.map((n) => {
        const shard = byShard.get(shardOf(n));
        return { n, posting: shard.postings[n - shard.first] };
      });
      // In term index order, so that each document vector's elements come out sorted, as lunr keeps them.
      entries.sort((a, b) => a.posting[0] - b.posting[0]);

      const invertedIndex = Object.create(null);
      const elements = new Map(); // "field/ref" -> [termIndex, weight, ...]
      for (const { n, posting } of entries) {
        const scoring = wanted.get(n);
        const term = decoded(n, posting);
        for (let f = 0; f < fields.length; f++) {
          if (!scoring.has(fields[f])) continue;
          const { keys, weights } = term.fields[f];
          for (let i = 0; i < keys.length; i++) {
            let vector = elements.get(keys[i]);
            if (!vector) elements.set(keys[i], vector = []);
            vector.push(term.termIndex, weights[i]);
          }
        }
        invertedIndex[terms[n]] = term.entry;
      }

      const fieldVectors = {};
      if (negated) {
        // Every field/ref, in the index's order (doc × field); each scores 0 against an empty query vector.
        for (const ref of refs) for (const field of fields) fieldVectors[field + "/" + ref] = new lunr.Vector([]);
      }
      for (const [key, vector] of elements) fieldVectors[key] = new lunr.Vector(vector);

      return new lunr.Index({ invertedIndex, fieldVectors, tokenSet, fields, pipeline });
    }

    /**
     * A promise of the document frequency (papers whose text holds it, in any field) of each of
     * termList's terms that the index has, as a Map: for choosing among near terms. Fetches their shards.
     */
    async function documentFrequencies(termList) {
      const numbers = termList.map((t) => termNumbers.get(t)).filter((n) => n !== undefined);
      const loaded = await Promise.all([...new Set(numbers.map(shardOf))].map((s) => loadShard(s).then((shard) => [s, shard])));
      const byShard = new Map(loaded);
      const frequencies = new Map();
      for (const n of numbers) {
        const shard = byShard.get(shardOf(n));
        const posting = shard.postings[n - shard.first];
        const docs = new Set();
        for (let f = 1; f < posting.length; f++) {
          for (let k = 0, doc = 0; k < posting[f].length; k += 2) docs.add(doc += posting[f][k]);
        }
        frequencies.set(terms[n], docs.size);
      }
      return frequencies;
    }

    return {
      base,
      refs,
      terms,
      tokenSet,
      hasTerm: (term) => termNumbers.has(term),
      documentFrequencies,
      index,
      /**
       * A promise of index(queryString).search(queryString): lunr's results. Rejects with
       * lunr.QueryParseError. With wanted(), a query no longer wanted once its shards are here
       * (the reader typed on) resolves to null without running.
       */
      search: (queryString, wanted) => index(queryString).then((idx) => (wanted && !wanted() ? null : idx.search(queryString))),
    };
  }

  return { open, decodeTerms, FORMAT };
});
