import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { PresskitError } from '../errors.js';
import {
  EVENTS_PATH,
  LIVE_RELOAD_SCRIPT,
  SCRIPT_PATH,
  problemsPage,
  withLiveReload,
} from './live-reload.js';

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Shows the build's problems on every open page (and on `/` while nothing built). */
  showProblems(lines: readonly string[]): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.vcf': 'text/vcard; charset=utf-8',
  '.zip': 'application/zip',
  '.woff2': 'font/woff2',
};

/**
 * Serves the preview's output folder on 127.0.0.1 only (never another interface: a draft
 * under embargo must not be reachable from the network), GET and HEAD only, nothing outside
 * the folder (links resolved first), with a live-reload event stream.
 */
export async function startPreviewServer(dir: string, port: number): Promise<PreviewServer> {
  const root = await realpath(dir);
  const clients = new Set<ServerResponse>();
  let problems: readonly string[] = [];
  const send = (event: string, data: unknown): void => {
    for (const client of clients)
      client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const server = createServer((request, response) => {
    void respond(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodedPath(request.url ?? '/');
    if (path === EVENTS_PATH) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write(': presskit preview\n\n');
      // A page opened after a failed save shows why at once, not at the next save.
      if (problems.length > 0)
        response.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === SCRIPT_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      response.end(LIVE_RELOAD_SCRIPT);
      return;
    }
    const file = path === undefined ? undefined : await servedFile(root, path);
    if (file === undefined) {
      if (path === '/' && problems.length > 0) {
        response.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
        response.end(problemsPage(problems));
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (extname(file).toLowerCase() === '.html') {
      response.writeHead(200, headers);
      response.end(
        request.method === 'HEAD' ? undefined : withLiveReload(await readFile(file, 'utf8')),
      );
      return;
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PresskitError('E_USAGE', {
          file: '--port',
          message:
            error.code === 'EADDRINUSE'
              ? `port ${port} is in use on 127.0.0.1: give another (--port 0 takes any free one)`
              : `cannot listen on 127.0.0.1:${port} (${error.code ?? error.message})`,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${listening}/`,
    reload() {
      problems = [];
      send('reload', null);
    },
    showProblems(lines) {
      problems = lines;
      send('problems', lines);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `/a%20b/` → `/a b/`; undefined for a path that cannot be a file's (NUL, bad escapes). */
function decodedPath(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
    return path.includes('\0') ? undefined : path;
  } catch {
    return undefined;
  }
}

/** The file a path names inside root (a folder's index.html), or undefined: never outside. */
async function servedFile(root: string, path: string): Promise<string | undefined> {
  try {
    let file = await realpath(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    if ((await stat(file)).isDirectory()) file = await realpath(join(file, 'index.html'));
    if (!file.startsWith(root + sep)) return undefined;
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
