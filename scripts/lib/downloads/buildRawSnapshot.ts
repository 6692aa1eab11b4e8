/**
 * The fallback snapshot of a version whose files this build cannot read as a valid register
 * (made under an older data standard, say): the register's own files, byte for byte, with a
 * datapackage.json of their sizes and hashes and a SHA256SUMS, so the version is still
 * published, citable and checkable. The README says why it has no derived downloads.
 */
import {
  buildDataPackage,
  formatChecksums,
  sha256,
  type DataPackage,
  type FileFormat,
  type PackageFile,
} from '../dataPackage.ts';
import type { RegisterMetadata } from '../types.generated.ts';
import { describeLicence, formatCitation } from './citation.ts';

/**
 * How the README of such a snapshot begins the line giving the reason: published archives are
 * never rebuilt, so builds read a version's kind back from it (keep the words).
 */
export const RAW_SNAPSHOT_NOTE =
  'This version has no derived downloads (JSON, XLSX, joined tables):';

export interface RawSnapshotOptions {
  /** The register's files (paths relative to the data folder). */
  files: ReadonlyMap<string, Uint8Array>;
  schemaFiles: ReadonlyMap<string, Uint8Array>;
  meta: RegisterMetadata;
  created: string;
  url?: string;
  /** Why the derived downloads could not be made, in words. */
  reason: string;
}

export function buildRawSnapshot(options: RawSnapshotOptions): {
  files: Map<string, Uint8Array>;
  dataPackage: DataPackage;
} {
  const packageFiles: (PackageFile & { contents: Uint8Array })[] = [];
  const add = (path: string, bytes: Uint8Array, title: string) => {
    const format = path.split('.').pop() as FileFormat;
    if (format !== 'csv' && format !== 'json') return;
    packageFiles.push({
      name: path
        .toLowerCase()
        .replace(/\.(csv|json)$/, (_, ext: string) => (ext === 'json' ? '-json' : ''))
        .replace(/[^a-z0-9._-]+/g, '-'),
      path,
      format,
      title,
      description: 'Exactly as held in the register at this version.',
      bytes: bytes.length,
      sha256: sha256(bytes),
      contents: bytes,
    });
  };
  for (const [path, bytes] of [...options.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    add(path, bytes, path);
  }
  for (const [name, bytes] of [...options.schemaFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    add(`schema/${name}`, bytes, `JSON Schema ${name}`);
  }
  const dataPackage = buildDataPackage({
    meta: options.meta,
    created: options.created,
    ...(options.url ? { id: options.url } : {}),
    files: packageFiles,
  });
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>(packageFiles.map((f) => [f.path, f.contents]));
  files.set('datapackage.json', encoder.encode(`${JSON.stringify(dataPackage, null, 2)}\n`));
  files.set(
    'README.md',
    encoder.encode(
      [
        `# ${options.meta.title}, version ${options.meta.version}`,
        '',
        `Published ${options.created}. These are the register's files exactly as they were at this version.`,
        '',
        `${RAW_SNAPSHOT_NOTE} ${options.reason}`,
        '',
        '## Licence',
        '',
        describeLicence(options.meta),
        '',
        '## How to cite',
        '',
        formatCitation(options.meta, options.created, options.url),
        '',
        'Check a copy with `sha256sum -c SHA256SUMS`.',
        '',
      ].join('\n'),
    ),
  );
  files.set('SHA256SUMS', encoder.encode(formatChecksums(files)));
  return { files, dataPackage };
}
