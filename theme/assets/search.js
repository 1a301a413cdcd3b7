// DigestSite search: lunr.js over the index the build wrote, entirely in the browser.
// On the search page it drives the full results view; on every other page it turns the header
// box into a quick-results popup. The index is fetched only once the reader starts searching.
(function () {
  "use strict";

  const form = document.querySelector("form.header-search");
  if (!form || typeof lunr === "undefined") return;
  const urls = form.dataset;

  // --- The engine: one load per page, shared by the page view and the popup. ---

  let engine = null;
  function loadEngine() {
    if (!engine) {
      const get = (url) => fetch(url).then((r) => {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      });
      engine = Promise.all([get(urls.searchIndex), get(urls.searchDocs)])
        .then(([index, docs]) => ({ index: lunr.Index.load(index), docs }));
    }
    return engine;
  }

  // While typing, the last word also matches as a prefix: "transf" finds "transformer".
  // Only for a plain last word: field, boost, fuzzy, wildcard and +/- terms are left as written.
  function withPrefix(text) {
    const words = text.trim().split(/\s+/);
    const last = words[words.length - 1] || "";
    if (!/^[\p{L}\p{N}]+$/u.test(last)) return text;
    return text + " " + last + "*";
  }

  function run(loaded, text, filters) {
    let hits;
    try {
      hits = loaded.index.search(withPrefix(text));
    } catch (e) {
      if (e instanceof lunr.QueryParseError) return { error: e.message, results: [] };
      throw e;
    }
    const results = [];
    for (const hit of hits) {
      const doc = loaded.docs[hit.ref];
      if (!doc || !matchesFilters(doc, filters)) continue;
      results.push({ ref: hit.ref, score: hit.score, doc, terms: new Set(Object.keys(hit.matchData.metadata)) });
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

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(result, headingLevel) {
    const { doc, terms } = result;
    const item = el("li", "search-result");
    const heading = el("h" + headingLevel);
    const link = el("a");
    link.href = doc.url;
    link.append(highlighted(doc.title, terms));
    heading.append(link);
    item.append(heading);
    const meta = el("p", "search-meta muted");
    const date = el("time", null, doc.date);
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

    async function update() {
      const text = input.value.trim();
      list.replaceChildren();
      if (!text) { status.textContent = "Type a word, a name or a topic."; return; }
      status.textContent = "Loading the search index…";
      let loaded;
      try { loaded = await loadEngine(); } catch (e) { status.textContent = "The search index could not be loaded (" + e.message + ")."; return; }
      if (input.value.trim() !== text) return; // a newer keystroke is on its way
      fillTopics(loaded);
      const { error, results } = run(loaded, text, { topic: topic.value, from: from.value, to: to.value });
      if (error) {
        status.textContent = "This query can’t be read: " + error + ". Try words, title:word, authors:name, +required, -excluded, prefix* or fuzzy~1.";
        return;
      }
      status.textContent = results.length === 0
        ? "No papers match “" + text + "”. Try fewer words, or the start of a word."
        : results.length + (results.length === 1 ? " paper matches" : " papers match") + " “" + text + "”.";
      list.replaceChildren(...results.map((r) => resultItem(r, 2)));
    }

    let topicsFilled = false;
    function fillTopics(loaded) {
      if (topicsFilled) return;
      topicsFilled = true;
      const wanted = topic.dataset.wanted || topic.value;
      const names = [...new Set(Object.values(loaded.docs).flatMap((d) => d.topics))].sort((a, b) => a.localeCompare(b));
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

    async function update() {
      const text = input.value.trim();
      if (!text) { panel.hidden = true; return; }
      const loaded = await loadEngine();
      if (input.value.trim() !== text) return;
      const { error, results } = run(loaded, text, null);
      list.replaceChildren(...results.slice(0, 6).map((r) => resultItem(r, 3)));
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
