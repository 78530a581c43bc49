// Puppeteer's own browser download cannot run offline or in CI here;
// presskit finds a system Chromium instead (see src/render/browser-path.ts).
/** @type {import('puppeteer').Configuration} */
module.exports = { skipDownload: true };
