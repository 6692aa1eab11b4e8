import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { readGeography } from '../../scripts/io/referenceFiles.ts';
import { buildRegister, type Register } from '../../scripts/lib/buildRegister.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { createHsdsMapper } from '../../scripts/lib/hsds/mapToHsds.ts';
import {
  formatHsdsJson,
  hsdsApiFiles,
  rootDocument,
  type HsdsPage,
} from '../../scripts/lib/hsds/hsdsApi.ts';
import {
  HSDS_PAGE_SIZE,
  HSDS_PROFILE_URL,
  UNSUPPORTED_PARAMETERS,
  hsdsOpenApi,
} from '../../scripts/lib/hsds/hsdsSpec.ts';
import { ROOT, fixtureFiles, setCell, toSources } from '../support/register.ts';
import { openApiResponse, schemaErrors } from '../support/hsdsSchemas.ts';

const TODAY = '2026-12-04';
const FEED = 'https://register.example/hsds/';

const geography = await readGeography();

function feed(register: Register, providers = register.providers): Map<string, string> {
  return new Map(
    hsdsApiFiles({
      mapper: createHsdsMapper({ register, geography }),
      providers,
      root: rootDocument({ profile: HSDS_PROFILE_URL, openapi: `${FEED}openapi.json` }),
      openapi: hsdsOpenApi(register.meta, FEED),
    }),
  );
}

const json = <T = Record<string, unknown>>(files: Map<string, string>, path: string): T => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no file ${path}`);
  return JSON.parse(text) as T;
};

const pagesOf = (files: Map<string, string>, collection: string) =>
  [...files.keys()]
    .filter((p) => new RegExp(`^${collection}/page-\\d+\\.json$`).test(p))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

const recordsOf = (files: Map<string, string>, collection: string) =>
  [...files.keys()].filter((p) => new RegExp(`^${collection}/[0-9a-f-]{36}$`).test(p));

describe('the static HSDS API of the embedded register', () => {
  let register: Register;
  let files: Map<string, string>;
  beforeAll(async () => {
    register = buildRegister(loadRegister(await readDataDir(join(ROOT, 'data'))), TODAY);
    files = feed(register);
  }, 120_000);

  it('answers GET / with the version, profile and OpenAPI address', () => {
    const root = json(files, 'index.json');
    const validate = openApiResponse('/');
    expect(validate(root), schemaErrors(validate)).toBe(true);
    expect(root).toEqual({
      version: '3.0',
      profile: HSDS_PROFILE_URL,
      openapi_url: `${FEED}openapi.json`,
    });
    // What a static host serves for /hsds/.
    expect(files.get('index.html')).toBe(files.get('index.json'));
  });

  it.each(['services', 'organizations', 'taxonomies', 'taxonomy_terms'])(
    'pages %s with the Page object, valid against the OpenAPI response schema',
    (collection) => {
      const validate = openApiResponse(`/${collection}`);
      const pages = pagesOf(files, collection);
      const records = recordsOf(files, collection);
      const seen: string[] = [];
      pages.forEach((path, i) => {
        const page = json<HsdsPage<{ id: string }>>(files, path);
        expect(validate(page), `${path}: ${schemaErrors(validate)}`).toBe(true);
        expect(page).toMatchObject({
          total_items: records.length,
          total_pages: pages.length,
          page_number: i + 1,
          size: page.contents.length,
          first_page: i === 0,
          last_page: i === pages.length - 1,
          empty: false,
        });
        expect(page.size).toBeLessThanOrEqual(HSDS_PAGE_SIZE);
        if (i < pages.length - 1) expect(page.size).toBe(HSDS_PAGE_SIZE);
        for (const c of page.contents) seen.push(c.id);
      });
      // Every record once, and each listed record has its own document.
      expect(seen.sort()).toEqual(records.map((p) => p.split('/')[1]).sort());
      // /hsds/services/ on a static host: the folder's index is the first page.
      expect(files.get(`${collection}/index.json`)).toBe(files.get(`${collection}/page-1.json`));
      expect(files.get(`${collection}/index.html`)).toBe(files.get(`${collection}/page-1.json`));
    },
  );

  it('lists one service per service each provider offers', () => {
    const total = register.providers.reduce((n, p) => n + p.services.length, 0);
    expect(json(files, 'services/page-1.json')['total_items']).toBe(total);
    expect(total).toBeGreaterThan(HSDS_PAGE_SIZE);
  });

  it.each([
    ['services', '/services/{id}'],
    ['organizations', '/organizations/{id}'],
    ['taxonomies', '/taxonomies/{id}'],
    ['taxonomy_terms', '/taxonomy_terms/{id}'],
  ])('serves each of %s at its id, valid against the OpenAPI response', (collection, path) => {
    const validate = openApiResponse(path);
    const records = recordsOf(files, collection);
    expect(records.length).toBeGreaterThan(0);
    for (const file of records) {
      const doc = json(files, file);
      expect(validate(doc), `${file}: ${schemaErrors(validate)}`).toBe(true);
      expect(doc['id']).toBe(file.split('/')[1]);
    }
  });

  it('gives a service its organization and the organization its services', () => {
    const page = json<HsdsPage<{ id: string; organization: { id: string } }>>(
      files,
      'services/page-1.json',
    );
    const item = page.contents[0]!;
    const service = json(files, `services/${item.id}`);
    const organization = json<{ services: { id: string }[] }>(
      files,
      `organizations/${item.organization.id}`,
    );
    expect((service['organization'] as { id: string }).id).toBe(item.organization.id);
    expect(organization.services.map((s) => s.id)).toContain(item.id);
  });

  it('describes itself in OpenAPI: only the paths it serves, no query parameters', () => {
    const openapi = json<{
      servers: { url: string }[];
      paths: Record<string, Record<string, { parameters?: { in: string }[] }>>;
      info: { description: string };
    }>(files, 'openapi.json');
    expect(openapi.servers).toEqual([{ url: FEED }]);
    expect(Object.keys(openapi.paths)).not.toContain('/service_at_locations');
    for (const [path, item] of Object.entries(openapi.paths)) {
      for (const op of Object.values(item)) {
        for (const p of op.parameters ?? []) expect(p.in, path).toBe('path');
      }
    }
    for (const name of UNSUPPORTED_PARAMETERS) expect(openapi.info.description).toContain(name);
  });
});

describe('the API notes on /api/', () => {
  it('name every query parameter a static host cannot honour, and the page size', () => {
    const page = readFileSync(join(ROOT, 'site/api/index.md'), 'utf8');
    for (const name of UNSUPPORTED_PARAMETERS) expect(page).toContain(`\`${name}\``);
    expect(page).toContain(`${HSDS_PAGE_SIZE} services a page`);
  });
});

describe('edge cases', () => {
  it('publishes an empty first page for a register with no providers', () => {
    const register = buildRegister(loadRegister(toSources(fixtureFiles())), '2026-06-01');
    const files = feed(register, []);
    const page = json(files, 'services/page-1.json');
    const validate = openApiResponse('/services');
    expect(validate(page), schemaErrors(validate)).toBe(true);
    expect(page).toEqual({
      total_items: 0,
      total_pages: 1,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });

  it('never writes markup a host serving an index as HTML would run', () => {
    const hostile = '<script>alert(1)</script> & <img src=x onerror=alert(2)> carers';
    const files = setCell(fixtureFiles(), 'providers.csv', 2, 'description', hostile);
    const register = buildRegister(loadRegister(toSources(files)), '2026-06-01');
    const out = feed(register);
    for (const [path, text] of out) {
      if (path === 'openapi.json') continue;
      expect(text, path).not.toMatch(/[<>]/);
    }
    const page = json<HsdsPage<{ description: string }>>(out, 'services/index.html');
    expect(page.contents[0]!.description).toBe(hostile);
    expect(formatHsdsJson({ a: '<&>' })).toBe('{"a":"\\u003c\\u0026\\u003e"}\n');
  });
});
