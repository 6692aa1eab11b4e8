/**
 * The one folder swap: builds a folder (the site, a generated register, a set of downloads)
 * beside its target and swaps it into place only when the whole build has succeeded, so
 * readers and a failed build never see half of it; on failure the old folder stays. The old
 * folder (a quarter of a million files for a 50,000-provider site: minutes to delete on a slow
 * disk) is deleted by a detached process after the swap, so the build does not wait for it.
 *
 * The swap is two renames (the old folder aside, the new one in), so for the instant between
 * them (microseconds: no I/O but two directory entries) the target does not exist. Linux can
 * exchange two folders in one step (renameat2 with RENAME_EXCHANGE) but Node has no binding for
 * it; a symlink swap would make `_site` a link, which GitHub Pages' artifact upload, the ignore
 * patterns for `_site/` (git, ESLint, Prettier) and any tool that lstat()s it treat differently
 * from a folder. `kitemark serve`, reading `_site/` while a build runs, answers a request in that
 * instant with its plain 404, and the next one with the new site.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './leftoverFiles.ts';

export async function replaceFolder(
  target: string,
  build: (temporary: string) => Promise<void>,
): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const temporary = `${target}.tmp-${stamp}`;
  const old = `${target}.old-${stamp}`;
  await mkdir(dirname(target), { recursive: true });
  // Folders of killed builds go now, not only after a build that succeeds.
  await removeLeftovers(target);
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
