/**
 * Writes that readers never see half done: a file is written beside its target and renamed
 * over it; a folder is built beside its target and swapped in.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes to a temporary file beside the target, then renames: readers see old or new, never half. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

/** Builds a folder beside `target`, then swaps it into place; on failure the old folder stays. */
export async function replaceDirectory(
  target: string,
  build: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    await build(temporary);
  } catch (e) {
    await rm(temporary, { recursive: true, force: true });
    throw e;
  }
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  await rename(temporary, target);
  await rm(old, { recursive: true, force: true });
}
