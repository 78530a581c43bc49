// Stands in for tiny-inflate in bundled/ (see rolldown.config.js) for unicode-trie, which
// inflates the line breaker's tables (twice over) as presskit's text module loads. Node's
// own zlib does in well under a millisecond what the JavaScript inflater, run cold before
// the engine has compiled it, took milliseconds over. Same contract as tiny-inflate's
// `inflate(source, dest)`: raw DEFLATE data in, the bytes out, in `dest` when they fill it.
'use strict';
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const inflated = inflateRawSync(source);
  const out = inflated.length === dest.length ? dest : new Uint8Array(inflated.length);
  out.set(inflated);
  return out;
};
