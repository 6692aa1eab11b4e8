/**
 * HSDS 3.0's tabular form: one CSV per resource of the specification's datapackage.json, with
 * its fields in its order, and a datapackage.json whose resources, fields and types are the
 * specification's own. Resources we have no data for are published with their header row only,
 * so every foreign key in the descriptor names a file that exists.
 */
import type { ProviderView, Register } from '../buildRegister.ts';
import type { DataPackage } from '../dataPackage.ts';
import { CSV_DIALECT, sha256 } from '../dataPackage.ts';
import { formatCsv } from '../formatCsv.ts';
import { HSDS_ATTRIBUTION, HSDS_RESOURCES, HSDS_VERSION, type SpecResource } from './hsdsSpec.ts';
import type { HsdsMapper } from './mapToHsds.ts';

/** Rows per CSV chunk, so a 100,000-row table is never one string. */
const ROWS_PER_CHUNK = 2_000;

const encoder = new TextEncoder();

export interface HsdsTable {
  resource: SpecResource;
  rows: number;
  chunks: Uint8Array[];
}

type Row = Record<string, string | number | undefined>;

class TableBuilder {
  readonly names: string[];
  private readonly header: string;
  private pending: string[][] = [];
  readonly chunks: Uint8Array[] = [];
  rows = 0;

  constructor(readonly resource: SpecResource) {
    this.names = resource.schema.fields.map((f) => f.name);
    this.header = formatCsv(this.names, []);
    this.chunks.push(encoder.encode(this.header));
  }

  add(row: Row): void {
    this.pending.push(this.names.map((n) => (row[n] === undefined ? '' : String(row[n]))));
    this.rows++;
    if (this.pending.length === ROWS_PER_CHUNK) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(encoder.encode(formatCsv(this.names, this.pending).slice(this.header.length)));
    this.pending = [];
  }
}

/** Every resource's CSV, in the specification's order, from one pass over the providers. */
export function buildHsdsTables(
  mapper: HsdsMapper,
  providers: readonly ProviderView[],
): HsdsTable[] {
  const tables = new Map(HSDS_RESOURCES.map((r) => [r.name, new TableBuilder(r)]));
  const add = (name: string, row: object) => tables.get(name)!.add(row as Row);
  for (const p of providers) {
    const { organization, services } = mapper.mapProvider(p);
    add('organization', organization);
    for (const identifier of organization.organization_identifiers)
      add('organization_identifier', identifier);
    for (const phone of organization.phones) add('phone', phone);
    for (const location of organization.locations) {
      add('location', location);
      for (const address of location.addresses) add('address', address);
    }
    for (const service of services) {
      add('service', service);
      for (const phone of service.phones) add('phone', phone);
      for (const contact of service.contacts) add('contact', contact);
      for (const area of service.service_areas) add('service_area', area);
      for (const link of service.service_at_locations) add('service_at_location', link);
      for (const attribute of service.attributes) add('attribute', attribute);
    }
  }
  for (const taxonomy of mapper.taxonomies) add('taxonomy', taxonomy);
  for (const term of mapper.terms) add('taxonomy_term', term);
  return [...tables.values()].map((t) => {
    t.flush();
    return { resource: t.resource, rows: t.rows, chunks: t.chunks };
  });
}

export interface WrittenHsdsFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * The tabular package's datapackage.json: the specification's resources unchanged (name, path,
 * description, format, media type, profile, Table Schema), each with its size and hash, and
 * the register's own title, version and licence.
 */
export function hsdsDataPackage(
  register: Pick<Register, 'meta' | 'today'>,
  /** RFC 3339 date-time the data was published. */
  created: string,
  written: readonly WrittenHsdsFile[],
): Omit<DataPackage, 'profile' | 'resources' | 'keywords' | 'contributors'> & {
  profile: 'tabular-data-package';
  resources: unknown[];
} {
  const { meta } = register;
  const byPath = new Map(written.map((w) => [w.path, w]));
  return {
    profile: 'tabular-data-package',
    name: `${meta.name}-hsds`,
    title: `${meta.title} in HSDS ${HSDS_VERSION}`,
    description: `The register's providers and services in the tabular form of the Human Services Data Specification (HSDS) ${HSDS_VERSION} of Open Referral, with kitemark statuses judged on ${register.today}. The resources, fields and types are the specification's; see docs/hsds.md for which we fill. Table Schemas: ${HSDS_ATTRIBUTION}`,
    version: meta.version,
    created,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    licenses: [{ name: meta.licence.name, title: meta.licence.title, path: meta.licence.path }],
    resources: HSDS_RESOURCES.map((r) => {
      const file = byPath.get(r.path);
      return {
        ...r,
        encoding: 'utf-8',
        dialect: CSV_DIALECT,
        ...(file ? { bytes: file.bytes, hash: `sha256:${file.sha256}` } : {}),
      };
    }),
  };
}

export interface HsdsPackageFile extends WrittenHsdsFile {
  /** The resource a CSV holds; absent for datapackage.json. */
  table?: HsdsTable;
}

/**
 * Writes the whole tabular package through `write` (paths relative to the package's folder):
 * every resource's CSV, then datapackage.json with their sizes and hashes.
 */
export async function writeHsdsPackage(
  options: { register: Register; mapper: HsdsMapper; created: string },
  write: (path: string, chunks: readonly Uint8Array[]) => Promise<void>,
): Promise<HsdsPackageFile[]> {
  const files: HsdsPackageFile[] = [];
  for (const table of buildHsdsTables(options.mapper, options.register.providers)) {
    await write(table.resource.path, table.chunks);
    files.push({ path: table.resource.path, ...measure(table.chunks), table });
  }
  const descriptor = [
    encoder.encode(
      `${JSON.stringify(hsdsDataPackage(options.register, options.created, files), null, 2)}\n`,
    ),
  ];
  await write('datapackage.json', descriptor);
  files.push({ path: 'datapackage.json', ...measure(descriptor) });
  return files;
}

function measure(chunks: readonly Uint8Array[]): { bytes: number; sha256: string } {
  const all = Buffer.concat(chunks);
  return { bytes: all.length, sha256: sha256(all) };
}
