/**
 * A released version as one archive: `kitemark-register-X.zip`, every file of the version under
 * one folder (`kitemark-register-X/`), in byte order of their paths, every entry dated the
 * release's time. The same files and date always give the same bytes, so the archive's SHA-256
 * is something to cite. It is published once (a GitHub Release asset, tag `data-vX`) and every
 * later build takes it as it is, never rebuilding it (see releaseLedger.ts).
 */
import { unzipFiles, zipStream, type Compress, type Decompress } from './contracts/zipFiles.ts';

export const ARCHIVE_PREFIX = 'kitemark-register';
export const TAG_PREFIX = 'data-v';

/** `kitemark-register-1.2.0.zip` */
export const archiveName = (version: string) => `${ARCHIVE_PREFIX}-${version}.zip`;
/** The folder inside the archive: `kitemark-register-1.2.0/`. */
export const archiveFolder = (version: string) => `${ARCHIVE_PREFIX}-${version}/`;
/** The git tag of the GitHub Release holding the archive: `data-v1.2.0`. */
export const releaseTag = (version: string) => `${TAG_PREFIX}${version}`;

/** The version a release tag names (`data-v1.2.0` → `1.2.0`), or undefined for other tags. */
export function tagVersion(tag: string): string | undefined {
  return /^data-v((?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*))$/.exec(tag)?.[1];
}

/** A file of the version: its path inside the version folder, and how to get its bytes. */
export interface ArchiveFile {
  path: string;
  read: () => Uint8Array | Promise<Uint8Array>;
}

/**
 * The archive's bytes, as chunks in order. Files are read one at a time (a version of a large
 * register is hundreds of megabytes); `date` (the release's time) dates every entry.
 */
export function packArchive(
  version: string,
  files: readonly ArchiveFile[],
  date: Date,
  compress: Compress,
): AsyncGenerator<Uint8Array> {
  const folder = archiveFolder(version);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  async function* entries() {
    for (const file of sorted) yield { path: `${folder}${file.path}`, data: await file.read() };
  }
  return zipStream(entries(), compress, date);
}

/** The small files of an archive a build publishes beside the version's page. */
export const SUMMARY_FILES = [
  'datapackage.json',
  'SHA256SUMS',
  'README.md',
  'catalog.jsonld',
] as const;

export interface ArchiveSummary {
  /** Those of SUMMARY_FILES the archive holds, by path inside its folder. */
  files: Map<string, Uint8Array>;
  /** Every file's SHA-256, from the archive's SHA256SUMS. */
  sums: Map<string, string>;
}

/**
 * Reads an archive's summary files, checking that it is an archive of `version`: everything in
 * one folder of that name, with a SHA256SUMS that lists every other file. Throws with the
 * reason in words.
 */
export async function readArchiveSummary(
  zip: Uint8Array,
  version: string,
  decompress: Decompress,
): Promise<ArchiveSummary> {
  const folder = archiveFolder(version);
  const wanted = new Set<string>(SUMMARY_FILES.map((f) => `${folder}${f}`));
  const paths: string[] = [];
  const entries = await unzipFiles(zip, decompress, (path) => {
    paths.push(path);
    return wanted.has(path);
  });
  const outside = paths.find((p) => !p.startsWith(folder));
  if (outside !== undefined) throw new Error(`${outside} is outside the folder ${folder}`);
  const files = new Map(entries.map((e) => [e.path.slice(folder.length), e.data]));
  const checksums = files.get('SHA256SUMS');
  if (!checksums) throw new Error(`it has no ${folder}SHA256SUMS`);
  const sums = parseChecksums(new TextDecoder().decode(checksums));
  const unlisted = paths
    .map((p) => p.slice(folder.length))
    .find((p) => p !== 'SHA256SUMS' && !sums.has(p));
  if (unlisted !== undefined) throw new Error(`${folder}${unlisted} is not in its SHA256SUMS`);
  return { files, sums };
}

/** A `sha256sum` file (`<hash>  <path>` lines) as path → hash. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m) sums.set(m[2]!, m[1]!);
  }
  return sums;
}

/** Files whose hashes differ between two SHA256SUMS, or that only one of them lists. */
export function changedFiles(
  published: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
): { path: string; change: 'changed' | 'added' | 'removed' }[] {
  const out: { path: string; change: 'changed' | 'added' | 'removed' }[] = [];
  for (const [path, hash] of published) {
    const other = now.get(path);
    if (other === undefined) out.push({ path, change: 'removed' });
    else if (other !== hash) out.push({ path, change: 'changed' });
  }
  for (const path of now.keys()) if (!published.has(path)) out.push({ path, change: 'added' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
