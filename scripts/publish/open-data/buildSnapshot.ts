/**
 * One version's snapshot: the register's files at the commit that released it, turned into the
 * full set of downloads with statuses judged on the release day and `created` set to the
 * release's date, so rebuilding it on any day gives the same bytes. A version this build cannot
 * read as a valid register becomes a raw snapshot of its files instead (see buildRawSnapshot).
 */
import { readGitRevision } from '../../io/git/readGitRevision.ts';
import { readGeography } from '../../io/referenceFiles.ts';
import {
  checkDownloadTables,
  collectDownloadTables,
  writeDownloads,
  type DownloadSink,
} from '../../lib/downloads/buildDownloads.ts';
import { buildRawSnapshot } from '../../lib/downloads/buildRawSnapshot.ts';
import { hasErrors } from '../../lib/issue.ts';
import { loadRegister, type LoadedRegister, type Sources } from '../../lib/loadRegister.ts';
import { releaseDay, type Release } from '../../lib/releases.ts';
import type { RegisterMetadata } from '../../lib/types.generated.ts';
import { validateRegister } from '../../lib/validateRegister.ts';
import type { SnapshotMeta } from './snapshotArchive.ts';

export interface SnapshotSource {
  /** The repository, for committed releases. */
  repository?: string;
  dataPath?: string;
  /** Where the schemas are published (see DownloadOptions.schemaUrl). */
  schemaUrl?: string;
  /** The working tree's register and schemas, for a provisional release. */
  working: { loaded: LoadedRegister; schemaFiles: ReadonlyMap<string, Uint8Array> };
}

/** Writes the snapshot's files through `sink` and says what kind of snapshot it is. */
export async function buildSnapshot(
  release: Release,
  url: string,
  source: SnapshotSource,
  sink: DownloadSink,
): Promise<SnapshotMeta> {
  let loaded: LoadedRegister;
  let schemaFiles: ReadonlyMap<string, Uint8Array>;
  let files: Map<string, Uint8Array> | undefined;
  if (release.provisional || !release.commit || !source.repository) {
    ({ loaded, schemaFiles } = source.working);
  } else {
    const data = await readGitRevision(
      source.repository,
      release.commit,
      source.dataPath ?? 'data',
    );
    files = toMap(data);
    loaded = loadRegister(data);
    schemaFiles = await readGitRevision(source.repository, release.commit, 'schema').then(
      toMap,
      () => new Map(),
    );
  }
  const asAt = releaseDay(release);
  const base: SnapshotMeta = {
    version: release.version,
    commit: release.commit ?? '',
    url,
    kind: 'full',
  };

  // Judged as of no particular day: whether a version can be published must not depend on the
  // day it is rebuilt, and a commit's clock may lag the dates in its data.
  const errors = validateRegister(loaded, { today: '9999-12-31' }).filter(
    (i) => i.severity === 'error',
  );
  let reason: string | undefined;
  if (!loaded.meta.value) reason = 'its register.json could not be read.';
  else if (hasErrors(errors)) {
    const first = errors[0]!;
    reason = `this build reads it as having ${errors.length} error${errors.length === 1 ? '' : 's'} under the current data standard (the first: ${first.file} line ${first.line}, ${first.code}).`;
  }
  if (!reason) {
    const problems = checkDownloadTables(collectDownloadTables(loaded, asAt));
    if (problems.length > 0)
      reason = `its downloads could not be made safely (${problems[0]!.message})`;
  }
  if (!reason) {
    const summary = await writeDownloads(
      {
        loaded,
        asAt,
        created: release.date,
        url,
        schemaFiles,
        geography: await readGeography(),
        ...(source.schemaUrl ? { schemaUrl: source.schemaUrl } : {}),
      },
      sink,
    );
    if (summary.problems.length > 0) {
      throw new Error(`version ${release.version}: ${summary.problems[0]!.message}`);
    }
    return base;
  }
  const meta = metaOf(loaded, release);
  const raw = buildRawSnapshot({
    files: files ?? new Map(),
    schemaFiles,
    meta,
    created: release.date,
    url,
    reason,
  });
  for (const [path, bytes] of raw.files) await sink.write(path, [bytes]);
  return { ...base, kind: 'raw', reason };
}

function toMap(sources: Sources): Map<string, Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const key of sources.keys()) {
    const bytes = sources.get(key);
    if (bytes) map.set(key, bytes);
  }
  return map;
}

/** register.json as read, or enough of it to describe the package when it cannot be read. */
function metaOf(loaded: LoadedRegister, release: Release): RegisterMetadata {
  const value = loaded.meta.value as Partial<RegisterMetadata> | undefined;
  return {
    name: typeof value?.name === 'string' ? value.name : 'register',
    title: typeof value?.title === 'string' ? value.title : 'Register',
    description:
      typeof value?.description === 'string'
        ? value.description
        : 'The register as it was at this version.',
    publisher: value?.publisher ?? { name: 'The register maintainers' },
    licence: value?.licence ?? {
      name: 'OGL-UK-3.0',
      title: 'Open Government Licence v3.0',
      path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    },
    version: release.version,
    ...(value?.sources ? { sources: value.sources } : {}),
  };
}
