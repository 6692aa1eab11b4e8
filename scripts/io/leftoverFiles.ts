/**
 * The temporary files an atomic write (OutputFolder.writeAtomic) leaves beside its target when
 * its process is killed between writing and renaming: found so `validate` can report them, and
 * removed by `kitemark fix`.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const TEMPORARY_FILE = /\.tmp-(\d+)$/;

/**
 * Temporary files (`<file>.tmp-<pid>`) left under `dir` when its process was killed between
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
