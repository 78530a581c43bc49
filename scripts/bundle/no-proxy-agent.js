// Stands in for proxy-agent in bundled/ (see rolldown.config.js). @puppeteer/browsers needs
// it only to download browsers through a proxy, which presskit never does
// (presskit depends on puppeteer-core, which downloads nothing, and finds an installed browser). Its PAC
// support alone carried a JavaScript engine, about 1.5 MB loaded on every build.
export class ProxyAgent {
  constructor() {
    throw new Error('presskit does not download browsers: proxy-agent is not bundled');
  }
}
