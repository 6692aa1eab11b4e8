/**
 * The git edge of key allocation: every provider and certificate key that has ever appeared
 * in the register's history, including records since removed, so none is ever handed out
 * twice. One `git log -p` of the two key-holding tables.
 */
import { runGit } from '../io/git/readGitRevision.ts';
import { keysIn } from './allocateKeys.ts';

export async function readUsedKeys(repoDir: string, dataPath = 'data'): Promise<Set<string>> {
  const folder = dataPath.replace(/^\.?\/+|\/+$/g, '');
  const result = await runGit(
    [
      'log',
      '--format=',
      '-p',
      '-U0',
      '--no-color',
      '--no-ext-diff',
      'HEAD',
      '--',
      `${folder}/providers.csv`,
      `${folder}/accreditations.csv`,
    ],
    repoDir,
  );
  if (result.code !== 0) throw new Error(`git log failed: ${result.stderr.trim()}`);
  return keysIn(result.stdout.toString('utf8'));
}
