import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { readGeography } from '../../scripts/io/referenceFiles.ts';
import { buildRegister } from '../../scripts/lib/buildRegister.ts';
import { buildDownloads, type DownloadSet } from '../../scripts/lib/downloads/buildDownloads.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { createHsdsMapper } from '../../scripts/lib/hsds/mapToHsds.ts';
import { buildHsdsTables } from '../../scripts/lib/hsds/hsdsTabular.ts';
import {
  OPEN_DATA_TODAY,
  TRICKY_DESCRIPTION,
  loadOpenDataRegister,
  schemaFiles,
} from '../support/openDataRegister.ts';
import { ROOT } from '../support/register.ts';
import { siteFixture } from '../support/siteRegister.ts';
import { renderDownloadsPage } from '../../scripts/publish/open-data/pages/downloadsPage.ts';
import { HSDS_DIR, readJson } from '../support/hsdsSchemas.ts';

const require = createRequire(import.meta.url);
const { Package } = require('datapackage') as {
  Package: {
    load(descriptor: string, basePath?: string, strict?: boolean): Promise<PackageJs>;
  };
};
interface PackageJs {
  valid: boolean;
  errors: Error[];
  resources: {
    name: string;
    read(options: { relations?: boolean; keyed?: boolean }): Promise<Record<string, unknown>[]>;
  }[];
}

interface Descriptor {
  profile: string;
  resources: {
    name: string;
    path: string;
    format: string;
    mediatype: string;
    profile: string;
    bytes?: number;
    hash?: string;
    schema: { primaryKey: string; fields: { name: string; type: string }[] };
  }[];
}

const geography = await readGeography();
const spec = readJson<Descriptor>(join(HSDS_DIR, 'datapackage.json'));
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

let set: DownloadSet;
let dir: string;
const options = () => ({
  loaded: loadOpenDataRegister(),
  asAt: OPEN_DATA_TODAY,
  created: '2026-06-01T09:30:00Z',
  schemaFiles: schemaFiles(),
  geography,
});
beforeAll(async () => {
  set = await buildDownloads(options());
  dir = mkdtempSync(join(tmpdir(), 'kitemark-hsds-'));
  for (const [path, bytes] of set.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const descriptor = () => JSON.parse(decode(set.files.get('hsds/datapackage.json')!)) as Descriptor;
const rows = (path: string) =>
  parse(set.files.get(`hsds/${path}`)!, { columns: true }) as Record<string, string>[];

describe('the HSDS tabular package in the downloads', () => {
  it('has the specification’s resources, fields and types', () => {
    const ours = descriptor();
    expect(ours.profile).toBe('tabular-data-package');
    expect(ours.resources.map((r) => [r.name, r.path, r.format, r.mediatype, r.profile])).toEqual(
      spec.resources.map((r) => [r.name, r.path, r.format, r.mediatype, r.profile]),
    );
    ours.resources.forEach((r, i) => expect(r.schema).toEqual(spec.resources[i]!.schema));
  });

  it('writes every resource, its header the specification’s fields, its size and hash exact', () => {
    for (const r of descriptor().resources) {
      const bytes = set.files.get(`hsds/${r.path}`);
      expect(bytes, r.path).toBeDefined();
      const header = decode(bytes!).split('\n')[0]!;
      expect(header).toBe(r.schema.fields.map((f) => f.name).join(','));
      expect(r.bytes).toBe(bytes!.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes!).digest('hex')}`);
    }
    // And the set's own checksums cover them.
    expect(decode(set.files.get('SHA256SUMS')!)).toContain('hsds/services.csv');
  });

  it('is valid for the reference Frictionless implementation, types and foreign keys included', async () => {
    const pkg = await Package.load(join(dir, 'hsds/datapackage.json'), undefined, true);
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    for (const resource of pkg.resources) {
      await expect(resource.read({ relations: true }), resource.name).resolves.toBeDefined();
    }
  });

  it('keeps awkward text intact and the kitemark only where it is current', () => {
    const loaded = loadOpenDataRegister();
    const register = buildRegister(loaded, OPEN_DATA_TODAY);
    const organizations = rows('organizations.csv');
    expect(organizations.map((o) => o['name'])).toEqual(register.providers.map((p) => p.name));
    expect(organizations.map((o) => o['description'])).toContain(TRICKY_DESCRIPTION);
    const services = rows('services.csv');
    const accredited = services.filter((s) => s['accreditations'] !== '').map((s) => s['name']);
    const expected = register.providers.flatMap((p) =>
      p.current?.display_status === 'accredited'
        ? p.services.filter((s) => p.current!.scope.includes(s)).map((s) => s)
        : [],
    );
    expect(accredited).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(services.length).toBeGreaterThan(accredited.length);
  });

  it('is offered on the downloads page, beside the feed', () => {
    const { site } = siteFixture();
    const page = renderDownloadsPage({
      site,
      meta: loadOpenDataRegister().meta.value!,
      set: {
        ...set,
        files: new Map(
          [...set.files].map(([path, bytes]) => [path, { bytes: bytes.length, sha256: '' }]),
        ),
      },
      workbook: 'register.xlsx',
      database: { file: 'register.sqlite', metadata: 'metadata.json' },
      jsonLd: {},
      templates: new Map(),
      schemas: [],
    });
    expect(page).toContain('href="/kitemark/data/hsds/datapackage.json"');
    expect(page).toContain('href="/kitemark/hsds/"');
  });

  it('gives the same bytes for the same register and day', async () => {
    const again = await buildDownloads(options());
    for (const [path, bytes] of set.files) {
      if (path.startsWith('hsds/')) expect(again.files.get(path), path).toEqual(bytes);
    }
  });
});

describe('the tables of the embedded register', () => {
  it('hold a row per provider, service, area and address, matching the register', async () => {
    const register = buildRegister(
      loadRegister(await readDataDir(join(ROOT, 'data'))),
      '2026-12-04',
    );
    const mapper = createHsdsMapper({ register, geography });
    const tables = new Map(
      buildHsdsTables(mapper, register.providers).map((t) => [t.resource.name, t]),
    );
    const count = (name: string) => tables.get(name)!.rows;
    const services = register.providers.reduce((n, p) => n + p.services.length, 0);
    expect(count('organization')).toBe(register.providers.length);
    expect(count('location')).toBe(register.providers.length);
    expect(count('address')).toBe(register.providers.length);
    expect(count('service')).toBe(services);
    expect(count('service_at_location')).toBe(services);
    expect(count('service_area')).toBe(
      register.providers.reduce((n, p) => n + p.services.length * (p.areas_served ?? []).length, 0),
    );
    expect(count('taxonomy')).toBe(2);
    expect(count('schedule')).toBe(0);
  });
});
