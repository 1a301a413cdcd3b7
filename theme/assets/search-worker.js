// DigestSite search in a Web Worker: search.js sends requests, this runs search-engine.js (and so
// lunr.js) here, off the page's main thread, so that typing never waits for a search.
// Messages: { id, method: "open" | "search" | "docs", args } in, { id, result } or { id, error } out.
// A search that a newer one replaced before lunr ran it answers null (it is abandoned).
"use strict";

let opened = null;
let latestSearch = 0;

function getJson(url, signal) {
  return fetch(url, { signal }).then((r) => {
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  });
}

const methods = {
  // args: { scripts: [lunr.js, search-shards.js, search-engine.js URLs], urls: { split, index, docs } }
  open(args) {
    if (!opened) {
      importScripts(...args.scripts);
      opened = DigestSearchEngine.open(lunr, DigestSearchShards, getJson, args.urls);
      opened.catch(() => { opened = null; });
    }
    return opened.then((engine) => engine.meta);
  },
  // Waits for the messages already queued first (a reader typing fast sends one search per key):
  // only the newest of them runs lunr, the others answer null.
  async search(request, id) {
    latestSearch = id;
    const engine = await opened;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const wanted = () => id === latestSearch;
    return wanted() ? engine.search(request, wanted) : null;
  },
  docs(papers) {
    return opened.then((engine) => engine.docs(papers));
  },
  summaries(papers) {
    return opened.then((engine) => engine.summaries(papers));
  },
};

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  try {
    self.postMessage({ id, result: await methods[method](args, id) });
  } catch (e) {
    self.postMessage({ id, error: (e && e.message) || String(e) });
  }
};
