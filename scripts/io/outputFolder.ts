/**
 * The one way files are written under a folder (the site being built, a downloads folder, the
 * register): every path is checked to stay inside it, and each of the build's ways of writing
 * is a strategy on the same guard.
 *
 * - `writeSync`: the site's many small files (a quarter of a million at 50,000 providers), with
 *   plain synchronous calls, making each folder once. Synchronous writes into the page cache are
 *   two to three times faster than the same writes through Node's asynchronous file API, whose
 *   thread-pool round trips per file cost more than the writes themselves (docs/benchmarks.md).
 * - `write`: one file, asynchronously.
 * - `writeAll`: many files as they are produced, a bounded number at a time, so a 50,000-page
 *   build neither holds every page in memory, nor idles the disk, nor runs out of file handles.
 * - `writeStream`: one file from its chunks, so it is never held whole in memory (a
 *   600,000-row table's JSON is hundreds of megabytes).
 * - `writeAtomic`: beside the target, then renamed over it, so readers see old or new, never half.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { DownloadSink } from '../lib/downloads/buildDownloads.ts';
import { OutputPathError } from './errors.ts';

type Contents = string | Uint8Array;

export class OutputFolder {
  readonly root: string;
  private readonly folders = new Set<string>();
  /** How many files `writeSync` has written. */
  written = 0;

  /** `label` names the folder in the error for a path outside it. */
  constructor(
    root: string,
    private readonly label = 'the site folder',
  ) {
    this.root = resolve(root);
  }

  /** The absolute path of `relativePath` (with `/`); refuses a path that leaves the folder. */
  resolve(relativePath: string): string {
    const target = resolve(this.root, relativePath);
    if (!target.startsWith(this.root + sep)) {
      throw new OutputPathError(`refusing to write ${relativePath}: it is outside ${this.label}`);
    }
    return target;
  }

  writeSync(relativePath: string, contents: Contents): void {
    const target = this.resolve(relativePath);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileSync(target, contents);
    this.written++;
  }

  async write(relativePath: string, contents: Contents): Promise<void> {
    const target = this.resolve(relativePath);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }

  /** Writes the files as they come, `limit` at a time; resolves to how many were written. */
  async writeAll(files: Iterable<readonly [string, Contents]>, limit = 32): Promise<number> {
    const folders = new Map<string, Promise<unknown>>();
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    let written = 0;
    for (const [path, contents] of files) {
      if (failure) break;
      const target = this.resolve(path);
      const folder = dirname(target);
      let made = folders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        folders.set(folder, made);
      }
      const job: Promise<void> = made
        .then(() => writeFile(target, contents))
        .then(
          () => {
            written++;
          },
          (e: unknown) => {
            failure ??= e;
          },
        )
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    return written;
  }

  async writeStream(relativePath: string, chunks: Iterable<Uint8Array>): Promise<void> {
    const target = this.resolve(relativePath);
    await mkdir(dirname(target), { recursive: true });
    const file = await open(target, 'w');
    try {
      for (const chunk of chunks) await file.write(chunk);
    } finally {
      await file.close();
    }
  }

  async writeAtomic(relativePath: string, contents: Contents): Promise<void> {
    const target = this.resolve(relativePath);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${process.pid}`;
    try {
      await writeFile(temporary, contents);
      await rename(temporary, target);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
  }
}

/** A download sink that streams each file into `root`. */
export function dirSink(root: string): DownloadSink {
  const folder = new OutputFolder(root, root);
  return { write: (path, chunks) => folder.writeStream(path, chunks) };
}
