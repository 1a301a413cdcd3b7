// Equality of the split search index with the full one: runs each query through
// lunr.Index.load(index.json) and through the split form assembled by theme/assets/search-shards.js
// (the code the search page runs), and compares refs, order and scores (exact doubles).
//
//   node split-equality.js LUNR_DIR SHARDS_JS SITE_SEARCH_DIR < queries.json
//
// SITE_SEARCH_DIR holds index.json and split/. stdout: {queries, results: [count per query],
// shardsFetched: [count per query], mismatches: [{query, why}], errors: [..]}.
'use strict';
const fs = require('fs');
const path = require('path');

const [lunrDir, shardsJs, dir] = process.argv.slice(2);
const lunr = require(path.resolve(lunrDir));
const shards = require(path.resolve(shardsJs));
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));

function run(search, q) {
  try {
    return { hits: search(q) };
  } catch (e) {
    if (e instanceof lunr.QueryParseError) return { error: e.message };
    throw e;
  }
}

async function main() {
  const full = lunr.Index.load(JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')));
  const base = JSON.parse(fs.readFileSync(path.join(dir, 'split', 'base.json'), 'utf8'));
  const fetched = [];
  const split = shards.open(lunr, base, async (name) => {
    fetched.push(name);
    return JSON.parse(fs.readFileSync(path.join(dir, 'split', name), 'utf8'));
  });

  const out = { queries: queries.length, results: [], shardsFetched: [], mismatches: [], errors: [] };
  for (const q of queries) {
    const expected = run((s) => full.search(s), q);
    const before = fetched.length;
    let actual;
    try {
      actual = { hits: await split.search(q) };
    } catch (e) {
      if (e instanceof lunr.QueryParseError) actual = { error: e.message };
      else { out.errors.push({ query: q, error: String(e && e.stack || e) }); continue; }
    }
    out.shardsFetched.push(fetched.length - before);
    if (expected.error !== undefined || actual.error !== undefined) {
      out.results.push(-1);
      if (expected.error !== actual.error) out.mismatches.push({ query: q, why: `errors differ: ${expected.error} vs ${actual.error}` });
      continue;
    }
    const a = expected.hits, b = actual.hits;
    out.results.push(a.length);
    if (a.length !== b.length) { out.mismatches.push({ query: q, why: `${a.length} results vs ${b.length}` }); continue; }
    for (let i = 0; i < a.length; i++) {
      if (a[i].ref !== b[i].ref || !Object.is(a[i].score, b[i].score)) {
        out.mismatches.push({ query: q, why: `#${i}: ${a[i].ref} ${a[i].score} vs ${b[i].ref} ${b[i].score}` });
        break;
      }
      const ta = Object.keys(a[i].matchData.metadata).join(' ');
      const tb = b[i].terms.join(' ');
      if (ta !== tb) { out.mismatches.push({ query: q, why: `#${i} matched terms: ${ta} vs ${tb}` }); break; }
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
