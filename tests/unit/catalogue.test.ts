import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDownloads, type DownloadSet } from '../../scripts/lib/downloads/buildDownloads.ts';
import {
  buildDcatCatalogue,
  buildSchemaOrgDataset,
  catalogueFiles,
  type CatalogueOptions,
} from '../../scripts/lib/downloads/catalogue.ts';
import { serializeJsonLd } from '../../scripts/lib/jsonLd.ts';
import { OPEN_DATA_TODAY, loadOpenDataRegister, schemaFiles } from '../support/openDataRegister.ts';

const URL_ = 'https://register.example.org/data/';
const CREATED = '2026-06-01T09:30:00Z';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

type Node = Record<string, unknown>;
let set: DownloadSet;
let options: CatalogueOptions;
let catalogue: Node;
let dataset: Node;
let distributions: Node[];

beforeAll(async () => {
  const loaded = loadOpenDataRegister();
  set = await buildDownloads({
    loaded,
    asAt: OPEN_DATA_TODAY,
    created: CREATED,
    url: URL_,
    schemaUrl: 'https://register.example.org/schema/',
    schemaFiles: schemaFiles(),
  });
  const written = new Map([...set.files].map(([p, b]) => [p, { bytes: b.length, sha256: sha(b) }]));
  options = {
    meta: loaded.meta.value!,
    version: '1.1.0-dev.20260601',
    url: URL_,
    catalogueUrl: `${URL_}catalog.jsonld`,
    modified: CREATED,
    issued: '2026-01-02T10:00:00Z',
    files: catalogueFiles(set.dataPackage, written),
    versions: [{ version: '1.0.0', released: '2026-01-02T10:00:00Z', url: `${URL_}v/1.0.0/` }],
  };
  catalogue = buildDcatCatalogue(options);
  dataset = (catalogue['dcat:dataset'] as Node[])[0]!;
  distributions = dataset['dcat:distribution'] as Node[];
});

describe('the DCAT catalogue', () => {
  it('is a dcat:Catalog holding the register as a dcat:Dataset with licence, version and dates', () => {
    expect(catalogue).toMatchObject({ '@type': 'dcat:Catalog', '@id': `${URL_}catalog.jsonld` });
    expect(dataset).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:title': options.meta.title,
      'dct:license': { '@id': options.meta.licence.path },
      'dcat:version': '1.1.0-dev.20260601',
      'dct:issued': { '@value': '2026-01-02T10:00:00Z', '@type': 'xsd:dateTime' },
      'dct:modified': { '@value': CREATED, '@type': 'xsd:dateTime' },
      'dcat:landingPage': { '@id': URL_ },
    });
    expect(dataset['dcat:hasVersion']).toEqual([
      expect.objectContaining({ '@id': `${URL_}v/1.0.0/`, 'dcat:version': '1.0.0' }),
    ]);
  });

  it('has a distribution for every download, with its true media type, size and SPDX checksum', () => {
    const sums = new TextDecoder()
      .decode(set.files.get('SHA256SUMS')!)
      .trim()
      .split('\n')
      .map((l) => l.split('  ')[1]!);
    const listed = distributions.map((d) => String(d['@id']).slice(URL_.length));
    expect(listed.sort()).toEqual([...sums, 'SHA256SUMS'].sort());
    for (const d of distributions) {
      const path = String(d['@id']).slice(URL_.length);
      const bytes = set.files.get(path)!;
      expect(d['dcat:downloadURL'], path).toEqual({ '@id': URL_ + path });
      expect(d['dcat:accessURL'], path).toEqual({ '@id': URL_ });
      expect(d['dcat:byteSize'], path).toEqual({
        '@value': String(bytes.length),
        '@type': 'xsd:nonNegativeInteger',
      });
      expect(d['spdx:checksum'], path).toEqual({
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': sha(bytes), '@type': 'xsd:hexBinary' },
      });
      expect(d['dct:license'], path).toEqual({ '@id': options.meta.licence.path });
      expect(String((d['dcat:mediaType'] as Node)['@id']), path).toMatch(
        /^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[a-z0-9.+-]+$/,
      );
    }
    const media = (path: string) =>
      (distributions.find((d) => d['@id'] === URL_ + path)!['dcat:mediaType'] as Node)['@id'];
    expect(media('providers.csv')).toBe('https://www.iana.org/assignments/media-types/text/csv');
    expect(media('kitemark-register-fixture.sqlite')).toBe(
      'https://www.iana.org/assignments/media-types/application/vnd.sqlite3',
    );
  });

  it('uses only prefixes its @context defines, so a JSON-LD processor expands every term', () => {
    const context = catalogue['@context'] as Record<string, string>;
    const used = new Set<string>();
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (!k.startsWith('@')) used.add(k.split(':')[0]!);
          if ((k === '@type' || k === '@id') && typeof x === 'string' && /^[a-z]+:[^/]/.test(x))
            used.add(x.split(':')[0]!);
          visit(x);
        }
      }
    };
    visit(catalogue);
    for (const prefix of used) expect(context, prefix).toHaveProperty(prefix);
  });
});

describe('the schema.org Dataset', () => {
  it('names the data, its licence, creator, version and date, and its main downloads', () => {
    const ld = buildSchemaOrgDataset(options);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: options.meta.title,
      description: options.meta.description,
      license: options.meta.licence.path,
      creator: { '@type': 'Organization', name: options.meta.publisher.name },
      version: '1.1.0-dev.20260601',
      dateModified: CREATED,
    });
    const downloads = ld['distribution'] as Node[];
    expect(downloads.map((d) => d['contentUrl'])).toEqual(
      expect.arrayContaining([
        `${URL_}providers.csv`,
        `${URL_}kitemark-register-fixture.xlsx`,
        `${URL_}kitemark-register-fixture.sqlite`,
        `${URL_}datapackage.json`,
      ]),
    );
    for (const d of downloads) {
      expect(d['@type']).toBe('DataDownload');
      expect(d['encodingFormat']).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
  });
});

describe('serializeJsonLd', () => {
  it('cannot end its <script> element or open a comment, and reads back as the same value', () => {
    const value = { name: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
