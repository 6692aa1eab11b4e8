/**
 * The register before and after a pull request, read by the privileged review job itself from
 * GitHub's git database, never from the report the pull request's own code wrote. The base is
 * the base commit's `data/`; the head is that with every data file GitHub lists as changed taken
 * from the head commit (or removed). Only bytes are read, and only the pure loader parses them:
 * nothing from the pull request runs.
 */
import type { Octokit } from './createOctokit.ts';
import { loadRegister, type LoadedRegister } from '../lib/loadRegister.ts';
import { listFilesAt, readBlob } from './readGitFiles.ts';
import type { RepoRef } from './toolkit.ts';

export interface ChangedFile {
  filename: string;
  status: string;
  /** A rename's old path. */
  previous_filename?: string;
}

export interface PullRegisters {
  base: LoadedRegister;
  head: LoadedRegister;
  /** The data files (relative to `data/`) that the head changes, adds or removes. */
  changedDataFiles: string[];
}

const DATA = /^data\/(.+\.(?:csv|json))$/;

export async function readPullRegisters(
  octokit: Octokit,
  repo: RepoRef,
  baseSha: string,
  headSha: string,
  files: readonly ChangedFile[],
): Promise<PullRegisters> {
  const baseFiles = await dataFilesAt(octokit, repo, baseSha);
  const headFiles = new Map(baseFiles);
  const changed = files.filter(
    (f) => DATA.test(f.filename) || DATA.test(f.previous_filename ?? ''),
  );
  const headTree = changed.length > 0 ? await dataTreeAt(octokit, repo, headSha) : new Map();
  const changedDataFiles: string[] = [];
  for (const f of changed) {
    const old = DATA.exec(f.previous_filename ?? '')?.[1];
    if (old) {
      headFiles.delete(old);
      changedDataFiles.push(old);
    }
    const path = DATA.exec(f.filename)?.[1];
    if (!path) continue;
    changedDataFiles.push(path);
    const blob = headTree.get(path);
    if (f.status === 'removed' || blob === undefined) headFiles.delete(path);
    else headFiles.set(path, () => readBlob(octokit, repo, blob));
  }
  return {
    base: loadRegister(await materialise(baseFiles)),
    head: loadRegister(await materialise(headFiles)),
    changedDataFiles,
  };
}

type Lazy = () => Promise<Uint8Array>;

async function dataFilesAt(octokit: Octokit, repo: RepoRef, sha: string) {
  const files = new Map<string, Lazy>();
  for (const [path, blob] of await dataTreeAt(octokit, repo, sha))
    files.set(path, () => readBlob(octokit, repo, blob));
  return files;
}

/** Path under `data/` → blob sha, for every data file of the commit. */
async function dataTreeAt(
  octokit: Octokit,
  repo: RepoRef,
  sha: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [path, blob] of await listFilesAt(octokit, repo, sha, (p) => DATA.test(p)))
    out.set(DATA.exec(path)![1]!, blob);
  return out;
}

async function materialise(files: Map<string, Lazy>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [path, read] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    out.set(path, await read());
  return out;
}
