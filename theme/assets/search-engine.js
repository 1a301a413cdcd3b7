// DigestSite's search engine: everything the search page and the header box ask of the index,
// wherever it runs — in a Web Worker (search-worker.js), in the page itself where workers are
// unavailable, or in node for tests. lunr.js ranks; around it, this adds:
//  - the query lunr reads for what the reader typed: quoted phrases ("instruction tuning") and
//    hyphenated model names (GPT-4, Llama-3-8B, which lunr's tokenizer splits) become required
//    words, which the page then checks against the text it shows; and, while typing, the last
//    plain word also matches as a prefix;
//  - recovery when a query finds nothing, each step only when the one before found nothing too:
//    stemmed wildcards, near terms ("Did you mean"), an automatic fuzzy query;
//  - filters and facet counts (topic, year, author) over all matches, and the newest-first sort.
// For every query that finds something, lunr's refs, order and scores are passed on untouched
// (the relevance sort is lunr's order).
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.DigestSearchEngine = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // A Map of promises, each made once; a failed one is dropped so that the next call tries again.
  function cached(make) {
    const cache = new Map();
    return (key) => {
      let value = cache.get(key);
      if (!value) {
        value = make(key);
        cache.set(key, value);
        value.catch(() => cache.delete(key));
      }
      return value;
    };
  }

  /**
   * Opens the index: the split form (search/split/, see search-shards.js) when it was written for
   * this lunr.js version, else the whole index.json and docs.json. getJson(url, signal): a promise
   * of the parsed JSON (signal: an optional AbortSignal); urls: { split, index, docs } (split ends with a slash).
   */
  async function open(lunr, Shards, getJson, urls) {
    const [base, authors] = await Promise.all([
      getJson(urls.split + "base.json"),
      getJson(urls.split + "authors.json").catch(() => null), // only the author facet needs it
    ]);
    const source = base.version === lunr.version
      ? splitSource(lunr, Shards, base, authors, getJson, urls.split)
      : await wholeSource(lunr, getJson, urls);
    return engine(lunr, source);
  }

  // What the engine reads, per paper number (the index's ref order): ref, issue date, topics
  // (indexes into topicNames), authors (indexes into authors.names); and the index itself.
  function splitSource(lunr, Shards, base, authorsFile, getJson, splitUrl) {
    const split = Shards.open(lunr, base, (name, signal) => getJson(splitUrl + name, signal));
    const site = base.site;
    const docFile = cached((n) => getJson(splitUrl + "d" + n + ".json"));
    const textFile = cached((n) => getJson(splitUrl + "t" + n + ".json"));
    return {
      refs: base.refs,
      dates: site.date.map((d) => site.dates[d]),
      topicNames: site.topicNames,
      topics: site.topics.map((t) => (typeof t === "number" ? [t] : t)),
      authors: authorsFile && paperAuthors(authorsFile.names, authorsFile.papers, base.refs.length),
      search: split.search,
      tokenSet: split.tokenSet,
      hasTerm: split.hasTerm,
      documentFrequency: split.documentFrequency,
      doc: (i) => docFile(Math.floor(i / site.docsPerFile)).then((docs) => docs[i % site.docsPerFile]),
      summary: (i) => textFile(Math.floor(i / site.docsPerFile)).then((texts) => texts[i % site.docsPerFile]),
    };
  }

  // authors.json lists, per author of two papers or more, their paper numbers (delta-coded).
  function paperAuthors(names, papersByName, count) {
    const byPaper = Array.from({ length: count }, () => []);
    papersByName.forEach((list, author) => {
      for (let k = 0, paper = 0; k < list.length; k++) byPaper[paper += list[k]].push(author);
    });
    return { names, byPaper };
  }

  async function wholeSource(lunr, getJson, urls) {
    const [index, docs] = await Promise.all([getJson(urls.index), getJson(urls.docs)]);
    const idx = lunr.Index.load(index);
    const refs = [...new Set(index.fieldVectors.map(([key]) => key.slice(key.indexOf("/") + 1)))];
    const topicNames = [...new Set(refs.flatMap((r) => docs[r].topics))].sort();
    const topicNumbers = new Map(topicNames.map((t, i) => [t, i]));
    // As authors.json: authors of two papers or more, by their page's name (people: given where a paper prints an alias).
    const authorsOf = refs.map((r) => [...new Set(docs[r].people || docs[r].authors.split(", "))]);
    const papersBy = new Map();
    for (const name of authorsOf.flat()) papersBy.set(name, (papersBy.get(name) || 0) + 1);
    const names = [...papersBy.keys()].filter((n) => papersBy.get(n) > 1).sort();
    const nameNumbers = new Map(names.map((n, i) => [n, i]));
    const has = (term) => Object.prototype.hasOwnProperty.call(idx.invertedIndex, term);
    return {
      refs,
      dates: refs.map((r) => docs[r].date),
      topicNames,
      topics: refs.map((r) => docs[r].topics.map((t) => topicNumbers.get(t))),
      authors: { names, byPaper: authorsOf.map((list) => list.filter((n) => nameNumbers.has(n)).map((n) => nameNumbers.get(n))) },
      search: (query, wanted) => Promise.resolve().then(() => (wanted && !wanted()
        ? null
        : idx.search(query).map(({ ref, score, matchData }) => ({ ref, score, terms: Object.keys(matchData.metadata) })))),
      tokenSet: idx.tokenSet,
      hasTerm: has,
      documentFrequency: (term) => (has(term) ? new Set(idx.fields.flatMap((f) => Object.keys(idx.invertedIndex[term][f]))).size : 0),
      doc: (i) => Promise.resolve(docs[refs[i]]),
      summary: null, // docs.json has the excerpts only
    };
  }

  function engine(lunr, source) {
    const numbers = new Map(source.refs.map((ref, i) => [ref, i]));
    const years = source.dates.map((d) => d.slice(0, 4));
    const stem = (word) => lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
    const isStopWord = (word) => !lunr.stopWordFilter(new lunr.Token(word.toLowerCase()));

    // --- The query lunr runs for what the reader typed. ---

    // A quoted phrase of two words or more, standing alone (title:"…" is left to lunr).
    const PHRASE = /(^|\s)"([^"]*)"(?=$|\s)/g;
    // A hyphenated name with a digit in it (GPT-4, Llama-3-8B; not fine-tuning), optionally
    // required and in one field, with nothing after it (no *, ~ or ^).
    const NAME = /(^|\s)(\+?)((?:[\p{L}\p{N}_]+:)?)([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+)(?=$|\s)/gu;

    function prepare(text) {
      const phrases = [], names = [];
      let query = text.replace(PHRASE, (all, space, inner) => {
        const words = inner.match(/[\p{L}\p{N}]+/gu) || [];
        if (words.length < 2) return space + words.join("");
        phrases.push(words.join(" ").toLowerCase());
        return space + required(words, "");
      });
      query = query.replace(NAME, (all, space, plus, field, name) => {
        if (!/\p{N}/u.test(name)) return all;
        names.push(name);
        return space + required(name.split("-"), field);
      });
      return { query: withPrefix(query), phrases, names };
    }

    // Each word as a required term, but stop words, which the index never holds ("chain of thought"
    // would find nothing with +of); the shown-text check still reads the whole phrase.
    function required(words, field) {
      return words.filter((w) => !isStopWord(w)).map((w) => "+" + field + w).join(" ");
    }

    // While typing, the last word also matches as a prefix: "transf" finds "transformer".
    // Only for a plain last word: field, boost, fuzzy, wildcard and +/- terms are left as written.
    // And only from three letters on: "r*" would read the postings of every term starting with r
    // (a large part of the index) for results no one reads.
    function withPrefix(text) {
      const words = text.trim().split(/\s+/);
      const last = words[words.length - 1] || "";
      if (!/^[\p{L}\p{N}]{3,}$/u.test(last)) return text;
      return text + " " + last + "*";
    }

    // --- Recovery from zero results: each step rewrites the reader's words, or gives null. ---

    // Calls change(word) for each term the reader typed (quotes around it set aside) that
    // is not excluded (-term) and has no edit distance of its own; a string it returns replaces the word.
    async function rewrite(text, kind, change) {
      const lexer = new lunr.QueryLexer(text);
      lexer.run();
      const lexemes = lexer.lexemes;
      const changes = [];
      let out = "", at = 0;
      for (let i = 0; i < lexemes.length; i++) {
        const lexeme = lexemes[i];
        if (lexeme.type !== lunr.QueryLexer.TERM) continue;
        if (i > 0 && lexemes[i - 1].type === lunr.QueryLexer.PRESENCE && lexemes[i - 1].str === "-") continue;
        if (lexemes[i + 1] && lexemes[i + 1].type === lunr.QueryLexer.EDIT_DISTANCE) continue;
        const [, open, word, close] = /^("?)(.*?)("?)$/.exec(lexeme.str);
        const replacement = await change(word);
        if (replacement == null || replacement === word) continue;
        changes.push({ from: word, to: replacement });
        out += text.slice(at, lexeme.start) + open + replacement + close;
        at = lexeme.end;
      }
      return changes.length ? { kind, text: out + text.slice(at), changes } : null;
    }

    // distill* finds nothing (the index holds stems: "distil"), so distil* is tried.
    const stemmedWildcards = (text) => rewrite(text, "stem", (word) => {
      const m = /^([\p{L}\p{N}]+)\*$/u.exec(word);
      return m ? stem(m[1]) + "*" : null;
    });

    // A word whose stem the index lacks becomes the index term within 1 edit (2 from five letters
    // on; insertions, deletions, substitutions and swaps, as lunr's fuzzy matching counts them)
    // that most papers hold: retreival -> retrieval.
    const nearTerms = (text) => rewrite(text, "near", (word) => {
      if (!isWord(word)) return null;
      const typed = stem(word);
      if (source.hasTerm(typed)) return null;
      const distance = word.length >= 5 ? 2 : 1;
      const near = source.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(typed, distance)).toArray()
        .map((term) => ({ term, edits: editDistance(typed, term) }))
        .filter((c) => c.edits <= distance);
      if (!near.length) return null;
      const fewest = Math.min(...near.map((c) => c.edits));
      const closest = near.filter((c) => c.edits === fewest).map((c) => ({ term: c.term, papers: source.documentFrequency(c.term) }));
      closest.sort((a, b) => b.papers - a.papers || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      return surfaceWord(word.toLowerCase(), typed, closest[0].term);
    });

    // The index holds stems ("retriev"); the reader should see a word. Of the chosen stem with the
    // typed word's ending (retreival -> retrieval) and the stem alone (modle -> model), the one
    // that stems back to it and is closest to what was typed (then the shorter).
    function surfaceWord(typed, typedStem, chosen) {
      const ending = typed.startsWith(typedStem) ? typed.slice(typedStem.length) : "";
      const words = [chosen, chosen + ending].filter((w) => stem(w) === chosen);
      words.sort((a, b) => editDistance(typed, a) - editDistance(typed, b) || a.length - b.length);
      return words[0] || chosen;
    }

    // Every word becomes fuzzy (~1, ~2 from six letters on): close spellings of all of them.
    const fuzzy = (text) => rewrite(text, "fuzzy", (word) => (isWord(word) ? word + "~" + (word.length >= 6 ? 2 : 1) : null));

    // Near terms and fuzzy matching are for words of three letters or more that are not stop
    // words; numbers are left as typed (123 is not a typo of 103).
    function isWord(word) {
      return /^[\p{L}\p{N}]{3,}$/u.test(word) && /\p{L}/u.test(word) && !isStopWord(word);
    }

    const recoverySteps = [stemmedWildcards, nearTerms, fuzzy];

    // --- Searching. ---

    async function attempt(text, wanted) {
      const prepared = prepare(text);
      let hits;
      try {
        hits = await source.search(prepared.query, wanted);
      } catch (e) {
        if (e instanceof lunr.QueryParseError) return { text, ...prepared, error: e.message, hits: [] };
        throw e;
      }
      return hits && { text, ...prepared, error: null, hits };
    }

    /**
     * request: { text, topic: [names], year: ["2026"], author: [names], from, to (YYYY-MM-DD),
     * sort: "newest" or relevance, show: how many results the page draws first }. A promise of
     * the answer, or of null when wanted() turned false (a newer request replaced this one) before
     * lunr ran. The display entries of the first `show` results are fetched at once, before the
     * page asks for them (they are cached), so that drawing them waits one round trip less.
     */
    async function search(request, wanted) {
      const text = (request.text || "").trim();
      if (!text) return answer({ text, query: "", phrases: [], names: [], error: null, hits: [] }, null, request);
      let found = await attempt(text, wanted);
      if (!found) return null;
      let recovery = null;
      if (!found.error && found.hits.length === 0) {
        for (const step of recoverySteps) {
          if (wanted && !wanted()) return null;
          const alternative = await step(text);
          if (!alternative) continue;
          const tried = await attempt(alternative.text, wanted);
          if (!tried) return null;
          if (!tried.error && tried.hits.length) {
            found = tried;
            recovery = alternative;
            break;
          }
        }
      }
      const answered = answer(found, recovery, request);
      if (request.show) docs(answered.numbers.slice(0, request.show)).catch(() => {}); // the page asks again, and reports a failure
      return answered;
    }

    const docs = (papers) => Promise.all(Array.from(papers, source.doc));

    // The matches after the filters, sorted, with the facet counts. Each facet counts the matches
    // that pass every other facet's filter (and the date range), so that its other values show
    // what choosing them instead would give; values of one facet combine with "or".
    function answer(found, recovery, request) {
      const { hits } = found;
      const selected = (values) => new Set(values || []);
      const topicWanted = selected(request.topic), yearWanted = selected(request.year), authorWanted = selected(request.author);
      const topicFilter = new Set(source.topicNames.map((n, i) => [n, i]).filter(([n]) => topicWanted.has(n)).map(([, i]) => i));
      const authors = source.authors;
      const authorFilter = new Set(authors ? authors.names.map((n, i) => [n, i]).filter(([n]) => authorWanted.has(n)).map(([, i]) => i) : []);
      const from = request.from || "", to = request.to || "";

      // Counted in arrays by topic and author number: tens of thousands of additions for a broad query.
      const topicCounts = new Int32Array(source.topicNames.length), yearCounts = new Map();
      const authorCounts = new Int32Array(authors ? authors.names.length : 0);
      const kept = [];
      const paperOf = new Int32Array(hits.length);
      for (let i = 0; i < hits.length; i++) {
        const paper = paperOf[i] = hits[i].number ?? numbers.get(hits[i].ref);
        const date = source.dates[paper];
        if ((from && date < from) || (to && date > to)) continue;
        const topicOk = !topicWanted.size || source.topics[paper].some((t) => topicFilter.has(t));
        const yearOk = !yearWanted.size || yearWanted.has(years[paper]);
        const authorOk = !authorWanted.size || !authors || authors.byPaper[paper].some((a) => authorFilter.has(a));
        if (yearOk && authorOk) for (const t of source.topics[paper]) topicCounts[t]++;
        if (topicOk && authorOk) yearCounts.set(years[paper], (yearCounts.get(years[paper]) || 0) + 1);
        if (topicOk && yearOk && authors) for (const a of authors.byPaper[paper]) authorCounts[a]++;
        if (topicOk && yearOk && authorOk) kept.push(i);
      }
      if (request.sort === "newest") {
        const date = (i) => source.dates[paperOf[i]];
        kept.sort((a, b) => (date(a) > date(b) ? -1 : date(a) < date(b) ? 1 : a - b));
      }

      // Matched terms, for highlighting: most results share a few sets, so they travel once.
      const termSets = [], termSetOf = new Map();
      const result = {
        refs: new Array(kept.length),
        numbers: new Int32Array(kept.length),
        scores: new Float64Array(kept.length),
        termSet: new Int32Array(kept.length),
      };
      kept.forEach((i, k) => {
        const hit = hits[i];
        const terms = hit.terms;
        // Keyed by the list itself first: the split index gives the results that share a set one list.
        let set = termSetOf.get(terms);
        if (set === undefined) {
          const key = terms.join(" ");
          set = termSetOf.get(key);
          if (set === undefined) termSetOf.set(key, set = termSets.push(terms) - 1);
          termSetOf.set(terms, set);
        }
        result.refs[k] = hit.ref;
        result.numbers[k] = paperOf[i];
        result.scores[k] = hit.score;
        result.termSet[k] = set;
      });

      const nonZero = (counts) => [...counts.entries()].filter(([, count]) => count > 0);
      const facet = (counts, name, wanted, order) => {
        const values = nonZero(counts).map(([key, count]) => ({ value: name(key), count }));
        for (const value of wanted) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
        values.forEach((v) => { v.selected = wanted.has(v.value); });
        return values.sort(order);
      };
      const byCount = (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      const authorValues = authors && facet(authorCounts, (a) => authors.names[a], authorWanted, byCount);
      return {
        text: found.text,
        query: found.query,
        error: found.error,
        recovery,
        phrases: found.phrases,
        names: found.names,
        total: hits.length,
        count: kept.length,
        ...result,
        termSets,
        facets: {
          topic: facet(topicCounts, (t) => source.topicNames[t], topicWanted, byCount),
          year: facet(yearCounts, (y) => y, yearWanted, (a, b) => (a.value < b.value ? 1 : -1)),
          // The ten authors with most matches, and any chosen one.
          author: authorValues && authorValues.filter((v, i) => i < 10 || v.selected),
        },
      };
    }

    return {
      search,
      /** A promise of the display entries (title, url, date, authors, topics, excerpt) of these paper numbers. */
      docs,
      /** A promise of the whole summaries' plain text of these paper numbers (null without the split index). */
      summaries: (papers) => (source.summary ? Promise.all(Array.from(papers, source.summary)) : Promise.resolve(null)),
      meta: { papers: source.refs.length, authors: !!source.authors, summaries: !!source.summary },
    };
  }

  // Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
  // neighbours cost 1, as lunr.TokenSet.fromFuzzyString counts them.
  function editDistance(a, b) {
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i].push(d);
      }
    }
    return rows[a.length][b.length];
  }

  return { open, editDistance };
});
