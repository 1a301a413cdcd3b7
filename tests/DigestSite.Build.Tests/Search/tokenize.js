// lunr.js's own tokenizer on each text: node tokenize.js LUNR_DIR < texts.json
// stdout: [[token, ...] per text]
'use strict';
const fs = require('fs');
const path = require('path');
const lunr = require(path.resolve(process.argv[2]));
const texts = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(texts.map(t => lunr.tokenizer(t).map(token => token.toString()))));
