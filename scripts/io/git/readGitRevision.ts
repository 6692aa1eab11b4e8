/**
 * The git edge: reads the register's files as they were at any revision of the repository,
 * into Sources for the loader, without touching the working tree. Two git processes whatever
 * the size of the register: `ls-tree` lists the files, one `cat-file --batch` streams them all.
 */
import { spawn } from 'node:child_process';
import type { Sources } from '../../lib/loadRegister.ts';
import { InputError } from '../errors.ts';

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs git without a shell: arguments are never parsed by anything but git itself. */
export function runGit(
  args: readonly string[],
  cwd: string,
  input?: Buffer | string,
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Predictable output whatever the user's configuration or language.
      env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new Error(`cannot run git: ${e.message}`)));
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? 1,
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The top folder of the repository that holds `dir`. */
export async function gitTopLevel(dir: string): Promise<string> {
  const result = await runGit(['rev-parse', '--show-toplevel'], dir);
  if (result.code !== 0)
    throw new InputError('io/git-repository', `${dir} is not inside a git repository`);
  return result.stdout.toString('utf8').trim();
}

/**
 * The commit a revision names (`main`, `HEAD~3`, `v1.2.0`, a SHA, `origin/main`). A revision
 * that starts with `-` would be read by git as an option, so it is refused before git sees it.
 */
export async function resolveRevision(repo: string, revision: string): Promise<string> {
  if (revision === '' || revision.startsWith('-') || /[\0\n\r]/.test(revision)) {
    throw new InputError('io/git-revision', `"${revision}" is not a git revision`);
  }
  const result = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
    repo,
  );
  if (result.code !== 0)
    throw new InputError('io/git-revision', `"${revision}" is not a commit in this repository`);
  return result.stdout.toString('utf8').trim();
}

/**
 * The register's CSV and JSON files under `dataPath` (relative to the repository's top, default
 * `data`) at `revision`, keyed as readDataDir keys them: relative to the data folder.
 */
export async function readGitRevision(
  repoDir: string,
  revision: string,
  dataPath = 'data',
): Promise<Sources & { commit: string }> {
  const top = await gitTopLevel(repoDir);
  const commit = await resolveRevision(top, revision);
  const folder = dataPath.replace(/^\.?\/+|\/+$/g, '');
  const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder], top);
  if (listing.code !== 0) throw new Error(`git ls-tree failed: ${listing.stderr.trim()}`);

  const wanted: { path: string; object: string }[] = [];
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    // `<mode> <type> <object>\t<path>`
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || m[2] !== 'blob') continue;
    const path = m[4]!;
    if (!path.startsWith(`${folder}/`) || !/\.(csv|json)$/.test(path)) continue;
    wanted.push({ path: path.slice(folder.length + 1), object: m[3]! });
  }
  if (wanted.length === 0) {
    throw new InputError(
      'io/git-folder',
      `there is no ${folder}/ folder with register files at ${revision}`,
    );
  }

  const batch = await runGit(
    ['cat-file', '--batch'],
    top,
    `${wanted.map((w) => w.object).join('\n')}\n`,
  );
  if (batch.code !== 0) throw new Error(`git cat-file failed: ${batch.stderr.trim()}`);
  const files = new Map<string, Uint8Array>();
  let offset = 0;
  for (const { path, object } of wanted) {
    // Each object is `<object> <type> <size>\n<bytes>\n`.
    const newline = batch.stdout.indexOf(0x0a, offset);
    const header = batch.stdout.subarray(offset, newline).toString('utf8');
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m || m[1] !== object)
      throw new Error(`git cat-file gave an unexpected answer for ${path}`);
    const size = Number(m[3]);
    files.set(path, batch.stdout.subarray(newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return { commit, keys: () => files.keys(), get: (path) => files.get(path) };
}
