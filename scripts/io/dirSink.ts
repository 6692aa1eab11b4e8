/**
 * A download sink that writes each file into a folder as its chunks are made, so a file is
 * never held whole in memory (a 600,000-row table's JSON is hundreds of megabytes).
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { DownloadSink } from '../lib/downloads/buildDownloads.ts';

export function dirSink(root: string): DownloadSink {
  const top = resolve(root);
  return {
    async write(path, chunks) {
      const target = resolve(top, path);
      if (!target.startsWith(top + sep)) {
        throw new Error(`refusing to write ${path}: it is outside ${root}`);
      }
      await mkdir(dirname(target), { recursive: true });
      const file = await open(target, 'w');
      try {
        for (const chunk of chunks) await file.write(chunk);
      } finally {
        await file.close();
      }
    },
  };
}

/** A sink that keeps every file in memory, for tests. */
export function memorySink(): DownloadSink & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write: async (path, chunks) => {
      files.set(path, new Uint8Array(Buffer.concat([...chunks])));
    },
  };
}
