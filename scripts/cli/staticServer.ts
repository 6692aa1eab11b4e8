/**
 * A small static file server for the built site: `kitemark serve`, the browser tests and the
 * search benchmark all use it. It behaves like the static hosts the site is published on
 * (GitHub Pages): `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, unknown paths
 * get `404.html` with status 404, and text is gzip-compressed when the browser accepts it
 * (so the benchmark measures bytes as served). Only GET and HEAD; nothing outside the root.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

export interface StaticServerOptions {
  root: string;
  /** The path the site is served under (`/` or `/kitemark-register/`). */
  basePath?: string;
  /** Called once per request, for logs and benchmarks. */
  onRequest?: (method: string, url: string, status: number) => void;
}

/** Maps a request path to a file path inside root, or undefined when it must not be served. */
export function resolveRequestPath(
  root: string,
  basePath: string,
  urlPath: string,
): string | undefined {
  if (!urlPath.startsWith(basePath) && `${urlPath}/` !== basePath) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.slice(Math.min(basePath.length, urlPath.length)));
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  const target = resolve(root, ...segments.filter((s) => s !== ''));
  const base = resolve(root);
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  return decoded.endsWith('/') || decoded === '' ? join(target, 'index.html') : target;
}

export function createStaticServer(options: StaticServerOptions): Server {
  const root = resolve(options.root);
  const basePath = options.basePath ?? '/';
  return createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    // Joined, not resolved: `new URL('//km/x', base)` would take `km` for a host name.
    const url = new URL(`http://localhost/${(request.url ?? '/').replace(/^\/+/, '')}`);
    // `/.//providers` parses to the path `//providers`: redirected as it is, the browser would
    // read `//providers/` as another host. Repeated slashes are one, as static hosts treat them.
    const pathname = url.pathname.replace(/\/{2,}/g, '/');
    const done = (status: number) => options.onRequest?.(method, pathname, status);
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return done(405);
    }
    const file = resolveRequestPath(root, basePath, pathname);
    const found = file ? await stat(file).catch(() => undefined) : undefined;
    if (found?.isDirectory()) {
      // `/providers` → `/providers/`, as static hosts do, keeping the query string.
      response.writeHead(301, { location: `${pathname}/${url.search}` });
      response.end();
      return done(301);
    }
    if (!file || !found?.isFile()) {
      const notFound = join(root, '404.html');
      const page = await stat(notFound).catch(() => undefined);
      if (page?.isFile()) send(request, response, notFound, 404, method);
      else {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found\n');
      }
      return done(404);
    }
    send(request, response, file, 200, method);
    done(200);
  }
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  status: number,
  method: string,
): void {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (gzip) {
    headers['content-encoding'] = 'gzip';
    headers['vary'] = 'Accept-Encoding';
  }
  response.writeHead(status, headers);
  if (method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  if (gzip) stream.pipe(createGzip({ level: 6 })).pipe(response);
  else stream.pipe(response);
}
