/**
 * The releases folder: the published archives (`kitemark-register-X.zip`) and `published.json`,
 * downloaded by the deploy workflow from the GitHub Releases (scripts/github/releaseAssets.ts),
 * plus the archives of versions this build released and nobody has published yet. Default
 * `.cache/kitemark/releases` in the repository; `KITEMARK_RELEASES=DIR` or `--releases DIR`
 * (for offline builds and tests) moves it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './projectRoot.ts';
import { archiveName, readArchiveSummary, type ArchiveSummary } from '../lib/releaseArchive.ts';
import {
  LEDGER_FILE,
  ReleaseError,
  formatLedger,
  parseLedger,
  type PublishedRelease,
} from '../lib/releaseLedger.ts';

export interface StoredArchive {
  file: string;
  bytes: number;
  sha256: string;
}

/** KITEMARK_RELEASES, or `.cache/kitemark/releases` in the repository. */
export function releasesDir(repository?: string): string {
  return (
    process.env['KITEMARK_RELEASES'] || join(repository ?? ROOT, '.cache', 'kitemark', 'releases')
  );
}

export class ReleaseStore {
  constructor(readonly dir: string) {}

  /** Where a version's archive is kept; provisional ones (never published) apart. */
  path(version: string, provisional = false): string {
    return provisional
      ? join(this.dir, 'provisional', archiveName(version))
      : join(this.dir, archiveName(version));
  }

  /** The published releases, by version; empty when nothing has been downloaded. */
  async ledger(): Promise<Map<string, PublishedRelease>> {
    const file = join(this.dir, LEDGER_FILE);
    const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    return text === undefined ? new Map() : parseLedger(text, file);
  }

  async writeLedger(releases: Iterable<PublishedRelease>): Promise<void> {
    await this.write(join(this.dir, LEDGER_FILE), [Buffer.from(formatLedger(releases))]);
  }

  /** The archive's size and SHA-256, or undefined when it is not there. */
  async stat(file: string): Promise<StoredArchive | undefined> {
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    return { file, bytes, sha256: hash.digest('hex') };
  }

  /** Writes a file from its chunks into a temporary file, then into place: never half an archive. */
  async write(
    file: string,
    chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  ): Promise<StoredArchive> {
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const hash = createHash('sha256');
    let bytes = 0;
    const handle = await open(temporary, 'w');
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        await handle.write(chunk);
      }
      await handle.close();
      await rename(temporary, file);
    } catch (e) {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw e;
    }
    return { file, bytes, sha256: hash.digest('hex') };
  }

  /** The archive's summary files and checksums; a damaged archive is a ReleaseError. */
  async summary(file: string, version: string): Promise<ArchiveSummary> {
    try {
      return await readArchiveSummary(
        new Uint8Array(await readFile(file)),
        version,
        inflateRawSync,
      );
    } catch (e) {
      throw new ReleaseError(
        'release/archive-damaged',
        `${file} is not an archive of version ${version}: ${e instanceof Error ? e.message : String(e)}. Delete it; the next build makes it again if it was never published, or download the published one.`,
        file,
      );
    }
  }
}
