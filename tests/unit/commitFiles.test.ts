import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitFiles, deleteBranch, isBranchName } from '../../scripts/github/commitFiles.ts';
import { createOctokit } from '../../scripts/github/createOctokit.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fakeGitHub.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';

let gh: FakeGitHub;
let base: string;
beforeEach(async () => {
  gh = await startFakeGitHub();
  base = gh.commitFiles(
    new Map([
      ['data/a.csv', 'a\n'],
      ['README.md', 'hi\n'],
    ]),
  );
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const octokit = () =>
  createOctokit({
    token: 'test-token',
    baseUrl: gh.url,
    log: recordingToolkit(),
    pacing: false,
    retryAfterUnitMs: 1,
  });
const repo = () => ({ owner: gh.owner, repo: gh.repo });
const input = (text: string) => ({
  branch: 'kitemark/test-1',
  baseSha: base,
  files: new Map([['data/a.csv', text]]),
  message: 'Change a',
  trailer: 'Kitemark-Bot: test #1',
});

describe('commitFiles', () => {
  it('creates the branch on the base commit, keeping other files', async () => {
    const result = await commitFiles(octokit(), repo(), input('b\n'));
    expect(result.action).toBe('created');
    expect(gh.readFile('kitemark/test-1', 'data/a.csv')).toBe('b\n');
    expect(gh.readFile('kitemark/test-1', 'README.md')).toBe('hi\n');
    expect(gh.commits.get(result.sha)!.parents).toEqual([base]);
    expect(gh.commits.get(result.sha)!.message).toBe('Change a\n\nKitemark-Bot: test #1\n');
  });

  it('leaves an identical branch alone, and replaces its own commits', async () => {
    const first = await commitFiles(octokit(), repo(), input('b\n'));
    expect(await commitFiles(octokit(), repo(), input('b\n'))).toEqual({
      action: 'unchanged',
      sha: first.sha,
    });
    const second = await commitFiles(octokit(), repo(), input('c\n'));
    expect(second.action).toBe('updated');
    expect(gh.readFile('kitemark/test-1', 'data/a.csv')).toBe('c\n');
  });

  it('never overwrites a commit someone pushed by hand', async () => {
    const first = await commitFiles(octokit(), repo(), input('b\n'));
    const byHand = gh.commitFiles(new Map([['data/a.csv', 'fixed\n']]), {
      branch: 'kitemark/test-1',
      parent: first.sha,
    });
    expect(await commitFiles(octokit(), repo(), input('c\n'))).toEqual({
      action: 'refused',
      sha: byHand,
    });
    expect(gh.readFile('kitemark/test-1', 'data/a.csv')).toBe('fixed\n');
  });

  it('refuses odd branch names, and deletes branches quietly', async () => {
    for (const name of ['../x', '-x', 'a..b', 'a b', 'x.lock', 'a/'])
      expect(isBranchName(name), name).toBe(false);
    await expect(
      commitFiles(octokit(), repo(), { ...input('b\n'), branch: 'a..b' }),
    ).rejects.toThrow('unusual branch name');
    await commitFiles(octokit(), repo(), input('b\n'));
    await deleteBranch(octokit(), repo(), 'kitemark/test-1');
    await deleteBranch(octokit(), repo(), 'kitemark/test-1');
    expect(gh.refs.has('heads/kitemark/test-1')).toBe(false);
  });
});
