// DigestSite search, entirely in the browser. On the search page it drives the full results view
// (results, recovery messages, facets, sort); on every other page it turns the header box into a
// quick-results popup. The index is fetched only once the reader comes to the box (on the search
// page, at once).
(function () {
  "use strict";

  const form = document.querySelector("form.header-search");
  if (!form || typeof lunr === "undefined") return;

  // --- The engine: search-engine.js over the split index (search/split/), one per page. ---
  //
  // It runs in a Web Worker (search-worker.js), so that lunr never holds up typing; where workers
  // are unavailable (or refuse to start) it runs in the page. Either way a search that a newer one
  // replaced before lunr ran it is abandoned (answers null).

  const scriptUrl = (document.currentScript && document.currentScript.src) || location.href;
  const asset = (name) => new URL(name, scriptUrl).href;
  const indexUrl = new URL(form.dataset.searchIndex, document.baseURI).href;
  const urls = {
    split: new URL("split/", indexUrl).href,
    index: indexUrl,
    docs: new URL(form.dataset.searchDocs, document.baseURI).href,
  };
  const scripts = [new URL(form.dataset.lunr, document.baseURI).href, asset("search-shards.js"), asset("search-engine.js")];

  function getJson(url, signal) {
    return fetch(url, { signal }).then((r) => {
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

  function inWorker() {
    const worker = new Worker(asset("search-worker.js"));
    const pending = new Map();
    let next = 0;
    const call = (method, args) => new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
    worker.onmessage = (event) => {
      const { id, result, error } = event.data;
      const waiting = pending.get(id);
      pending.delete(id);
      if (error !== undefined) waiting.reject(new Error(error)); else waiting.resolve(result);
    };
    const failed = (e) => {
      for (const waiting of pending.values()) waiting.reject(new Error(e.message || "the search worker failed"));
      pending.clear();
    };
    worker.onerror = failed;
    worker.onmessageerror = failed;
    return call("open", { scripts, urls }).then((meta) => ({
      meta,
      where: "worker",
      search: (request) => call("search", request),
      docs: (papers) => call("docs", Array.from(papers)),
      summaries: (papers) => call("summaries", Array.from(papers)),
    }), (e) => {
      worker.terminate();
      throw e;
    });
  }

  async function inPage() {
    for (const src of scripts.slice(1)) if (!document.querySelector('script[src="' + src + '"]')) await loadScript(src);
    const engine = await DigestSearchEngine.open(lunr, DigestSearchShards, getJson, urls);
    let latest = 0;
    return {
      meta: engine.meta,
      where: "page",
      // As in the worker: the input events already queued go first, and only the newest search runs.
      search: async (request) => {
        const id = ++latest;
        await new Promise((resolve) => setTimeout(resolve, 0));
        return id === latest ? engine.search(request, () => id === latest) : null;
      },
      docs: engine.docs,
      summaries: engine.summaries,
    };
  }

  let engine = null;
  function loadEngine() {
    if (!engine) {
      engine = (typeof Worker === "function" ? inWorker().catch(inPage) : inPage());
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // For a theme's own scripts: DigestSearch.search("retrieval", { topic: ["RAG"], sort: "newest" })
  // gives the answer the page shows (refs, scores, facets, recovery; see search-engine.js).
  window.DigestSearch = {
    search: (text, options) => loadEngine().then((e) => e.search(Object.assign({}, options, { text }))),
    where: () => loadEngine().then((e) => e.where),
  };

  // --- The results shown, a page at a time, each with its display entry (title, authors, excerpt). ---

  // Quoted phrases keep only the results whose text (title, authors, topics, summary) holds every
  // phrase, checked as their entries arrive: at most `scan` more results per page asked for. A
  // display entry has the summary's excerpt; the whole summary (split/t*.json) is fetched only for a
  // result whose excerpt is shortened and whose shown text lacks the phrase (without the split
  // index, the excerpt is all there is). A hyphenated name (GPT-4) puts first, among the first
  // `window` results, those whose shown text holds it; the rest keep lunr's order.
  const scan = 200, window_ = 40;

  function textOf(doc, summary, keepHyphens) {
    const text = [doc.title, doc.authors, doc.topics.join(" "), summary].join(" ").toLowerCase();
    return " " + text.replace(keepHyphens ? /[^\p{L}\p{N}-]+/gu : /[^\p{L}\p{N}]+/gu, " ") + " ";
  }

  // For each of docs (display entries of these paper numbers): whether its text passes test(text),
  // reading the whole summary only where the excerpt fails and is shortened.
  async function passing(loaded, numbers, docs, test) {
    const passes = docs.map((doc) => test(textOf(doc, doc.excerpt, false)));
    const unsure = [...passes.keys()].filter((i) => !passes[i] && docs[i].excerpt.endsWith("…"));
    const summaries = unsure.length ? await loaded.summaries(unsure.map((i) => numbers[i])) : null;
    if (summaries) unsure.forEach((i, k) => { passes[i] = test(textOf(docs[i], summaries[k], false)); });
    return passes;
  }

  function resultPages(loaded, answer) {
    const phrases = answer.phrases.map((p) => " " + p + " ");
    const names = answer.names.map((n) => " " + n.toLowerCase() + " ");
    let order = null;
    let checked = 0;
    let kept = 0;
    const hasPhrases = (text) => phrases.every((p) => text.includes(p));
    const showsName = (doc) => names.some((n) => textOf(doc, doc.excerpt, true).includes(n));

    async function namesFirst() {
      const first = Math.min(answer.count, window_);
      const docs = await loaded.docs(answer.numbers.slice(0, first));
      const shows = docs.map(showsName);
      order = [...shows.keys()].filter((k) => shows[k]);
      order.push(...[...shows.keys()].filter((k) => !shows[k]));
      for (let k = first; k < answer.count; k++) order.push(k);
    }

    return {
      // Where a phrase was looked for, for the status line.
      where: loaded.meta.summaries ? "title, authors, topics or summary" : "title, authors, topics or excerpt",
      get checked() { return checked; },
      get kept() { return kept; },
      get done() { return checked >= answer.count; },
      async take(count) {
        if (names.length && !order) await namesFirst();
        const out = [];
        const limit = checked + (phrases.length ? scan : count);
        while (out.length < count && checked < Math.min(limit, answer.count)) {
          const batch = [];
          for (let k = checked; k < Math.min(checked + count - out.length, limit, answer.count); k++) batch.push(order ? order[k] : k);
          const numbers = batch.map((k) => answer.numbers[k]);
          const docs = await loaded.docs(numbers);
          const keep = phrases.length ? await passing(loaded, numbers, docs, hasPhrases) : null;
          checked += batch.length;
          batch.forEach((k, i) => { if (!keep || keep[i]) out.push({ k, doc: docs[i] }); });
        }
        kept += out.length;
        return out;
      },
    };
  }

  // --- Showing results: built with DOM nodes and textContent, never innerHTML, because titles
  // and names come from pull requests. ---

  // Marks the words whose lunr term (lowercased, stemmed) matched the query.
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

  function resultItem(answer, { k, doc }, headingLevel) {
    const terms = new Set(answer.termSets[answer.termSet[k]]);
    const item = el("li", "search-result");
    const heading = el("h" + headingLevel);
    const link = el("a", "result-title");
    link.href = doc.url;
    link.append(highlighted(doc.title, terms));
    heading.append(link);
    item.append(heading);
    const meta = el("p", "search-meta muted");
    const date = el("time", null, shortDate(doc.date));
    date.dateTime = doc.date;
    meta.append(date, " · ", authorLinks(doc, terms));
    item.append(meta);
    if (doc.topics.length) item.append(el("p", "search-topics", doc.topics.join(" · ")));
    const excerpt = el("p", "search-excerpt");
    excerpt.append(highlighted(doc.excerpt, terms));
    item.append(excerpt);
    return item;
  }

  // Each author links to their page (docs' authorUrls, in the order of their names).
  function authorLinks(doc, terms) {
    const names = doc.authors.split(", ");
    if (!doc.authorUrls || doc.authorUrls.length !== names.length) return highlighted(doc.authors, terms);
    const fragment = document.createDocumentFragment();
    names.forEach((name, i) => {
      if (i > 0) fragment.append(", ");
      const link = el("a", "result-author");
      link.href = doc.authorUrls[i];
      link.append(highlighted(name, terms));
      fragment.append(link);
    });
    return fragment;
  }

  // Up and down arrows move through the result titles, from a title or from an author link
  // under it (Up from an author goes to its own result's title); Escape goes back to the box.
  function arrowKeys(container, input) {
    container.addEventListener("keydown", (event) => {
      const results = [...container.querySelectorAll(".search-result")];
      const title = (i) => results[i].querySelector("a.result-title");
      const at = results.findIndex((r) => r.contains(document.activeElement));
      const onTitle = at >= 0 && document.activeElement === title(at);
      if (event.key === "ArrowDown" && at < results.length - 1) { title(at + 1).focus(); event.preventDefault(); }
      if (event.key === "ArrowUp") { (onTitle || at < 0 ? (at > 0 ? title(at - 1) : input) : title(at)).focus(); event.preventDefault(); }
      if (event.key === "Escape") { input.focus(); event.preventDefault(); }
    });
    input.addEventListener("keydown", (event) => {
      const first = container.querySelector(".search-result a.result-title");
      if (event.key === "ArrowDown" && first) { first.focus(); event.preventDefault(); }
    });
  }

  const quoted = (text) => (/^".*"$/.test(text) ? text : "“" + text + "”");
  const papers = (n) => n.toLocaleString("en") + (n === 1 ? " paper" : " papers");

  // --- The search page. ---

  const FACETS = [
    { key: "topic", title: "Topic", few: 8 },
    { key: "year", title: "Year" },
    { key: "author", title: "Author" },
  ];

  function searchPage(root) {
    const input = document.getElementById("search-input");
    const headerInput = form.querySelector("input[type=search]");
    const from = document.getElementById("search-from");
    const to = document.getElementById("search-to");
    const sort = document.getElementById("search-sort");
    let facetsPanel = document.getElementById("search-facets");
    if (!facetsPanel) { // a theme's own search.liquid from before the facets
      facetsPanel = el("div", "search-facets");
      root.before(facetsPanel);
    }
    const facetGroups = facetsPanel.querySelector(".facet-groups") || facetsPanel;
    // Beside the results on wide screens (its summary hidden), folded above them on narrow ones.
    if (facetsPanel.tagName === "DETAILS") {
      const wide = matchMedia("(min-width: 62rem)");
      facetsPanel.open = wide.matches;
      wide.addEventListener("change", () => { facetsPanel.open = wide.matches; });
    }
    const status = el("p", "search-status");
    status.setAttribute("role", "status");
    const list = el("ol", "search-results");
    root.replaceChildren(status, list);
    arrowKeys(root, input);

    const chosen = { topic: [], year: [], author: [] };
    const value = (control) => (control ? control.value : "");

    function fromUrl() {
      const params = new URLSearchParams(location.search);
      input.value = headerInput.value = params.get("q") || "";
      for (const { key } of FACETS) chosen[key] = params.getAll(key);
      if (from) from.value = params.get("from") || "";
      if (to) to.value = params.get("to") || "";
      if (sort) sort.value = params.get("sort") === "newest" ? "newest" : "";
    }

    // Typing replaces the history entry it started; the first keystroke after a finished search
    // (page load, Enter, back) starts a new one, so Back returns to that search.
    let committed = true;
    function toUrl(push) {
      const params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      for (const { key } of FACETS) for (const v of chosen[key]) params.append(key, v);
      if (value(from)) params.set("from", from.value);
      if (value(to)) params.set("to", to.value);
      if (value(sort)) params.set("sort", sort.value);
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
    let shown = null; // { answer, pages }
    more.addEventListener("click", async () => {
      const current = shown;
      more.disabled = true;
      const added = (await current.pages.take(pageSize)).map((r) => resultItem(current.answer, r, 2));
      more.disabled = false;
      if (shown !== current) return; // a newer search replaced these
      list.append(...added);
      showMore();
      describe(current.answer, current.pages);
      if (added.length) added[0].querySelector("a").focus();
    });
    function showMore() {
      if (!shown || shown.pages.done) { more.remove(); return; }
      const { answer, pages } = shown;
      const left = answer.count - pages.checked;
      more.textContent = answer.phrases.length
        ? "Check " + Math.min(left, scan) + " more of " + left
        : "Show " + Math.min(left, pageSize) + " more of " + left;
      if (!more.isConnected) root.append(more);
    }

    function searchFor(text) {
      input.value = headerInput.value = text;
      toUrl(true);
      update();
      input.focus();
    }

    // The status line, a live region: what ran, how many match, and what the page did about it.
    function describe(answer, pages) {
      const parts = [];
      const { recovery } = answer;
      if (recovery) {
        parts.push("No papers match " + quoted(input.value.trim()) + ". ");
        if (recovery.kind === "near") {
          const link = el("a", null, answer.text);
          link.href = "?q=" + encodeURIComponent(answer.text);
          link.addEventListener("click", (event) => { event.preventDefault(); searchFor(answer.text); });
          parts.push("Did you mean ", link, "? Showing its results. ");
        } else if (recovery.kind === "stem") {
          parts.push("Showing results for " + answer.text + ", the stem of the word. ");
        } else {
          parts.push("Showing results for words spelt close to it: " + answer.text + ". ");
        }
      }
      const filtered = answer.count < answer.total;
      parts.push(papers(answer.count) + (answer.count === 1 ? " matches " : " match ") + quoted(answer.text)
        + (filtered ? " with these filters (" + answer.total.toLocaleString("en") + " without)." : "."));
      if (answer.phrases.length && answer.count) {
        const phrase = answer.phrases.map(quoted).join(" and ");
        parts.push(" " + (pages.done ? "" : "So far, ") + pages.kept.toLocaleString("en") + " of them " + (pages.kept === 1 ? "shows " : "show ") + phrase
          + " in the " + pages.where + (pages.done ? "." : " (" + pages.checked.toLocaleString("en") + " checked)."));
      } else if (answer.names.length && answer.count > 1) {
        parts.push(" Those showing " + answer.names.map(quoted).join(" or ") + " come first.");
      }
      status.replaceChildren(...parts);
    }

    function chooseFacet(key, v) {
      const values = chosen[key];
      chosen[key] = values.includes(v) ? values.filter((x) => x !== v) : [...values, v];
      toUrl(true);
      update();
    }

    // Each facet is a group of toggle buttons with counts; values of a group combine with "or",
    // groups with "and". Rebuilt on each answer, keeping the focus on the button it was on.
    let allTopics = false;
    function drawFacets(answer) {
      const focused = document.activeElement && facetsPanel.contains(document.activeElement) ? document.activeElement.dataset : null;
      const groups = [];
      for (const { key, title, few } of FACETS) {
        const values = answer && answer.facets[key];
        if (!values || !values.length) continue;
        const group = el("div", "facet");
        group.setAttribute("role", "group");
        const heading = el("h2", "facet-title", title);
        heading.id = "facet-" + key;
        group.setAttribute("aria-labelledby", heading.id);
        const buttons = el("ul", "facet-values");
        const shownValues = few && !allTopics ? values.filter((v, i) => i < few || v.selected) : values;
        for (const v of shownValues) {
          const button = el("button", "facet-value", v.value + " ");
          button.type = "button";
          button.dataset.facet = key;
          button.dataset.value = v.value;
          button.setAttribute("aria-pressed", String(v.selected));
          const count = el("span", "facet-count", v.count.toLocaleString("en"));
          count.append(el("span", "visually-hidden", v.count === 1 ? " paper" : " papers"));
          button.append(count);
          button.addEventListener("click", () => chooseFacet(key, v.value));
          const item = el("li");
          item.append(button);
          buttons.append(item);
        }
        group.append(heading, buttons);
        if (few && values.length > few) {
          const toggle = el("button", "facet-more", allTopics ? "Fewer topics" : "All " + values.length + " topics");
          toggle.type = "button";
          toggle.dataset.facet = key + "-more";
          toggle.setAttribute("aria-expanded", String(allTopics));
          toggle.addEventListener("click", () => { allTopics = !allTopics; drawFacets(answer); });
          group.append(toggle);
        }
        groups.push(group);
      }
      if (FACETS.some(({ key }) => chosen[key].length)) {
        const clear = el("button", "facet-clear", "Clear filters");
        clear.type = "button";
        clear.dataset.facet = "clear";
        clear.addEventListener("click", () => {
          for (const { key } of FACETS) chosen[key] = [];
          toUrl(true);
          update();
          input.focus();
        });
        groups.push(clear);
      }
      facetGroups.replaceChildren(...groups);
      facetsPanel.hidden = groups.length === 0;
      if (focused) {
        const again = [...facetsPanel.querySelectorAll("button")].find((b) => b.dataset.facet === focused.facet && b.dataset.value === focused.value);
        if (again) again.focus();
      }
    }

    function clearResults(message) {
      list.replaceChildren();
      shown = null;
      showMore();
      drawFacets(null);
      status.textContent = message;
    }

    // Each update supersedes the ones before it: an answer that arrives late is dropped.
    let latest = 0;
    async function update() {
      const text = input.value.trim();
      const generation = ++latest;
      if (!text) { clearResults("Type a word, a name or a topic."); return; }
      try {
        const loading = loadEngine();
        if (!shown) status.textContent = "Loading the search index…";
        const loaded = await loading;
        if (generation !== latest) return;
        const request = { text, topic: chosen.topic, year: chosen.year, author: chosen.author, from: value(from), to: value(to), sort: value(sort), show: pageSize };
        const answer = await loaded.search(request);
        if (!answer || generation !== latest) return;
        if (answer.error) {
          clearResults("This query can’t be read: " + answer.error + ". Try words, title:word, authors:name, +required, -excluded, prefix* or fuzzy~1.");
          return;
        }
        if (answer.total === 0) {
          clearResults("No papers match " + quoted(text) + ". Try fewer words, or the start of a word.");
          return;
        }
        const pages = resultPages(loaded, answer);
        const first = (await pages.take(pageSize)).map((r) => resultItem(answer, r, 2));
        if (generation !== latest) return;
        list.replaceChildren(...first);
        shown = { answer, pages };
        showMore();
        drawFacets(answer);
        describe(answer, pages);
      } catch (e) {
        if (generation === latest) status.textContent = "The search index could not be loaded (" + e.message + ").";
      }
    }

    for (const box of [input, headerInput]) {
      box.addEventListener("input", () => {
        if (box !== input) input.value = box.value; else headerInput.value = box.value;
        toUrl(false);
        update();
      });
    }
    for (const control of [from, to, sort]) if (control) control.addEventListener("change", () => { toUrl(false); update(); });
    for (const f of [form, document.querySelector("form.search-form")]) {
      f.addEventListener("submit", (event) => { event.preventDefault(); toUrl(true); update(); });
    }
    window.addEventListener("popstate", () => { committed = true; fromUrl(); update(); });

    fromUrl();
    if (input.value) update(); else { status.textContent = "Type a word, a name or a topic."; input.focus(); }
    loadEngine(); // on this page the reader came to search: the worker and base.json load before the first key
  }

  // --- The popup under the header box, on every other page. ---

  function popup() {
    const input = form.querySelector("input[type=search]");
    const panel = el("div", "search-popup");
    panel.id = "search-popup";
    panel.hidden = true;
    const note = el("p", "search-popup-note muted");
    const list = el("ol", "search-results");
    const more = el("a", "search-more", "All results");
    panel.append(note, list, more);
    form.append(panel);
    input.setAttribute("aria-controls", panel.id);
    arrowKeys(panel, input);
    const shown = 6;

    let latest = 0;
    async function update() {
      const text = input.value.trim();
      const generation = ++latest;
      if (!text) { panel.hidden = true; return; }
      const loaded = await loadEngine();
      if (generation !== latest) return;
      const answer = await loaded.search({ text, show: shown });
      if (!answer || generation !== latest) return;
      const first = answer.error ? [] : await resultPages(loaded, answer).take(shown);
      if (generation !== latest) return;
      list.replaceChildren(...first.map((r) => resultItem(answer, r, 3)));
      note.textContent = answer.recovery ? "Showing results for " + answer.text : "";
      note.hidden = !answer.recovery;
      more.href = form.action + "?q=" + encodeURIComponent(text);
      more.textContent = answer.error ? "Search for " + quoted(text) : answer.count ? "All " + answer.count + " results" : "No quick results: search the archive";
      panel.hidden = false;
    }
    input.addEventListener("input", update);
    // The worker and base.json start loading when the reader comes to the box, not at the first key.
    input.addEventListener("focus", loadEngine, { once: true });
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") panel.hidden = true; });
    document.addEventListener("click", (event) => { if (!form.contains(event.target)) panel.hidden = true; });
    if (input.value) update();
  }

  const page = document.getElementById("search-results");
  if (page) searchPage(page); else popup();
})();
