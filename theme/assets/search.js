// DigestSite search: lunr.js over the index the build wrote, entirely in the browser.
// On the search page it drives the full results view; on every other page it turns the header
// box into a quick-results popup. The index is fetched only once the reader starts searching.
(function () {
  "use strict";

  const form = document.querySelector("form.header-search");
  if (!form || typeof lunr === "undefined") return;
  const urls = form.dataset;

  // --- The engine: one load per page, shared by the page view and the popup. ---
  //
  // The index is split (search/split/, written by the build beside the whole index.json): a base
  // file with every term, the refs and each paper's date and topics, then only the postings
  // shards a query's terms need, and the text of the results shown. search-shards.js (loaded
  // from beside this script) assembles from them, per query, a lunr index that gives exactly
  // the results the whole index would; lunr.js runs the query.

  const scriptUrl = document.currentScript && document.currentScript.src;
  const splitUrl = new URL("split/", new URL(urls.searchIndex, document.baseURI)).href;

  function getJson(url) {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src + " did not load"));
      document.head.append(script);
    });
  }

  // A Map of promises, each made once; a failed one is dropped so the next search tries again.
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

  let engine = null;
  function loadEngine() {
    if (!engine) {
      const shardsCode = window.DigestSearchShards ? null : loadScript(new URL("search-shards.js", scriptUrl || location.href).href);
      engine = Promise.all([getJson(splitUrl + "base.json"), shardsCode])
        .then(([base]) => base.version === lunr.version ? splitEngine(base) : wholeEngine());
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  function splitEngine(base) {
    const split = DigestSearchShards.open(lunr, base, (name) => getJson(splitUrl + name));
    const site = base.site;
    const numbers = new Map(base.refs.map((ref, i) => [ref, i]));
    const docFile = cached((n) => getJson(splitUrl + "d" + n + ".json"));
    return {
      search: (text, wanted) => split.search(text, wanted),
      facets(ref) {
        const i = numbers.get(ref);
        if (i === undefined) return null;
        const topics = site.topics[i];
        return { date: site.dates[site.date[i]], topics: (typeof topics === "number" ? [topics] : topics).map((t) => site.topicNames[t]) };
      },
      topicNames: () => site.topicNames,
      docs: (refs) => Promise.all(refs.map((ref) => {
        const i = numbers.get(ref);
        return docFile(Math.floor(i / site.docsPerFile)).then((docs) => docs[i % site.docsPerFile]);
      })),
    };
  }

  // The split form is exact for the lunr version it was written for; with any other lunr.js the
  // page falls back to the whole index.
  function wholeEngine() {
    return Promise.all([getJson(urls.searchIndex), getJson(urls.searchDocs)]).then(([index, docs]) => {
      const idx = lunr.Index.load(index);
      return {
        search: (text) => Promise.resolve().then(() => idx.search(text)),
        facets: (ref) => docs[ref] || null,
        topicNames: () => [...new Set(Object.values(docs).flatMap((d) => d.topics))],
        docs: (refs) => Promise.resolve(refs.map((ref) => docs[ref])),
      };
    });
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

  // Every matching paper (after the filters), ranked; their text is fetched only when shown.
  // Null when wanted() says a newer search replaced this one before lunr ran it.
  async function run(loaded, text, filters, wanted) {
    let hits;
    try {
      hits = await loaded.search(withPrefix(text), wanted);
    } catch (e) {
      if (e instanceof lunr.QueryParseError) return { error: e.message, results: [] };
      throw e;
    }
    if (!hits) return null;
    const results = [];
    for (const hit of hits) {
      const facets = loaded.facets(hit.ref);
      if (!facets || !matchesFilters(facets, filters)) continue;
      results.push({ ref: hit.ref, score: hit.score, terms: new Set(Object.keys(hit.matchData.metadata)) });
    }
    return { error: null, results };
  }

  function matchesFilters(doc, filters) {
    if (!filters) return true;
    if (filters.topic && !doc.topics.includes(filters.topic)) return false;
    if (filters.from && doc.date < filters.from) return false;
    if (filters.to && doc.date > filters.to) return false;
    return true;
  }

  // The result items for results[from .. from + count), once their papers' text is here.
  async function items(loaded, results, from, count, headingLevel) {
    const shown = results.slice(from, from + count);
    const docs = await loaded.docs(shown.map((r) => r.ref));
    return shown.map((r, i) => resultItem(r, docs[i], headingLevel));
  }

  // --- Showing results: built with DOM nodes and textContent, never innerHTML, because titles
  // and names come from pull requests. ---

  // Marks the words whose lunr term (lowercased, trimmed, stemmed) matched the query.
  function highlighted(text, terms) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const term = lunr.stemmer(new lunr.Token(m[0].toLowerCase())).toString();
      const prefixHit = [...terms].some((t) => t.length >= 3 && m[0].toLowerCase().startsWith(t));
      if (!terms.has(term) && !prefixHit) continue;
      fragment.append(text.slice(last, m.index));
      const mark = document.createElement("mark");
      mark.textContent = m[0];
      fragment.append(mark);
      last = m.index + m[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  // "2026-11-10" as "10 Nov 2026", as the issue pages write it.
  const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  function shortDate(iso) {
    return dateFormat.format(new Date(iso + "T00:00:00Z"));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(result, doc, headingLevel) {
    const { terms } = result;
    const item = el("li", "search-result");
    const heading = el("h" + headingLevel);
    const link = el("a");
    link.href = doc.url;
    link.append(highlighted(doc.title, terms));
    heading.append(link);
    item.append(heading);
    const meta = el("p", "search-meta muted");
    const date = el("time", null, shortDate(doc.date));
    date.dateTime = doc.date;
    meta.append(date, " · ", highlighted(doc.authors, terms));
    item.append(meta);
    if (doc.topics.length) item.append(el("p", "search-topics", doc.topics.join(" · ")));
    const excerpt = el("p", "search-excerpt");
    excerpt.append(highlighted(doc.excerpt, terms));
    item.append(excerpt);
    return item;
  }

  // Up and down arrows move through the result links; Escape goes back to the box.
  function arrowKeys(container, input) {
    container.addEventListener("keydown", (event) => {
      const links = [...container.querySelectorAll(".search-result a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { links[at + 1].focus(); event.preventDefault(); }
      if (event.key === "ArrowUp") { (at > 0 ? links[at - 1] : input).focus(); event.preventDefault(); }
      if (event.key === "Escape") { input.focus(); event.preventDefault(); }
    });
    input.addEventListener("keydown", (event) => {
      const first = container.querySelector(".search-result a");
      if (event.key === "ArrowDown" && first) { first.focus(); event.preventDefault(); }
    });
  }

  // --- The search page. ---

  function searchPage(root) {
    const input = document.getElementById("search-input");
    const headerInput = form.querySelector("input[type=search]");
    const topic = document.getElementById("search-topic");
    const from = document.getElementById("search-from");
    const to = document.getElementById("search-to");
    const status = el("p", "search-status");
    status.setAttribute("role", "status");
    const list = el("ol", "search-results");
    root.replaceChildren(status, list);
    arrowKeys(root, input);

    function fromUrl() {
      const params = new URLSearchParams(location.search);
      input.value = headerInput.value = params.get("q") || "";
      topic.value = params.get("topic") || "";
      from.value = params.get("from") || "";
      to.value = params.get("to") || "";
    }

    // Typing replaces the history entry it started; the first keystroke after a finished search
    // (page load, Enter, back) starts a new one, so Back returns to that search.
    let committed = true;
    function toUrl(push) {
      const params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      if (topic.value) params.set("topic", topic.value);
      if (from.value) params.set("from", from.value);
      if (to.value) params.set("to", to.value);
      const url = location.pathname + (params.toString() ? "?" + params : "");
      if (url === location.pathname + location.search) history.replaceState(null, "", url);
      else if (push || committed) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
      committed = push;
    }

    // Results come a page at a time: only the papers shown are fetched and drawn.
    const pageSize = 20;
    // In the page only while there are more results (the theme's button style would show a hidden one).
    const more = el("button", "search-more-results", "Show more results");
    more.type = "button";
    let shown = { loaded: null, results: [], count: 0 };
    more.addEventListener("click", async () => {
      const { loaded, results, count } = shown;
      more.disabled = true;
      const added = await items(loaded, results, count, pageSize, 2);
      more.disabled = false;
      if (shown.results !== results) return; // a newer search replaced these
      list.append(...added);
      shown.count = count + added.length;
      showMore();
      if (added.length) added[0].querySelector("a").focus();
    });
    function showMore() {
      const left = shown.results.length - shown.count;
      if (left <= 0) { more.remove(); return; }
      more.textContent = "Show " + Math.min(left, pageSize) + " more of " + left;
      if (!more.isConnected) root.append(more);
    }

    // Each update supersedes the ones before it: an answer that arrives late is dropped.
    let latest = 0;
    async function update() {
      const text = input.value.trim();
      const generation = ++latest;
      if (!text) {
        list.replaceChildren();
        shown = { loaded: null, results: [], count: 0 };
        showMore();
        status.textContent = "Type a word, a name or a topic.";
        return;
      }
      let loaded;
      try {
        const loading = loadEngine();
        if (!topicsFilled) status.textContent = "Loading the search index…";
        loaded = await loading;
        if (generation !== latest) return;
        fillTopics(loaded);
        const answer = await run(loaded, text, { topic: topic.value, from: from.value, to: to.value }, () => generation === latest);
        if (!answer || generation !== latest) return;
        const { error, results } = answer;
        if (error) {
          list.replaceChildren();
          shown = { loaded, results: [], count: 0 };
          showMore();
          status.textContent = "This query can’t be read: " + error + ". Try words, title:word, authors:name, +required, -excluded, prefix* or fuzzy~1.";
          return;
        }
        const first = await items(loaded, results, 0, pageSize, 2);
        if (generation !== latest) return;
        status.textContent = results.length === 0
          ? "No papers match “" + text + "”. Try fewer words, or the start of a word."
          : results.length + (results.length === 1 ? " paper matches" : " papers match") + " “" + text + "”.";
        list.replaceChildren(...first);
        shown = { loaded, results, count: first.length };
        showMore();
      } catch (e) {
        if (generation === latest) status.textContent = "The search index could not be loaded (" + e.message + ").";
      }
    }

    let topicsFilled = false;
    function fillTopics(loaded) {
      if (topicsFilled) return;
      topicsFilled = true;
      const wanted = topic.dataset.wanted || topic.value;
      const names = [...loaded.topicNames()].sort((a, b) => a.localeCompare(b));
      for (const name of names) topic.append(new Option(name, name));
      topic.value = wanted;
    }

    for (const box of [input, headerInput]) {
      box.addEventListener("input", () => {
        if (box !== input) input.value = box.value; else headerInput.value = box.value;
        toUrl(false);
        update();
      });
    }
    for (const control of [topic, from, to]) control.addEventListener("change", () => { toUrl(false); update(); });
    for (const f of [form, document.querySelector("form.search-form")]) {
      f.addEventListener("submit", (event) => { event.preventDefault(); toUrl(true); update(); });
    }
    window.addEventListener("popstate", () => { committed = true; fromUrl(); update(); });

    fromUrl();
    topic.dataset.wanted = topic.value;
    if (input.value) update(); else { status.textContent = "Type a word, a name or a topic."; input.focus(); }
  }

  // --- The popup under the header box, on every other page. ---

  function popup() {
    const input = form.querySelector("input[type=search]");
    const panel = el("div", "search-popup");
    panel.id = "search-popup";
    panel.hidden = true;
    const list = el("ol", "search-results");
    const more = el("a", "search-more", "All results");
    panel.append(list, more);
    form.append(panel);
    input.setAttribute("aria-controls", panel.id);
    arrowKeys(panel, input);

    let latest = 0;
    async function update() {
      const text = input.value.trim();
      const generation = ++latest;
      if (!text) { panel.hidden = true; return; }
      const loaded = await loadEngine();
      if (generation !== latest) return;
      const answer = await run(loaded, text, null, () => generation === latest);
      if (!answer || generation !== latest) return;
      const { error, results } = answer;
      const first = await items(loaded, results, 0, 6, 3);
      if (generation !== latest) return;
      list.replaceChildren(...first);
      more.href = form.action + "?q=" + encodeURIComponent(text);
      more.textContent = error ? "Search for “" + text + "”" : results.length ? "All " + results.length + " results" : "No quick results: search the archive";
      panel.hidden = false;
    }
    input.addEventListener("input", update);
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") panel.hidden = true; });
    document.addEventListener("click", (event) => { if (!form.contains(event.target)) panel.hidden = true; });
    if (input.value) update();
  }

  const page = document.getElementById("search-results");
  if (page) searchPage(page); else popup();
})();
