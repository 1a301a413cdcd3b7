// Validates JSON files against a JSON Schema (draft-07) with ajv, formats (uri, date…) checked.
// Usage: node validate-json.cjs SCHEMA FILE...; prints one JSON object: for each file, its
// problems ("PATH: MESSAGE"), an empty list when it is valid.
const fs = require("node:fs");
const path = require("node:path");
const modules = path.join(__dirname, "node_modules");
const Ajv = require(path.join(modules, "ajv"));
const addFormats = require(path.join(modules, "ajv-formats"));

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
const result = {};
for (const file of files) {
  const valid = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  result[file] = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`);
}
process.stdout.write(JSON.stringify(result) + "\n");
