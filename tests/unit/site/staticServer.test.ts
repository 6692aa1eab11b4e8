import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer, resolveRequestPath } from '../../../scripts/cli/staticServer.ts';

let root: string;
let base: string;
let close: () => void;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kitemark-serve-'));
  mkdirSync(join(root, 'providers/P000001'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(root, '404.html'), '<h1>Not found</h1>');
  writeFileSync(join(root, 'providers/P000001/index.html'), '<h1>P1</h1>');
  writeFileSync(join(root, 'providers/P000001.json'), '{"provider_id":"P000001"}');
  const server = createStaticServer({ root, basePath: '/km/' });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request, so paths are sent exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (done, fail) => {
      const req = request(`${base}${path}`, { method, headers, path }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('createStaticServer', () => {
  it('serves index.html for folders and files by type', async () => {
    const page = await get('/km/providers/P000001/');
    expect([page.status, page.body.toString()]).toEqual([200, '<h1>P1</h1>']);
    const json = await get('/km/providers/P000001.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });
  it('redirects a folder without its slash, keeping the query', async () => {
    const res = await get('/km/providers/P000001?x=1');
    expect([res.status, res.headers['location']]).toEqual([301, '/km/providers/P000001/?x=1']);
  });
  it('never redirects to another host, however the slashes are written', async () => {
    for (const path of [
      '/.//km/providers/P000001',
      '//km/providers/P000001',
      '/km//providers/P000001',
    ]) {
      const res = await get(path);
      expect([res.status, res.headers['location']]).toEqual([301, '/km/providers/P000001/']);
    }
  });
  it('answers 404 with the 404 page, outside the base path too', async () => {
    for (const path of ['/km/nope/', '/providers/P000001/', '/km/certificates/KM-999999/']) {
      const res = await get(path);
      expect([res.status, res.body.toString()]).toEqual([404, '<h1>Not found</h1>']);
    }
  });
  it('never serves a file outside the root', async () => {
    for (const path of [
      '/km/../../etc/passwd',
      '/km/%2e%2e/%2e%2e/etc/passwd',
      '/km/..%2f..%2fetc/passwd',
      '/km/%00',
      '/km/%E0%A4%A',
    ]) {
      expect((await get(path)).status).toBe(404);
    }
    expect(resolveRequestPath('/srv', '/', '/a/../../x')).toBeUndefined();
  });
  it('compresses text when asked', async () => {
    const res = await get('/km/', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe('<h1>Home</h1>');
  });
  it('allows only GET and HEAD', async () => {
    expect((await get('/km/', {}, 'POST')).status).toBe(405);
    const head = await get('/km/', {}, 'HEAD');
    expect([head.status, head.body.length]).toEqual([200, 0]);
  });
});
