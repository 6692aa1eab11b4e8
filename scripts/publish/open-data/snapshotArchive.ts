/**
 * The snapshot archive: every version's files exactly as first published, kept between builds
 * (default `.cache/kitemark/snapshots`, or KITEMARK_SNAPSHOTS=DIR; persist it in CI, for example
 * with actions/cache). A version found here is copied, never rebuilt, so its bytes and hashes
 * stay what was cited even when the code that makes downloads changes. A provisional release is
 * built here too, but replaced on every build: its files may still change.
 */
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { Release } from '../../lib/releases.ts';
import type { DownloadSink } from '../../lib/downloads/buildDownloads.ts';
import { dirSink } from '../../io/outputFolder.ts';

export interface SnapshotMeta {
  version: string;
  commit: string;
  /** Where the snapshot was published: a different site is a different archive entry. */
  url: string;
  kind: 'full' | 'raw';
  /** Why a raw snapshot has no derived downloads. */
  reason?: string;
}

/** A file of a snapshot, for the version's page. */
export interface SnapshotFile {
  path: string;
  bytes: number;
  sha256: string;
}

const META = '.snapshot.json';

export class SnapshotArchive {
  constructor(readonly dir: string) {}

  private folder(release: Release): string {
    return join(this.dir, release.provisional ? `provisional-${release.version}` : release.version);
  }

  /** The archived snapshot's description, when the archive holds this release as published at `url`. */
  async meta(release: Release, url: string): Promise<SnapshotMeta | undefined> {
    if (release.provisional || !release.commit) return undefined;
    try {
      const meta = JSON.parse(
        await readFile(join(this.folder(release), META), 'utf8'),
      ) as SnapshotMeta;
      return meta.commit === release.commit && meta.url === url ? meta : undefined;
    } catch {
      return undefined;
    }
  }

  /** The description of a provisional release's snapshot, built by this build. */
  async provisionalMeta(release: Release): Promise<SnapshotMeta | undefined> {
    if (!release.provisional) return undefined;
    try {
      return JSON.parse(await readFile(join(this.folder(release), META), 'utf8')) as SnapshotMeta;
    } catch {
      return undefined;
    }
  }

  /**
   * Builds a release's snapshot into the archive: into a temporary folder first, which
   * replaces the entry only once complete.
   */
  async create(
    release: Release,
    build: (sink: DownloadSink) => Promise<SnapshotMeta>,
  ): Promise<SnapshotMeta> {
    const folder = this.folder(release);
    const temporary = `${folder}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await rm(temporary, { recursive: true, force: true });
    await mkdir(temporary, { recursive: true });
    try {
      const meta = await build(dirSink(temporary));
      await writeFile(join(temporary, META), `${JSON.stringify(meta, null, 2)}\n`);
      await rm(folder, { recursive: true, force: true });
      await mkdir(dirname(folder), { recursive: true });
      await rename(temporary, folder);
      return meta;
    } catch (e) {
      await rm(temporary, { recursive: true, force: true });
      throw e;
    }
  }

  /** Copies a snapshot's files (not the archive's own description) into `target`. */
  async copyTo(release: Release, target: string): Promise<void> {
    await cp(this.folder(release), target, {
      recursive: true,
      filter: (source) => !source.endsWith(`${sep}${META}`),
    });
  }

  /** Every file of a snapshot with its size and SHA-256, from its SHA256SUMS. */
  async files(release: Release): Promise<SnapshotFile[]> {
    const folder = this.folder(release);
    const sums = new Map<string, string>();
    const text = await readFile(join(folder, 'SHA256SUMS'), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
      if (m) sums.set(m[2]!, m[1]!);
    }
    const out: SnapshotFile[] = [];
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === META) continue;
      const full = join(entry.parentPath, entry.name);
      const path = relative(folder, full).split(sep).join('/');
      const sha256 =
        sums.get(path) ??
        createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
      out.push({ path, bytes: (await stat(full)).size, sha256 });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
