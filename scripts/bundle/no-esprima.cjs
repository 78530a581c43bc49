// Stands in for esprima in bundled/ (see rolldown.config.js). js-yaml 3, loaded by
// gray-matter, requires esprima inside a try/catch for its `!!js/function` type and works
// without it; presskit never lets js-yaml parse anything, so the parser is left out.
throw new Error('esprima is not bundled');
