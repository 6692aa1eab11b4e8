/**
 * Makes one version's archive: its snapshot written into a scratch folder beside the target
 * (a file at a time, never all in memory), then packed into the deterministic archive and
 * moved into place. The scratch folder is removed either way.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { packArchive } from '../../lib/releaseArchive.ts';
import type { Release } from '../../lib/releases.ts';
import {
  buildSnapshot,
  type SnapshotMeta,
  type SnapshotSource,
  type WriteDownloads,
} from './buildSnapshot.ts';
import { dirSink } from '../../io/outputFolder.ts';
import { ReleaseStore, type StoredArchive } from '../../io/releaseStore.ts';

export interface ArchiveRequest {
  release: Release;
  /** The version's page, for the package's id and its citation. */
  url: string;
  /** Where the archive goes. */
  file: string;
}

export async function buildReleaseArchive(
  request: ArchiveRequest,
  source: SnapshotSource,
  write?: WriteDownloads,
): Promise<{ meta: SnapshotMeta; archive: StoredArchive }> {
  const { release, url, file } = request;
  const store = new ReleaseStore(dirname(file));
  await mkdir(dirname(file), { recursive: true });
  const scratch = await mkdtemp(`${file}.files-`);
  try {
    const meta = await buildSnapshot(release, url, source, dirSink(scratch), write);
    const paths = (await readdir(scratch, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(scratch, join(e.parentPath, e.name)).split(sep).join('/'));
    const archive = await store.write(
      file,
      packArchive(
        release.version,
        paths.map((path) => ({
          path,
          read: async () => new Uint8Array(await readFile(join(scratch, path))),
        })),
        new Date(release.date),
        (data) => new Uint8Array(deflateRawSync(data)),
      ),
    );
    return { meta, archive };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
