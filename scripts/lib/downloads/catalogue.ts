/**
 * The downloads described for catalogues and search engines, from the same datapackage.json:
 * a DCAT catalogue (DCAT 3, in the DCAT-AP style: a `dcat:Catalog` with the register as a
 * `dcat:Dataset` and one `dcat:Distribution` per file, each with its media type, size, SPDX
 * checksum, licence and dates), published as `/data/catalog.jsonld`; and schema.org `Dataset`
 * markup for the downloads page, which Google Dataset Search and others read.
 */
import type { DataPackage } from '../dataPackage.ts';
import { REGISTER_KEYWORDS } from '../dataPackage.ts';
import type { RegisterMetadata } from '../types.generated.ts';

export interface CatalogueFile {
  path: string;
  title: string;
  description: string;
  mediatype: string;
  bytes: number;
  sha256: string;
  /** A schema the file conforms to (a JSON Schema's address). */
  conformsTo?: string;
}

export interface CatalogueOptions {
  meta: RegisterMetadata;
  /** The version these files are (for `/data/`, its pre-release version string). */
  version: string;
  /** The downloads folder's address, ending `/`: every file's path is relative to it. */
  url: string;
  /** The catalogue's own address. */
  catalogueUrl: string;
  /** When these files were made (RFC 3339): modified. */
  modified: string;
  /** When the register was first published (RFC 3339), if known: issued. */
  issued?: string;
  files: readonly CatalogueFile[];
  /** Released versions, newest first, each with its page. */
  versions?: readonly { version: string; released: string; url: string }[];
}

/** Every file a data package lists, plus the package's own files, as catalogue entries. */
export function catalogueFiles(
  dataPackage: DataPackage,
  written: ReadonlyMap<string, { bytes: number; sha256: string }>,
): CatalogueFile[] {
  const described = new Map(dataPackage.resources.map((r) => [r.path, r]));
  const own: Record<string, Omit<CatalogueFile, 'path' | 'bytes' | 'sha256'>> = {
    'datapackage.json': {
      title: 'Data package (datapackage.json)',
      description:
        'The Frictionless Data Package: every file with its size and SHA-256, and a Table Schema for every CSV.',
      mediatype: 'application/json',
    },
    SHA256SUMS: {
      title: 'SHA-256 checksums',
      description: 'The SHA-256 of every file, for `sha256sum -c SHA256SUMS`.',
      mediatype: 'text/plain',
    },
    'README.md': {
      title: 'README',
      description: 'What the files are, their licence and how to cite them.',
      mediatype: 'text/markdown',
    },
  };
  const files: CatalogueFile[] = [];
  for (const [path, file] of written) {
    const r = described.get(path);
    const about = r
      ? {
          title: r.title,
          description: r.description,
          mediatype: r.mediatype,
          ...(r.jsonSchema ? { conformsTo: jsonSchemaRef(r.jsonSchema) } : {}),
        }
      : own[path];
    if (about) files.push({ path, bytes: file.bytes, sha256: file.sha256, ...about });
  }
  return files;
}

const jsonSchemaRef = (s: { $ref: string } | { items: { $ref: string } }) =>
  '$ref' in s ? s.$ref : s.items.$ref;

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const IANA = 'https://www.iana.org/assignments/media-types/';
/** EU Publications Office file types (DCAT-AP's vocabulary for dct:format). */
const FILE_TYPES: Record<string, string> = {
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/plain': 'TXT',
  'application/zip': 'ZIP',
};
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const ENGLAND = 'http://statistics.data.gov.uk/id/statistical-geography/E92000001';

/** `/data/catalog.jsonld`: the DCAT catalogue of the register's downloads. */
export function buildDcatCatalogue(options: CatalogueOptions): Record<string, unknown> {
  const { meta } = options;
  const licence = { '@id': meta.licence.path };
  const publisher = {
    '@type': 'foaf:Agent',
    'foaf:name': meta.publisher.name,
    ...(meta.publisher.url ? { 'foaf:homepage': { '@id': meta.publisher.url } } : {}),
  };
  const issued = options.issued ? { 'dct:issued': dateTime(options.issued) } : {};
  const distributions = options.files.map((f) => {
    const fileType = FILE_TYPES[f.mediatype];
    return {
      '@id': options.url + f.path,
      '@type': 'dcat:Distribution',
      'dct:title': f.title,
      'dct:description': f.description,
      'dcat:accessURL': { '@id': options.url },
      'dcat:downloadURL': { '@id': options.url + f.path },
      'dcat:mediaType': { '@id': IANA + f.mediatype },
      ...(fileType
        ? {
            'dct:format': {
              '@id': `http://publications.europa.eu/resource/authority/file-type/${fileType}`,
            },
          }
        : {}),
      'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:nonNegativeInteger' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
      },
      'dct:license': licence,
      ...issued,
      'dct:modified': dateTime(options.modified),
      ...(f.conformsTo ? { 'dct:conformsTo': { '@id': f.conformsTo } } : {}),
    };
  });
  const contact = meta.contact
    ? {
        'dcat:contactPoint': {
          '@type': 'vcard:Kind',
          'vcard:fn': meta.contact.name ?? meta.publisher.name,
          ...(meta.contact.email
            ? { 'vcard:hasEmail': { '@id': `mailto:${meta.contact.email}` } }
            : {}),
          ...(meta.contact.url ? { 'vcard:hasURL': { '@id': meta.contact.url } } : {}),
        },
      }
    : {};
  const dataset = {
    '@id': `${options.url}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': options.url,
    'dct:title': meta.title,
    'dct:description': meta.description,
    'dcat:keyword': REGISTER_KEYWORDS,
    'dct:publisher': publisher,
    ...contact,
    'dct:license': licence,
    'dct:spatial': { '@id': ENGLAND },
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
    'dcat:version': options.version,
    ...issued,
    'dct:modified': dateTime(options.modified),
    'dcat:landingPage': { '@id': options.url },
    ...(options.versions && options.versions.length > 0
      ? {
          'dcat:hasVersion': options.versions.map((v) => ({
            '@id': v.url,
            '@type': 'dcat:Dataset',
            'dct:title': `${meta.title}, version ${v.version}`,
            'dcat:version': v.version,
            'dct:issued': dateTime(v.released),
            'dcat:landingPage': { '@id': v.url },
            'dct:license': licence,
          })),
        }
      : {}),
    'dcat:distribution': distributions,
  };
  return {
    '@context': CONTEXT,
    '@id': options.catalogueUrl,
    '@type': 'dcat:Catalog',
    'dct:title': `${meta.title}: open data`,
    'dct:description': `The open data of the ${meta.title}.`,
    'dct:publisher': publisher,
    'dct:license': licence,
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
    ...(meta.homepage ? { 'foaf:homepage': { '@id': meta.homepage } } : {}),
    'dct:modified': dateTime(options.modified),
    'dcat:dataset': [dataset],
  };
}

/** The formats worth listing to a search engine: tables, workbook, database, data package. */
const MAIN_TYPES = new Set([
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.sqlite3',
]);

/** schema.org `Dataset` for the downloads page. */
export function buildSchemaOrgDataset(options: CatalogueOptions): Record<string, unknown> {
  const { meta } = options;
  const organisation = {
    '@type': 'Organization',
    name: meta.publisher.name,
    ...(meta.publisher.url ? { url: meta.publisher.url } : {}),
  };
  const main = options.files.filter(
    (f) => (MAIN_TYPES.has(f.mediatype) && !f.path.includes('/')) || f.path === 'datapackage.json',
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${options.url}#dataset`,
    name: meta.title,
    description: meta.description,
    url: options.url,
    identifier: options.url,
    license: meta.licence.path,
    isAccessibleForFree: true,
    creator: organisation,
    publisher: organisation,
    version: options.version,
    ...(options.issued ? { datePublished: options.issued } : {}),
    dateModified: options.modified,
    keywords: REGISTER_KEYWORDS,
    inLanguage: 'en-GB',
    spatialCoverage: { '@type': 'Place', name: 'England', sameAs: ENGLAND },
    includedInDataCatalog: { '@type': 'DataCatalog', name: meta.title, url: options.catalogueUrl },
    distribution: main.map((f) => ({
      '@type': 'DataDownload',
      name: f.title,
      contentUrl: options.url + f.path,
      encodingFormat: f.mediatype,
      contentSize: `${f.bytes} B`,
      sha256: f.sha256,
    })),
  };
}
