/**
 * The register's history for the build: reads the main line from git, replays it with the pure
 * replayHistory, and keeps every step in a cache keyed by commit (a commit's diff against its
 * first parent never changes), so a build replays only commits it has not seen. Without a git
 * repository (a tarball, an export) the history is empty and says why.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DIFF_FORMAT_VERSION } from '../../lib/diffRegisters.ts';
import type { HistoryStep, RegisterHistory } from '../../lib/history/historyTypes.ts';
import { replayHistory, type CommitFiles } from '../../lib/history/replayHistory.ts';
import {
  BlobReader,
  findRepository,
  readRegisterLog,
  readTreeBlobs,
  type RegisterCommit,
} from './gitHistory.ts';

/** Bumped when the cached steps' shape or meaning changes. */
const CACHE_VERSION = 1;

export interface ReadHistoryOptions {
  /** The register folder (data/ or KITEMARK_DATA). */
  dataDir: string;
  /** Where to keep the cache; default `.cache/kitemark` in the repository. Empty string: no cache. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface RegisterHistoryRead extends RegisterHistory {
  /** The repository top folder, when there is one. */
  repository?: string;
  /** The folder of the register inside the repository (`data`). */
  dataPath?: string;
  /** Steps taken from the cache and replayed now, for build logs. */
  cached: number;
  replayed: number;
}

export async function readRegisterHistory(
  options: ReadHistoryOptions,
): Promise<RegisterHistoryRead> {
  const dataDir = await realpath(options.dataDir);
  const found = await findRepository(dataDir);
  if (!found) {
    return {
      steps: [],
      note: 'This copy of the register has no git history, so there is no change log: it was built from files outside a git repository.',
      cached: 0,
      replayed: 0,
    };
  }
  const top = await realpath(found);
  const dataPath = relative(top, dataDir).split(sep).join('/');
  if (dataPath === '' || dataPath.startsWith('..')) {
    return {
      steps: [],
      note: 'The register folder is not inside the repository, so it has no history.',
      cached: 0,
      replayed: 0,
    };
  }
  const { commits, shallow } = await readRegisterLog(top, dataPath);
  const note = shallow
    ? 'This build saw only part of the history (a shallow clone): the oldest entry is where that part starts, not where the register began. Fetch the whole history (for example actions/checkout with fetch-depth: 0) to publish all of it.'
    : commits.length === 0
      ? 'The register has no committed history yet.'
      : undefined;

  const cacheFile =
    options.cacheDir === ''
      ? undefined
      : join(
          options.cacheDir ?? join(top, '.cache', 'kitemark'),
          `history-${createHash('sha256').update(`${top}\0${dataPath}`).digest('hex').slice(0, 12)}-v${CACHE_VERSION}-d${DIFF_FORMAT_VERSION}.json`,
        );
  const cache = cacheFile ? await readCache(cacheFile) : new Map<string, HistoryStep>();

  // Everything before the first commit the cache does not know is taken from the cache.
  let first = commits.findIndex((c) => !cache.has(c.info.commit));
  if (first === -1) first = commits.length;
  const steps: HistoryStep[] = commits.slice(0, first).map((c) => cache.get(c.info.commit)!);
  if (first < commits.length) {
    const reader = new BlobReader(top);
    try {
      const start =
        first === 0
          ? undefined
          : await readFiles(
              reader,
              await readTreeBlobs(top, commits[first - 1]!.info.commit, dataPath),
            );
      for await (const step of replayHistory(commitFiles(reader, commits.slice(first)), start)) {
        steps.push(step);
      }
    } finally {
      reader.close();
    }
    if (cacheFile) await writeCache(cacheFile, steps);
  }
  options.log?.(
    `history: ${commits.length} commits (${first} from the cache, ${commits.length - first} replayed)`,
  );
  return {
    steps,
    ...(note ? { note } : {}),
    repository: top,
    dataPath,
    cached: first,
    replayed: commits.length - first,
  };
}

/** Each commit's changed files; the next commit's are asked for before this one is replayed. */
async function* commitFiles(
  reader: BlobReader,
  commits: RegisterCommit[],
): AsyncGenerator<CommitFiles> {
  const request = (c: RegisterCommit) =>
    c.changes.map(({ path, blob }) => [path, blob === null ? null : reader.read(blob)] as const);
  let next = commits[0] ? request(commits[0]) : [];
  for (let i = 0; i < commits.length; i++) {
    const current = next;
    next = commits[i + 1] ? request(commits[i + 1]!) : [];
    const files = new Map<string, Uint8Array | null>();
    for (const [path, bytes] of current) files.set(path, bytes === null ? null : await bytes);
    yield { commit: commits[i]!.info, files };
  }
}

async function readFiles(
  reader: BlobReader,
  blobs: Map<string, string>,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const [path, blob] of blobs) files.set(path, await reader.read(blob));
  return files;
}

async function readCache(file: string): Promise<Map<string, HistoryStep>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { steps?: HistoryStep[] };
    return new Map((parsed.steps ?? []).map((s) => [s.commit.commit, s]));
  } catch {
    // No cache yet, or one from an interrupted write: replay instead.
    return new Map();
  }
}

async function writeCache(file: string, steps: HistoryStep[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, JSON.stringify({ steps }));
  await rename(temporary, file);
}
