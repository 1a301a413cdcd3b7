// Progressive enhancement only: every page works without it.
// A "Copy BibTeX" button, shown only where the clipboard can be written.
document.addEventListener("DOMContentLoaded", () => {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copyTarget);
      try {
        await navigator.clipboard.writeText(source.textContent);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed: select the text";
      }
      setTimeout(() => { button.textContent = "Copy BibTeX"; }, 2000);
    });
  }
});

// The header search box: lunr.js and the index load only once the reader starts searching.
// (The search page loads them itself.)
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.header-search");
  if (!form || document.getElementById("search-results")) return;
  const input = form.querySelector("input[type=search]");
  const load = (src) => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load(form.dataset.lunr).then(() => load(form.dataset.searchScript)).catch(() => { started = false; });
  };
  input.addEventListener("focus", start, { once: true });
  input.addEventListener("input", start, { once: true });
});
