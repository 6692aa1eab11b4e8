/**
 * Writes many files under the site folder as they are produced, a bounded number at a time (so
 * a 50,000-page build neither holds every page in memory, nor idles the disk, nor runs out of
 * file handles). Each folder is made once, and every write into it waits for that.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

export async function writeFiles(
  outDir: string,
  files: Iterable<readonly [string, string | Uint8Array]>,
  limit = 32,
): Promise<number> {
  const root = resolve(outDir);
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let written = 0;
  for (const [path, contents] of files) {
    if (failure) break;
    const target = resolve(root, path);
    if (!target.startsWith(root + sep)) {
      throw new Error(`refusing to write ${path}: it is outside the site folder`);
    }
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
