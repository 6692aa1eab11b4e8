/**
 * The commit a build is made from (HEAD) and its committer time: the time the current
 * downloads are stamped with, so two builds of one commit give the same bytes.
 */
import { runGit } from './readGitRevision.ts';

export interface HeadCommit {
  commit: string;
  /** The committer date, RFC 3339. */
  date: string;
}

/** HEAD of the repository holding `dir`, or undefined outside git or before the first commit. */
export async function readHeadCommit(dir: string): Promise<HeadCommit | undefined> {
  try {
    const result = await runGit(['log', '-1', '--format=%H %cI', 'HEAD'], dir);
    const m = /^([0-9a-f]{40,64}) (\S+)$/.exec(result.stdout.toString('utf8').trim());
    return result.code === 0 && m ? { commit: m[1]!, date: m[2]! } : undefined;
  } catch {
    return undefined;
  }
}
