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
