// Only for the full `puppeteer` that md-to-pdf (a dev dependency, the bench's comparison)
// brings: its install would download Chrome, which cannot be reached offline or in CI here.
// presskit itself depends on puppeteer-core, which downloads nothing, and finds the
// machine's browser (src/browser/find.ts). Not shipped in the package.
/** @type {import('puppeteer').Configuration} */
module.exports = { skipDownload: true };
