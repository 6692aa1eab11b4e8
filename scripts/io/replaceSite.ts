/**
 * Builds the site into a folder beside the output and swaps it into place only when the
 * whole build has succeeded, so readers and a failed build never see half a site. Like
 * `replaceDirectory` in scripts/io/registerFolder.ts, except that the old site (a quarter of a
 * million files at 50,000 providers: minutes to delete on a slow disk) is deleted by a
 * detached process after the swap, so the build does not wait for it.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function replaceSite(
  target: string,
  build: (temporary: string) => Promise<void>,
): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = `${target}.tmp-${stamp}`;
  const old = `${target}.old-${stamp}`;
  await mkdir(dirname(target), { recursive: true });
  await mkdir(temporary, { recursive: true });
  try {
    await build(temporary);
  } catch (e) {
    removeLater(temporary);
    throw e;
  }
  const hadOld = await rename(target, old).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
  await rename(temporary, target);
  if (hadOld) removeLater(old);
  await removeLeftovers(target);
}

/** Deletes a folder in a detached process that outlives this one. */
function removeLater(folder: string): void {
  const child = spawn(
    process.execPath,
    ['-e', 'require("fs").rmSync(process.argv[1], { recursive: true, force: true })', folder],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => void rm(folder, { recursive: true, force: true }));
  child.unref();
}

/** Old and temporary folders left by builds that were killed, from earlier runs. */
async function removeLeftovers(target: string): Promise<void> {
  const name = basename(target);
  const pattern = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(old|tmp)-(\\d+)-\\d+$`,
  );
  for (const entry of await readdir(dirname(target)).catch(() => [])) {
    const m = pattern.exec(entry);
    if (!m) continue;
    // Leave folders of builds that are still running.
    if (isRunning(Number(m[2]))) continue;
    removeLater(join(dirname(target), entry));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
