/** Where the preview's own endpoints live: a path no kit can have (slugs have no `_`). */
export const PREVIEW_PREFIX = '/__presskit/';
export const EVENTS_PATH = `${PREVIEW_PREFIX}events`;
export const SCRIPT_PATH = `${PREVIEW_PREFIX}live-reload.js`;

/**
 * The script the server adds to each page it serves (kits on disk stay script-free): it
 * reloads the page when a build finishes, and shows the build's problems over the page.
 */
export const LIVE_RELOAD_SCRIPT = `(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const panel = () => {
    let box = document.getElementById('presskit-preview-problems');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'presskit-preview-problems';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;margin:0;padding:1em;max-height:50vh;overflow:auto;background:#5c0011;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647';
      document.body.append(box);
    }
    return box;
  };
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => {
    panel().textContent = 'presskit preview: the last save did not build\\n\\n' + JSON.parse(event.data).join('\\n');
  });
})();
`;

/**
 * A served page: the live-reload script added before </body>, and the page's own
 * Content-Security-Policy (no scripts, no connections) widened to allow that script and
 * its event stream from this server only.
 */
export function withLiveReload(html: string): string {
  const widened = html.replace(
    /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/iu,
    (_match, start: string, policy: string, end: string) =>
      `${start}${policy}; script-src 'self'; connect-src 'self'${end}`,
  );
  const tag = `<script src="${SCRIPT_PATH}"></script>`;
  return widened.includes('</body>') ? widened.replace('</body>', `${tag}</body>`) : widened + tag;
}

/** The page shown while there is no newsroom yet (the first build failed). */
export function problemsPage(lines: readonly string[]): string {
  const escape = (text: string): string =>
    text.replace(/[&<>"]/gu, (char) => `&#${char.charCodeAt(0)};`);
  return withLiveReload(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>presskit preview</title></head><body><h1>presskit preview</h1><p>Nothing has built yet. Fix these and save:</p><pre>${lines.map(escape).join('\n')}</pre></body></html>`,
  );
}
