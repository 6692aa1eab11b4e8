/**
 * The commit a build is made from (HEAD) and its committer time: the time the current
 * downloads are stamped with, so two builds of one commit give the same bytes.
 */
import { buildTime, utcSeconds } from '../../lib/releases.ts';
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

/**
 * The `created` time for files built from the register in `dir`: SOURCE_DATE_EPOCH, else the
 * HEAD commit's time, else the start of `today` (see buildTime). Never the clock.
 */
export async function readBuildTime(dir: string, today: string): Promise<string> {
  return utcSeconds(
    buildTime({
      sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'],
      commitDate: (await readHeadCommit(dir))?.date,
      today,
    }),
  );
}
