/**
 * Every release's archive, ready to publish: a published version's archive is taken from the
 * releases folder exactly as published (checked against published.json), never rebuilt; a
 * version nobody has published yet is built once from the commit that released it and kept
 * there, so the next build and the GitHub Release get the same bytes. A published version whose
 * archive is missing is rebuilt only to prove it comes out the same: if it does not, the build
 * stops (release/published-bytes-changed) rather than publish other bytes under its version.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { RAW_SNAPSHOT_NOTE } from '../../lib/downloads/buildRawSnapshot.ts';
import type { ArchiveSummary } from '../../lib/releaseArchive.ts';
import { checkPublished, rebuiltDiffers, type PublishedRelease } from '../../lib/releaseLedger.ts';
import type { Release } from '../../lib/releases.ts';
import { buildArchives } from './buildArchives.ts';
import type { ArchiveRequest } from './buildReleaseArchive.ts';
import type { SnapshotMeta, SnapshotSource, WriteDownloads } from './buildSnapshot.ts';
import { ReleaseStore, type StoredArchive } from '../../io/releaseStore.ts';

export interface PreparedRelease {
  release: Release;
  /** The archive in the releases folder. */
  archive: StoredArchive;
  summary: ArchiveSummary;
  kind: 'full' | 'raw';
  reason?: string;
  /** Its GitHub Release, once published. */
  published?: PublishedRelease;
}

export interface PrepareOptions {
  store: ReleaseStore;
  /** The address of a version's page (the package id and citation of a new archive). */
  urlOf: (release: Release) => string;
  source: SnapshotSource;
  /** Another writer of the downloads, for tests of what a change to it does. */
  write?: WriteDownloads;
}

/** What a locally built, unpublished archive was made from, beside it as `<archive>.json`. */
type BuiltFrom = Pick<SnapshotMeta, 'commit' | 'url' | 'kind' | 'reason'>;

export async function prepareReleases(
  releases: readonly Release[],
  options: PrepareOptions,
): Promise<PreparedRelease[]> {
  const { store } = options;
  const ledger = await store.ledger();
  const found = new Map<Release, { archive: StoredArchive; from?: BuiltFrom }>();
  const missing: ArchiveRequest[] = [];
  for (const release of releases) {
    const file = store.path(release.version, release.provisional);
    const published = ledger.get(release.version);
    const archive = release.provisional ? undefined : await store.stat(file);
    const from = archive && !published ? await readBuiltFrom(file) : undefined;
    // An unpublished archive made from another commit or for another address is stale.
    const current =
      archive &&
      (published ||
        (from && from.commit === (release.commit ?? '') && from.url === options.urlOf(release)));
    if (current) found.set(release, { archive, ...(from ? { from } : {}) });
    else missing.push({ release, url: options.urlOf(release), file });
  }

  const built = await buildArchives(missing, options.source, options.write);
  for (const [request, { meta, archive }] of built) {
    const from: BuiltFrom = {
      commit: meta.commit,
      url: meta.url,
      kind: meta.kind,
      ...(meta.reason ? { reason: meta.reason } : {}),
    };
    await writeFile(`${request.file}.json`, `${JSON.stringify(from, null, 2)}\n`);
    found.set(request.release, { archive, from });
  }

  const prepared: PreparedRelease[] = [];
  for (const release of releases) {
    const { archive, from } = found.get(release)!;
    const summary = await store.summary(archive.file, release.version);
    const published = ledger.get(release.version);
    if (published) {
      const wasBuilt = missing.some((r) => r.release === release);
      const problem = checkPublished(published, { ...archive, sums: summary.sums });
      if (problem && wasBuilt) {
        await rm(archive.file, { force: true });
        await rm(`${archive.file}.json`, { force: true });
        throw rebuiltDiffers(published, { ...archive, sums: summary.sums }, store.dir);
      }
      if (problem) throw problem;
    }
    const kind = from?.kind ?? kindOf(summary);
    const reason = from?.reason ?? reasonOf(summary);
    prepared.push({
      release,
      archive,
      summary,
      kind,
      ...(reason ? { reason } : {}),
      ...(published ? { published } : {}),
    });
  }
  return prepared;
}

async function readBuiltFrom(file: string): Promise<BuiltFrom | undefined> {
  try {
    return JSON.parse(await readFile(`${file}.json`, 'utf8')) as BuiltFrom;
  } catch {
    return undefined;
  }
}

/** A published archive's README says when it holds only the original files (and why). */
function reasonOf(summary: ArchiveSummary): string | undefined {
  const readme = new TextDecoder().decode(summary.files.get('README.md') ?? new Uint8Array());
  const line = readme.split('\n').find((l) => l.startsWith(RAW_SNAPSHOT_NOTE));
  return line?.slice(RAW_SNAPSHOT_NOTE.length).trim();
}

function kindOf(summary: ArchiveSummary): 'full' | 'raw' {
  return reasonOf(summary) === undefined ? 'full' : 'raw';
}
