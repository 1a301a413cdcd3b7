// DigestSite's split search index: per query, reads only the postings that query needs from the
// files the build writes in search/split/ (src/DigestSite.Core/Search/LunrSplit.cs describes them),
// so that a search fetches a small base file and a few postings shards instead of the whole index,
// and answers with the same refs, in the same order, with the same scores as
// lunr.Index.load(index.json).search(query). lunr.js parses and expands the query (its query
// parser, pipeline and token set); search() then does lunr.Index.prototype.query's arithmetic on
// the postings directly (score(), below), which the equality tests compare with lunr.js to the last
// bit (tests/DigestSite.Build.Tests/Search/split-equality.js). The rare queries it leaves to lunr.js
// run on a lunr.Index assembled from the same postings (index(), below).
//
// Why the assembled index is exact (lunr 2.3.9, lunr.Index.prototype.query): a query reads
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
   * Opens the split index. lunr: the lunr object; base: the parsed base.json; load(name, signal):
   * a promise of the parsed JSON of split/<name> ("p3.json"), called at most once per file while
   * it succeeds (the shards are cached for the session); signal, an AbortSignal, stops a fetch
   * that only abandoned searches wait for (see search()).
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
    const shards = new Map(); // shard number -> { postings: a promise, loading: its AbortController while it loads }
    if (base.inline) base.inline.forEach((shard, s) => shards.set(s, { postings: Promise.resolve(shard), loading: null }));

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
        const loading = typeof AbortController === "function" ? new AbortController() : null;
        shard = { postings: Promise.resolve().then(() => load("p" + s + ".json", loading && loading.signal)), loading };
        const entry = shard;
        entry.postings.then(() => { entry.loading = null; }, () => {
          if (shards.get(s) === entry) shards.delete(s); // a failed fetch is tried again by the next query
        });
        shards.set(s, entry);
      }
      return shard.postings;
    }

    // Stops the fetches of shards other than these: the searches that wait for them were replaced
    // by the newest one, whose own fetches would otherwise queue behind them (a browser fetches a
    // few files at a time). Stopped shards are fetched again when a later search needs them.
    function stopLoadsBut(needed) {
      for (const [s, shard] of shards) {
        if (shard.loading && !needed.has(s)) {
          shard.loading.abort();
          shards.delete(s);
        }
      }
    }

    // A term's documents per field, as numbers with their weights, in the order lunr reads them: the
    // keys of its inverted index entry, which is the serialized order (index.json is as lunr's
    // JSON.stringify wrote it, keys in Object.keys order: refs that are array indexes first).
    // Made once per session, for score().
    const decodedTerms = new Map();
    function decoded(n, posting) {
      let term = decodedTerms.get(n);
      if (term) return term;
      const perField = [];
      for (let f = 0; f < fields.length; f++) {
        const list = posting[f + 1];
        const docs = new Int32Array(list.length / 2), docWeights = new Float64Array(list.length / 2);
        for (let k = 0, doc = 0; k < list.length; k += 2) {
          docs[k / 2] = doc += list[k];
          docWeights[k / 2] = list[k + 1] / 1000; // the very double lunr stored (checked by the build)
        }
        perField.push({ docs, docWeights });
      }
      decodedTerms.set(n, term = { termIndex: posting[0], fields: perField });
      return term;
    }

    // A term's inverted index entry as lunr.Index.load makes it, and per field the "field/ref" keys
    // and weights of its documents in the serialized order: for the lunr.Index of index(), made
    // once per session (lunr only reads them).
    const lunrTerms = new Map();
    function lunrTerm(n, posting) {
      let term = lunrTerms.get(n);
      if (term) return term;
      const entry = { _index: posting[0] };
      const perField = [];
      for (let f = 0; f < fields.length; f++) {
        const field = fields[f], list = posting[f + 1], refsInField = {};
        const keys = new Array(list.length / 2), weights = new Array(list.length / 2);
        for (let k = 0, doc = 0; k < list.length; k += 2) {
          doc += list[k];
          const ref = refs[doc];
          setKey(refsInField, ref, {});
          keys[k / 2] = field + "/" + ref;
          weights[k / 2] = list[k + 1] / 1000;
        }
        entry[field] = refsInField;
        perField.push({ keys, weights });
      }
      lunrTerms.set(n, term = { termIndex: posting[0], entry, fields: perField });
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
        const term = lunrTerm(n, posting);
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

    // What lunr.Index.prototype.query does for queryString before it reads postings: each clause
    // with, per term the pipeline makes of it, the numbers of the terms it expands to. Throws
    // lunr.QueryParseError.
    function plan(queryString) {
      const query = new lunr.Query(fields);
      new lunr.QueryParser(queryString, query).parse();
      const clauses = query.clauses.map((clause) => {
        const clauseTerms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        const expansions = clauseTerms.map((term) => {
          clause.term = term; // as query() does: the clause, with this term
          return tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray().map((t) => termNumbers.get(t));
        });
        return { clause, fieldNumbers: clause.fields.map((f) => fields.indexOf(f)), expansions };
      });
      // lunr runs a query of prohibited terms only against every document, and fails (TypeError) on
      // a required clause the pipeline drops entirely (a stop word) with no required clause before
      // it: both rare, and left to lunr itself on the assembled index.
      const byLunr = query.isNegated()
        || clauses.some((c) => c.clause.presence === lunr.Query.presence.REQUIRED && c.expansions.length === 0);
      return { clauses, byLunr };
    }

    // lunr.Index.prototype.query's arithmetic, read from the postings: the same results in the same
    // order with the same scores, to the last bit, and the same matched terms (in the order of
    // Object.keys(matchData.metadata)). lunr itself would need a lunr.Index of field vectors and a
    // MatchData object and "field/ref" string per match, which took most of a broad query's time.
    //  - a field ref (field f, document d) is the number f * documents + d;
    //  - lunr.Set is a Uint8Array over documents, or COMPLETE, or undefined (no such set yet);
    //  - the dot product of a field's query vector with a document's field vector sums, in term
    //    index order from 0, query weight times document weight over the terms both hold: added
    //    here term by term (in term index order) into one sum per document.
    function score({ clauses }, postingOf) {
      const documents = refs.length;
      const COMPLETE = "complete";
      const required = new Array(fields.length), prohibited = new Array(fields.length);
      const queryVectors = fields.map(() => new lunr.Vector());
      const termAt = new Map(); // term index -> term number
      const termFieldSeen = new Set();
      const fieldRefs = [], termLists = []; // in lunr's matchingFields order: each field ref and its matched term numbers
      const slotOf = new Int32Array(fields.length * documents); // field ref -> 1 + its place in fieldRefs, or 0

      for (const { clause, fieldNumbers, expansions } of clauses) {
        const isRequired = clause.presence === lunr.Query.presence.REQUIRED;
        const isProhibited = clause.presence === lunr.Query.presence.PROHIBITED;
        const clauseMatches = isRequired ? new Uint8Array(documents) : null;
        for (const expanded of expansions) {
          if (expanded.length === 0 && isRequired) {
            for (const f of fieldNumbers) required[f] = new Uint8Array(documents);
            break;
          }
          for (const n of expanded) {
            const term = postingOf(n);
            termAt.set(term.termIndex, n);
            for (const f of fieldNumbers) {
              const { docs } = term.fields[f];
              if (isRequired) {
                for (let i = 0; i < docs.length; i++) clauseMatches[docs[i]] = 1;
                if (required[f] === undefined) required[f] = COMPLETE;
              }
              if (isProhibited) {
                const set = prohibited[f] || (prohibited[f] = new Uint8Array(documents));
                for (let i = 0; i < docs.length; i++) set[docs[i]] = 1;
                continue;
              }
              queryVectors[f].upsert(term.termIndex, clause.boost, (a, b) => a + b);
              const termField = n * fields.length + f;
              if (termFieldSeen.has(termField)) continue;
              termFieldSeen.add(termField);
              for (let i = 0; i < docs.length; i++) {
                const fieldRef = f * documents + docs[i];
                const slot = slotOf[fieldRef];
                if (slot) termLists[slot - 1].push(n);
                else { slotOf[fieldRef] = fieldRefs.push(fieldRef); termLists.push([n]); }
              }
            }
          }
        }
        if (isRequired) {
          for (const f of fieldNumbers) required[f] = intersect(required[f], clauseMatches);
        }
      }

      let allRequired = COMPLETE;
      const anyProhibited = new Uint8Array(documents);
      for (let f = 0; f < fields.length; f++) {
        if (required[f]) allRequired = intersect(allRequired, required[f]);
        if (prohibited[f]) for (let d = 0; d < documents; d++) anyProhibited[d] |= prohibited[f][d];
      }

      const dots = fields.map((field, f) => {
        const sums = new Float64Array(documents);
        const elements = queryVectors[f].elements;
        for (let e = 0; e < elements.length; e += 2) {
          const { docs, docWeights } = postingOf(termAt.get(elements[e])).fields[f];
          const weight = elements[e + 1];
          for (let i = 0; i < docs.length; i++) sums[docs[i]] += weight * docWeights[i];
        }
        return sums;
      });
      const magnitudes = queryVectors.map((v) => v.magnitude());

      const results = [], resultOf = new Int32Array(documents); // document -> 1 + its place in results, or 0
      for (let k = 0; k < fieldRefs.length; k++) {
        const fieldRef = fieldRefs[k];
        const f = Math.floor(fieldRef / documents), d = fieldRef - f * documents;
        if (allRequired !== COMPLETE && !allRequired[d]) continue;
        if (anyProhibited[d]) continue;
        const fieldScore = dots[f][d] / magnitudes[f] || 0;
        if (resultOf[d]) {
          const result = results[resultOf[d] - 1];
          result.score += fieldScore;
          result.termNumbers.push(...termLists[k]);
        } else {
          resultOf[d] = results.push({ ref: refs[d], number: d, score: fieldScore, termNumbers: termLists[k] });
        }
      }
      results.sort((a, b) => b.score - a.score);
      const termSets = new Map(); // most results share a few lists of matched terms
      return results.map(({ ref, number, score, termNumbers }) => {
        const key = termNumbers.join();
        let terms = termSets.get(key);
        if (!terms) termSets.set(key, terms = matchedTerms(termNumbers));
        return { ref, number, score, terms };
      });
    }

    function intersect(a, b) {
      if (a === "complete") return b;
      if (b === "complete") return a;
      const both = new Uint8Array(a.length);
      for (let d = 0; d < a.length; d++) both[d] = a[d] & b[d];
      return both;
    }

    // The keys of lunr's matchData.metadata: each term once, in order, then as a JavaScript object
    // orders its keys (array-index terms such as "4" first, by value).
    function matchedTerms(termNumbers) {
      const metadata = Object.create(null);
      for (const n of termNumbers) metadata[terms[n]] = true;
      return Object.keys(metadata);
    }

    /**
     * A promise of lunr's results for queryString, as [{ ref, score, terms }] (terms: the
     * matched terms, as Object.keys(result.matchData.metadata) lists them; and number, the ref's
     * place in base.refs, except for the rare queries left to lunr.js). Rejects with
     * lunr.QueryParseError. With wanted(), a query no longer wanted once its shards are here (the
     * reader typed on) resolves to null without running; and, being the newest search when it
     * starts, it stops the fetches of shards it does not need.
     */
    async function search(queryString, wanted) {
      const planned = plan(queryString);
      if (planned.byLunr) {
        let idx;
        try {
          idx = await index(queryString);
        } catch (e) {
          if (wanted && !wanted()) return null; // its fetches were stopped for a newer search
          throw e;
        }
        if (wanted && !wanted()) return null;
        return idx.search(queryString).map(({ ref, score, matchData }) => ({ ref, score, terms: Object.keys(matchData.metadata) }));
      }
      const numbers = [...new Set(planned.clauses.flatMap((c) => c.expansions.flat()))];
      const needed = new Set(numbers.map(shardOf));
      if (wanted) stopLoadsBut(needed); // a search that can be replaced is the newest when it starts
      let loaded;
      try {
        loaded = await Promise.all([...needed].map((s) => loadShard(s).then((shard) => [s, shard])));
      } catch (e) {
        if (wanted && !wanted()) return null; // its fetches were stopped for a newer search
        throw e;
      }
      if (wanted && !wanted()) return null;
      const byShard = new Map(loaded);
      const postingOf = (n) => {
        const shard = byShard.get(shardOf(n));
        return decoded(n, shard.postings[n - shard.first]);
      };
      return score(planned, postingOf);
    }

    return {
      base,
      refs,
      terms,
      tokenSet,
      hasTerm: (term) => termNumbers.has(term),
      /** How many papers hold term, in any field (0 for a term the index lacks): from the base, no shard fetched. */
      documentFrequency: (term) => (termNumbers.has(term) ? base.frequencies[termNumbers.get(term)] : 0),
      search,
    };
  }

  return { open, decodeTerms, FORMAT };
});
