/**
 * An archive worker thread: builds each committed release it is sent straight into its
 * archive file, and says what it built (the files never cross between threads).
 */
import { parentPort } from 'node:worker_threads';
import { loadRegister } from '../../lib/loadRegister.ts';
import { buildReleaseArchive, type ArchiveRequest } from './buildReleaseArchive.ts';
import type { BuiltArchive } from './buildArchives.ts';

export interface ArchiveJob {
  id: number;
  request: ArchiveRequest;
  repository: string;
  dataPath: string;
  schemaUrl?: string;
}

export type ArchiveJobResult = { id: number; built: BuiltArchive } | { id: number; error: string };

// Only provisional releases read the working tree, and those are built on the main thread.
const NO_WORKING_TREE = {
  loaded: loadRegister({ keys: () => [][Symbol.iterator](), get: () => undefined }),
  schemaFiles: new Map<string, Uint8Array>(),
};

parentPort?.on('message', (job: ArchiveJob | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  buildReleaseArchive(job.request, {
    repository: job.repository,
    dataPath: job.dataPath,
    working: NO_WORKING_TREE,
    ...(job.schemaUrl ? { schemaUrl: job.schemaUrl } : {}),
  }).then(
    (built) => parentPort?.postMessage({ id: job.id, built } satisfies ArchiveJobResult),
    (e: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: e instanceof Error ? e.message : String(e),
      } satisfies ArchiveJobResult),
  );
});
