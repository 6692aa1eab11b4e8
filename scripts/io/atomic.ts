/**
 * Writes that readers never see half done: a file is written beside its target and renamed
 * over it; a folder is built beside its target and swapped in.
 */
import { mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Writes to a temporary file beside the target, then renames: readers see old or new, never half. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}${TEMPORARY_SUFFIX}${process.pid}`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}

const TEMPORARY_SUFFIX = '.tmp-';
const TEMPORARY_FILE = /\.tmp-(\d+)$/;

/**
 * Temporary files that writeFileAtomic left under `dir` when its process was killed between
 * writing and renaming (paths relative to `dir`, with forward slashes). Those of a process
 * still running are not leftovers: it is writing them now.
 */
export async function findLeftoverFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const m = TEMPORARY_FILE.exec(entry.name);
    if (!entry.isFile() || !m || isRunning(Number(m[1]))) continue;
    found.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return found.sort();
}

/** Deletes the leftovers findLeftoverFiles finds; returns what it deleted. */
export async function removeLeftoverFiles(dir: string): Promise<string[]> {
  const found = await findLeftoverFiles(dir);
  for (const path of found) await unlink(join(dir, path)).catch(() => undefined);
  return found;
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
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
