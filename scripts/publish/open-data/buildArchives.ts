/**
 * Builds the archives of the releases the releases folder lacks: on worker threads (one per
 * core, at most one per release), since each is independent and most of the time goes into
 * the workbook and compression; on the calling thread for a provisional release, a single
 * one, or when a test passes its own writer of the downloads (functions cannot cross threads).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildReleaseArchive, type ArchiveRequest } from './buildReleaseArchive.ts';
import type { SnapshotMeta, SnapshotSource, WriteDownloads } from './buildSnapshot.ts';
import type { StoredArchive } from '../../io/releaseStore.ts';
import type { ArchiveJob, ArchiveJobResult } from './archiveWorkerMain.ts';

export interface BuiltArchive {
  meta: SnapshotMeta;
  archive: StoredArchive;
}

export async function buildArchives(
  requests: readonly ArchiveRequest[],
  source: SnapshotSource,
  write?: WriteDownloads,
): Promise<Map<ArchiveRequest, BuiltArchive>> {
  const built = new Map<ArchiveRequest, BuiltArchive>();
  const committed = requests.filter((r) => !r.release.provisional && r.release.commit);
  const threads =
    write || !source.repository ? 0 : Math.min(committed.length, availableParallelism());
  const parallel = threads >= 2 ? committed : [];
  for (const r of requests)
    if (!parallel.includes(r)) built.set(r, await buildReleaseArchive(r, source, write));
  if (parallel.length === 0) return built;
  const queue = parallel.map((request, id) => ({ request, id }));
  await Promise.all(
    Array.from({ length: threads }, () =>
      runWorker(
        queue,
        { repository: source.repository!, dataPath: source.dataPath ?? 'data' },
        source.schemaUrl,
        built,
      ),
    ),
  );
  return built;
}

function runWorker(
  queue: { request: ArchiveRequest; id: number }[],
  where: { repository: string; dataPath: string },
  schemaUrl: string | undefined,
  built: Map<ArchiveRequest, BuiltArchive>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself; the parent's --import flags are not for it.
    const worker = new Worker(new URL('./archiveWorker.js', import.meta.url), { execArgv: [] });
    let current: { request: ArchiveRequest; id: number } | undefined;
    let failed = false;
    const fail = (e: Error) => {
      failed = true;
      reject(e);
      void worker.terminate();
    };
    const next = () => {
      current = queue.shift();
      if (!current) {
        worker.postMessage(null);
        return;
      }
      const job: ArchiveJob = {
        id: current.id,
        request: current.request,
        ...where,
        ...(schemaUrl ? { schemaUrl } : {}),
      };
      worker.postMessage(job);
    };
    worker.on('message', (message: ArchiveJobResult) => {
      if (!current || message.id !== current.id) return;
      if ('error' in message) {
        fail(
          new Error(`the archive of version ${current.request.release.version}: ${message.error}`),
        );
      } else {
        built.set(current.request, message.built);
        next();
      }
    });
    worker.once('error', (e: unknown) =>
      fail(e instanceof Error ? e : new Error(`an archive worker failed: ${String(e)}`)),
    );
    worker.once('exit', (code) => {
      if (failed) return;
      if (current === undefined) resolve();
      else reject(new Error(`an archive worker stopped (exit code ${code})`));
    });
    next();
  });
}
