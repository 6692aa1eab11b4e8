/**
 * The git edge of the register's history: which commits changed the register (following the
 * main line, so a merged pull request is one step), what each changed (blob ids, from one
 * `git log --raw`), and the bytes of those files (one long-lived `git cat-file --batch`). Two
 * git processes however long the history; everything else about history is pure
 * (scripts/lib/history/).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { HistoryCommit } from '../../lib/history/historyTypes.ts';
import { runGit } from './readGitRevision.ts';

/** One commit of the main line that touched the register, with what it changed. */
export interface RegisterCommit {
  info: HistoryCommit;
  /** Files under the data folder (paths relative to it) and their new blob, or null if deleted. */
  changes: { path: string; blob: string | null }[];
}

export interface RegisterLog {
  /** The repository's top folder. */
  top: string;
  /** Oldest first. */
  commits: RegisterCommit[];
  /** True when the clone is shallow, so the oldest commit is not where the history starts. */
  shallow: boolean;
}

const GIT_ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' };

/**
 * The repository holding `dir`, or undefined when there is none (a tarball, an export): the
 * build then publishes without history and says so.
 */
export async function findRepository(dir: string): Promise<string | undefined> {
  try {
    const result = await runGit(['rev-parse', '--show-toplevel'], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Commits on the first-parent line of HEAD that changed `dataPath`, oldest first, each with the
 * files it changed relative to its first parent. A merge commit stands for its whole pull request.
 */
export async function readRegisterLog(top: string, dataPath: string): Promise<RegisterLog> {
  const folder = dataPath.replace(/^\.?\/+|\/+$/g, '');
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], top);
  const shallow = (await runGit(['rev-parse', '--is-shallow-repository'], top)).stdout
    .toString('utf8')
    .trim();
  if (head.code !== 0) return { top, commits: [], shallow: false };
  const log = await runGit(
    [
      '-c',
      'core.quotePath=false',
      'log',
      '--first-parent',
      '--reverse',
      '--diff-merges=first-parent',
      '--raw',
      '--no-renames',
      '--no-abbrev',
      '--root',
      '-z',
      '--format=%x1e%H%x00%P%x00%cI%x00%aN%x00%s%x00%b%x00',
      'HEAD',
      '--',
      folder,
    ],
    top,
  );
  if (log.code !== 0) throw new Error(`git log failed: ${log.stderr.trim()}`);
  return {
    top,
    commits: parseRawLog(log.stdout.toString('utf8'), folder),
    shallow: shallow === 'true',
  };
}

/** Parses the `git log --raw -z` output above. Exported for tests. */
export function parseRawLog(output: string, folder: string): RegisterCommit[] {
  const commits: RegisterCommit[] = [];
  for (const record of output.split('\x1e')) {
    if (record.trim() === '') continue;
    const tokens = record.split('\0');
    const [commit, parents, date, author, subject, body] = tokens;
    if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) continue;
    const changes: RegisterCommit['changes'] = [];
    for (let i = 6; i < tokens.length; i++) {
      const m = /^\s*:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(tokens[i]!);
      if (!m) continue;
      const path = tokens[++i] ?? '';
      if (!path.startsWith(`${folder}/`)) continue;
      const deleted = m[3] === 'D' || /^0+$/.test(m[2]!);
      // Submodules and symlinks are not register files.
      if (!deleted && !/^100/.test(m[1]!)) continue;
      changes.push({ path: path.slice(folder.length + 1), blob: deleted ? null : m[2]! });
    }
    commits.push({
      info: {
        commit,
        parents: (parents ?? '').split(' ').filter(Boolean),
        date: date ?? '',
        author: author ?? '',
        subject: subject ?? '',
        body: (body ?? '').trim(),
      },
      changes,
    });
  }
  return commits;
}

/** The blob of every file under `dataPath` at `commit`, by path relative to the data folder. */
export async function readTreeBlobs(
  top: string,
  commit: string,
  dataPath: string,
): Promise<Map<string, string>> {
  const folder = dataPath.replace(/^\.?\/+|\/+$/g, '');
  const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder], top);
  if (listing.code !== 0) throw new Error(`git ls-tree failed: ${listing.stderr.trim()}`);
  const blobs = new Map<string, string>();
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m && m[1]!.startsWith('100') && m[3]!.startsWith(`${folder}/`)) {
      blobs.set(m[3]!.slice(folder.length + 1), m[2]!);
    }
  }
  return blobs;
}

/**
 * Reads blobs through one `git cat-file --batch` process, so a history of a thousand commits
 * costs one process rather than a thousand. Requests may overlap: git answers in order, so the
 * next commit's files can be on their way while this one is replayed.
 */
export class BlobReader {
  private child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: {
    blob: string;
    resolve: (b: Uint8Array) => void;
    reject: (e: Error) => void;
  }[] = [];
  private failed: Error | undefined;

  constructor(top: string) {
    this.child = spawn('git', ['cat-file', '--batch'], {
      cwd: top,
      env: { ...process.env, ...GIT_ENV },
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.answer();
    });
    const fail = (e: Error) => {
      this.failed ??= e;
      for (const p of this.pending.splice(0)) p.reject(this.failed);
    };
    this.child.on('error', (e) => fail(new Error(`cannot run git cat-file: ${e.message}`)));
    this.child.on('close', () => fail(new Error('git cat-file stopped')));
    this.child.stdin.on('error', () => undefined);
  }

  read(blob: string): Promise<Uint8Array> {
    if (!/^[0-9a-f]{40,64}$/.test(blob))
      return Promise.reject(new Error(`"${blob}" is not an object id`));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.push({ blob, resolve, reject });
      this.child.stdin.write(`${blob}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Hands out every complete answer in the buffer, in the order they were asked for. */
  private answer(): void {
    for (;;) {
      const next = this.pending[0];
      if (!next) return;
      const newline = this.buffer.indexOf(0x0a);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m || m[1] !== next.blob) {
        this.pending.shift();
        next.reject(new Error(`git cat-file: unexpected answer "${header}" for ${next.blob}`));
        this.buffer = Buffer.alloc(0);
        return;
      }
      const end = newline + 1 + Number(m[3]);
      if (this.buffer.length < end + 1) return;
      const bytes = Uint8Array.prototype.slice.call(this.buffer, newline + 1, end);
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      next.resolve(bytes);
    }
  }
}
