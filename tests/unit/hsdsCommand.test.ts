import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../scripts/cli/staticServer.ts';
import { kitemark } from '../support/cli.ts';
import { openDataFiles } from '../support/openDataRegister.ts';
import {
  HSDS_DIR,
  hsdsSchema,
  openApiResponse,
  readJson,
  schemaErrors,
} from '../support/hsdsSchemas.ts';
import { setCell } from '../support/register.ts';

const FEED = 'https://council.example/directory/kitemark/';

let work: string;
let out: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kitemark-hsds-cli-'));
  for (const [path, text] of openDataFiles()) {
    const full = join(work, 'data', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  out = join(work, 'site', 'hsds');
  const run = kitemark(['hsds', '--data', join(work, 'data'), '--out', out, '--url', FEED]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kitemark hsds', () => {
  it('writes the static API and the tabular package', () => {
    expect(readJson(join(out, 'index.json'))).toMatchObject({
      version: '3.0',
      openapi_url: `${FEED}openapi.json`,
    });
    const services = readdirSync(join(out, 'services'));
    const validate = hsdsSchema('compiled/service.json');
    for (const file of services.filter((f) => !f.includes('.'))) {
      expect(validate(readJson(join(out, 'services', file))), schemaErrors(validate)).toBe(true);
    }
    const spec = readJson<{ resources: { path: string }[] }>(join(HSDS_DIR, 'datapackage.json'));
    expect(readdirSync(join(out, 'tabular')).sort()).toEqual(
      [...spec.resources.map((r) => r.path), 'datapackage.json'].sort(),
    );
  });

  it('answers the paths an HSDS client requests on a static host', async () => {
    // The project's static server behaves as GitHub Pages does.
    const server = createStaticServer({ root: join(work, 'site') });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hsds`;
    try {
      const get = async (path: string) => {
        const response = await fetch(base + path);
        expect(response.status, path).toBe(200);
        return (await response.json()) as Record<string, unknown>;
      };
      const root = await get('/');
      expect(openApiResponse('/')(root)).toBe(true);
      // Query parameters are ignored: every form answers with the first page.
      for (const path of ['/services', '/services/', '/services?page=1&per_page=50']) {
        const page = await get(path);
        expect(openApiResponse('/services')(page), path).toBe(true);
        expect(page['page_number']).toBe(1);
      }
      const [first] = (await get('/services')).contents as { id: string }[];
      const service = await get(`/services/${first!.id}`);
      expect(service['id']).toBe(first!.id);
      const organization = await get(
        `/organizations/${(service['organization'] as { id: string }).id}`,
      );
      expect(openApiResponse('/organizations/{id}')(organization)).toBe(true);
      expect((await get('/services/page-1.json'))['page_number']).toBe(1);
      expect((await get('/taxonomies'))['total_items']).toBe(2);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('refuses a register with errors, and needs --out and a feed address', () => {
    const broken = join(work, 'broken');
    for (const [path, text] of setCell(
      openDataFiles(),
      'providers.csv',
      2,
      'postcode',
      'nowhere',
    )) {
      const full = join(broken, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    const run = kitemark(['hsds', '--data', broken, '--out', join(work, 'never')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has errors');
    expect(readdirSync(work)).not.toContain('never');
    expect(kitemark(['hsds']).status).toBe(2);
    const badUrl = kitemark(['hsds', '--out', join(work, 'x'), '--url', 'ftp://example.org/']);
    expect(badUrl.status).toBe(2);
    expect(readFileSync(join(out, 'index.json'), 'utf8')).toContain(FEED);
  });
});
