/**
 * A snapshot worker thread: builds each committed release it is sent straight into the
 * snapshot archive, and says when it is done (the files never cross between threads).
 */
import { parentPort } from 'node:worker_threads';
import type { Release } from '../../lib/releases.ts';
import { loadRegister } from '../../lib/loadRegister.ts';
import { buildSnapshot } from './buildSnapshot.ts';
import { SnapshotArchive } from './snapshotArchive.ts';

export interface SnapshotJob {
  id: number;
  release: Release;
  url: string;
  repository: string;
  dataPath: string;
  archive: string;
  schemaUrl?: string;
}

// Only provisional releases read the working tree, and those are built on the main thread.
const NO_WORKING_TREE = {
  loaded: loadRegister({ keys: () => [][Symbol.iterator](), get: () => undefined }),
  schemaFiles: new Map<string, Uint8Array>(),
};

parentPort?.on('message', (job: SnapshotJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  new SnapshotArchive(job.archive)
    .create(job.release, (sink) =>
      buildSnapshot(
        job.release,
        job.url,
        {
          repository: job.repository,
          dataPath: job.dataPath,
          working: NO_WORKING_TREE,
          ...(job.schemaUrl ? { schemaUrl: job.schemaUrl } : {}),
        },
        sink,
      ),
    )
    .then(
      () => parentPort?.postMessage({ id: job.id }),
      (e: unknown) =>
        parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
    );
});
