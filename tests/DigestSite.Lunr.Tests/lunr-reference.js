// Reference implementation for the differential tests and the benchmark: runs lunr.js itself.
//
//   node lunr-reference.js LUNR_DIR MODE [INPUT_FILE]     (input is JSON, from INPUT_FILE or stdin)
//
// Modes:
//   build   {fields:[{name,boost}], ref, documents:[{ref, fields:{..}, boost?}], warmup?}
//           -> stdout: JSON.stringify(index) exactly; stderr: "build-ms <n>" and "cpu-ms <n>" (build + stringify,
//              timed in-process; with warmup: true, after one untimed build)
//   search  {fields, ref, documents, queries:[..], index: <serialized index to load>}
//           -> {lunr: [[[ref, score]..] per query], loaded: [..same, run on lunr.Index.load(index)]}
//   stem    ["word", ..]          -> [lunr.stemmer of each word]
//   analyze ["text", ..]          -> [{tokens: lunr.tokenizer(text), terms: default pipeline run}]
//   lower   ["text", ..]          -> [text.toLowerCase()]
//   number  ["<16 hex digits>"..] -> [String(double with those IEEE bits)]
//   log     ["<16 hex digits>"..] -> [Math.log(x) as 16 hex digits]
//   classes                       -> {space: [code units matching /\s/], word: [.. matching /\w/]}
'use strict';
const fs = require('fs');
const path = require('path');

const [lunrDir, mode, inputFile] = process.argv.slice(2);
const lunr = require(path.resolve(lunrDir));
const input = mode === 'classes' ? null
  : JSON.parse(fs.readFileSync(inputFile ? inputFile : 0, 'utf8'));

function build(spec) {
  return lunr(function () {
    this.ref(spec.ref);
    for (const f of spec.fields) this.field(f.name, f.boost === undefined ? undefined : { boost: f.boost });
    for (const d of spec.documents) {
      const doc = Object.assign({}, d.fields);
      doc[spec.ref] = d.ref;
      this.add(doc, d.boost === undefined ? undefined : { boost: d.boost });
    }
  });
}

function fromHex(h) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + h));
  return view.getFloat64(0);
}

function toHex(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

function search(idx, queries) {
  return queries.map(q => idx.search(q).map(r => [r.ref, r.score]));
}

const out = process.stdout;
switch (mode) {
  case 'build': {
    if (input.warmup) JSON.stringify(build(input)); // let V8 optimize before timing
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const idx = build(input);
    const json = JSON.stringify(idx);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    process.stderr.write(`build-ms ${ms}\ncpu-ms ${(used.user + used.system) / 1000}\n`);
    out.write(json);
    break;
  }
  case 'search': {
    const idx = build(input);
    const loaded = lunr.Index.load(input.index);
    out.write(JSON.stringify({ lunr: search(idx, input.queries), loaded: search(loaded, input.queries) }));
    break;
  }
  case 'stem':
    out.write(JSON.stringify(input.map(w => lunr.stemmer(new lunr.Token(w)).toString())));
    break;
  case 'analyze': {
    const pipeline = new lunr.Pipeline();
    pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    out.write(JSON.stringify(input.map(text => {
      const tokens = lunr.tokenizer(text);
      return { tokens: tokens.map(t => t.toString()), terms: pipeline.run(tokens).map(t => t.toString()) };
    })));
    break;
  }
  case 'lower':
    out.write(JSON.stringify(input.map(s => s.toLowerCase())));
    break;
  case 'number':
    out.write(JSON.stringify(input.map(h => String(fromHex(h)))));
    break;
  case 'log':
    out.write(JSON.stringify(input.map(h => toHex(Math.log(fromHex(h))))));
    break;
  case 'classes': {
    const space = [], word = [];
    for (let i = 0; i < 0x10000; i++) {
      const c = String.fromCharCode(i);
      if (/\s/.test(c)) space.push(i);
      if (/\w/.test(c)) word.push(i);
    }
    out.write(JSON.stringify({ space, word }));
    break;
  }
  default:
    throw new Error('unknown mode ' + mode);
}
