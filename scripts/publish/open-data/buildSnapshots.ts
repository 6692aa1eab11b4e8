/**
 * Builds the snapshots of the releases the archive lacks, into the archive: on worker threads
 * (one per core, at most one per release), since each is independent and most of the time goes
 * into the workbook; on the calling thread for a provisional release or a single one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Release } from '../../lib/releases.ts';
import { buildSnapshot, type SnapshotSource } from './buildSnapshot.ts';
import type { SnapshotArchive } from './snapshotArchive.ts';
import type { SnapshotJob } from './snapshotWorkerMain.ts';

export interface SnapshotRequest {
  release: Release;
  url: string;
}

export async function buildSnapshots(
  requests: readonly SnapshotRequest[],
  source: SnapshotSource,
  archive: SnapshotArchive,
): Promise<void> {
  const here = (r: SnapshotRequest) =>
    archive.create(r.release, (sink) => buildSnapshot(r.release, r.url, source, sink));
  const committed = requests.filter((r) => !r.release.provisional && r.release.commit);
  const threads = Math.min(committed.length, availableParallelism());
  for (const r of requests)
    if (!committed.includes(r) || threads < 2 || !source.repository) await here(r);
  if (threads < 2 || !source.repository) return;
  const queue = committed.map((request, id) => ({ request, id }));
  await Promise.all(
    Array.from({ length: threads }, () =>
      runWorker(
        queue,
        source.repository!,
        source.dataPath ?? 'data',
        archive.dir,
        source.schemaUrl,
      ),
    ),
  );
}

function runWorker(
  queue: { request: SnapshotRequest; id: number }[],
  repository: string,
  dataPath: string,
  archiveDir: string,
  schemaUrl: string | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker registers tsx itself; the parent's --import flags are not for it.
    const worker = new Worker(new URL('./snapshotWorker.js', import.meta.url), { execArgv: [] });
    let current: { request: SnapshotRequest; id: number } | undefined;
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
      const job: SnapshotJob = {
        id: current.id,
        release: current.request.release,
        url: current.request.url,
        repository,
        dataPath,
        archive: archiveDir,
        ...(schemaUrl ? { schemaUrl } : {}),
      };
      worker.postMessage(job);
    };
    worker.on('message', (message: { id: number; error?: string }) => {
      if (!current || message.id !== current.id) return;
      if (message.error !== undefined) {
        fail(new Error(`snapshot of version ${current.request.release.version}: ${message.error}`));
      } else next();
    });
    worker.once('error', (e: unknown) =>
      fail(e instanceof Error ? e : new Error(`a snapshot worker failed: ${String(e)}`)),
    );
    worker.once('exit', (code) => {
      if (failed) return;
      if (current === undefined) resolve();
      else reject(new Error(`a snapshot worker stopped (exit code ${code})`));
    });
    next();
  });
}
