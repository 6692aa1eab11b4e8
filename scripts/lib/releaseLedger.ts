/**
 * What has been published: one entry per GitHub Release of the data (tag `data-vX`), with the
 * archive's address, size and SHA-256 and the SHA-256 of every file in it. The deploy workflow
 * writes it (`published.json`) beside the archives it downloads; the build checks every archive
 * it uses against it, so a published version can never be published again with other bytes.
 */
import { archiveName, changedFiles, releaseTag } from './releaseArchive.ts';

export const LEDGER_FILE = 'published.json';

export interface PublishedRelease {
  version: string;
  tag: string;
  /** The commit the release's tag was made on. */
  commit?: string;
  /** When GitHub published it (RFC 3339). */
  publishedAt?: string;
  asset: { name: string; url: string; bytes: number; sha256: string };
  /** Every file of the archive (path inside its folder → SHA-256), from its SHA256SUMS. */
  files: Record<string, string>;
}

export interface ReleaseLedger {
  /** What wrote it: bumped if the shape changes. */
  format: 1;
  releases: PublishedRelease[];
}

export type ReleaseErrorCode =
  /** An archive on disk is not the one published for its version. */
  | 'release/archive-changed'
  /** A published version's archive is not on disk, and rebuilding it gives other bytes. */
  | 'release/published-bytes-changed'
  /** An archive cannot be read as an archive of its version. */
  | 'release/archive-damaged'
  /** A published release has no archive asset, or its download does not match its digest. */
  | 'release/asset-missing'
  | 'release/asset-mismatch'
  /** published.json cannot be read. */
  | 'release/ledger-invalid';

/** A reason a release cannot be used or published, with a stable code and what to do. */
export class ReleaseError extends Error {
  constructor(
    readonly code: ReleaseErrorCode,
    message: string,
    /** The file the problem is in. */
    readonly file?: string,
  ) {
    super(`${message} [${code}]`);
    this.name = 'ReleaseError';
  }
}

export const FETCH_HINT =
  'download the published archives again (`npx tsx scripts/github/main-releases.ts fetch`, as the deploy workflow does), or copy the published file into the releases folder (KITEMARK_RELEASES or --releases)';

export function parseLedger(text: string, file: string): Map<string, PublishedRelease> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ReleaseError(
      'release/ledger-invalid',
      `${file} is not JSON (${e instanceof Error ? e.message : String(e)}): delete it and ${FETCH_HINT}.`,
      file,
    );
  }
  const releases = (value as Partial<ReleaseLedger> | null)?.releases;
  if (!Array.isArray(releases) || (value as ReleaseLedger).format !== 1) {
    throw new ReleaseError(
      'release/ledger-invalid',
      `${file} is not a list of published releases (format 1): delete it and ${FETCH_HINT}.`,
      file,
    );
  }
  const map = new Map<string, PublishedRelease>();
  for (const [i, r] of (releases as PublishedRelease[]).entries()) {
    if (
      typeof r?.version !== 'string' ||
      typeof r.asset?.sha256 !== 'string' ||
      typeof r.asset.url !== 'string' ||
      !/^https?:\/\//.test(r.asset.url) ||
      typeof r.files !== 'object'
    ) {
      throw new ReleaseError(
        'release/ledger-invalid',
        `${file}: entry ${i + 1} lacks a version, an asset with an http(s) url and a sha256, or files: delete it and ${FETCH_HINT}.`,
        file,
      );
    }
    map.set(r.version, r);
  }
  return map;
}

export function formatLedger(releases: Iterable<PublishedRelease>): string {
  const ledger: ReleaseLedger = {
    format: 1,
    releases: [...releases].sort((a, b) => (a.version < b.version ? -1 : 1)),
  };
  return `${JSON.stringify(ledger, null, 2)}\n`;
}

const describeChanges = (changes: ReturnType<typeof changedFiles>) =>
  changes.length === 0
    ? 'every file is the same, but not the archive itself (its order, dates or compression)'
    : `${changes
        .slice(0, 8)
        .map((c) => `${c.path} (${c.change})`)
        .join(', ')}${changes.length > 8 ? ` and ${changes.length - 8} more` : ''}`;

/**
 * The check of an archive on disk against the published one: nothing when they are the same
 * bytes, else the error naming the files that differ.
 */
export function checkPublished(
  published: PublishedRelease,
  found: { file: string; sha256: string; sums: ReadonlyMap<string, string> },
): ReleaseError | undefined {
  if (found.sha256 === published.asset.sha256) return undefined;
  const changes = changedFiles(new Map(Object.entries(published.files)), found.sums);
  return new ReleaseError(
    'release/archive-changed',
    `${found.file} is not the archive published as version ${published.version} (release ${published.tag}, SHA-256 ${published.asset.sha256}); it has SHA-256 ${found.sha256}. Files that differ: ${describeChanges(changes)}. A published version is never rebuilt: delete ${found.file} and ${FETCH_HINT}.`,
    found.file,
  );
}

/** The error for a published version that this build would make differently. */
export function rebuiltDiffers(
  published: PublishedRelease,
  rebuilt: { sha256: string; sums: ReadonlyMap<string, string> },
  releasesDir: string,
): ReleaseError {
  const changes = changedFiles(new Map(Object.entries(published.files)), rebuilt.sums);
  return new ReleaseError(
    'release/published-bytes-changed',
    `version ${published.version} was published (release ${releaseTag(published.version)}, ${published.asset.url}, SHA-256 ${published.asset.sha256}), but its archive is not in ${releasesDir}, and this build would make it differently (SHA-256 ${rebuilt.sha256}): ${describeChanges(changes)}. The code that writes downloads has changed since it was published, and a published version must keep its bytes. Put the published ${archiveName(published.version)} in ${releasesDir}: ${FETCH_HINT}.`,
    archiveName(published.version),
  );
}
