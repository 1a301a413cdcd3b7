// Reads citation files with citation-js (its BibTeX, RIS and CSL plugins), as a reference manager
// would. Usage: node read-citations.cjs FILE...; prints one JSON object: for each file, the CSL-JSON
// items citation-js made of it (.bib: BibTeX; .ris: RIS; .json: CSL-JSON), or { error } if it could not.
const fs = require("node:fs");
const path = require("node:path");
const modules = path.join(__dirname, "node_modules");
const { Cite, plugins } = require(path.join(modules, "@citation-js", "core"));
require(path.join(modules, "@citation-js", "plugin-bibtex"));
require(path.join(modules, "@citation-js", "plugin-ris"));
require(path.join(modules, "@citation-js", "plugin-csl"));

const formats = { ".bib": "@biblatex/text", ".ris": "@ris/file", ".json": "@csl/list+object" };
const result = {};
for (const file of process.argv.slice(2)) {
  try {
    const text = fs.readFileSync(file, "utf8");
    const format = formats[path.extname(file)];
    const input = format === "@csl/list+object" ? JSON.parse(text) : text;
    result[file] = plugins.input.chain(input, { forceType: format, generateGraph: false });
  } catch (error) {
    result[file] = { error: String(error && error.stack || error) };
  }
}
process.stdout.write(JSON.stringify(result) + "\n");
