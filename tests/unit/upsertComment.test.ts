import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../scripts/github/createOctokit.ts';
import { marker, upsertComment } from '../../scripts/github/upsertComment.ts';
import { BOT, CONTRIBUTOR, startFakeGitHub, type FakeGitHub } from '../helpers/fakeGitHub.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addIssue({ number: 1, title: 'Hello' });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const MARK = marker('test');
const octokit = () =>
  createOctokit({
    token: 'test-token',
    baseUrl: gh.url,
    log: recordingToolkit(),
    pacing: false,
    retryAfterUnitMs: 1,
  });
const target = () => ({ owner: gh.owner, repo: gh.repo, issue_number: 1 });
const comment = (body: string, user = BOT) => ({
  id: Math.floor(Math.random() * 1e6),
  body,
  user,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe('upsertComment', () => {
  it('creates, then edits in place, then leaves alone', async () => {
    expect((await upsertComment(octokit(), target(), MARK, `${MARK}\none`)).action).toBe('created');
    expect((await upsertComment(octokit(), target(), MARK, `${MARK}\ntwo`)).action).toBe('updated');
    expect((await upsertComment(octokit(), target(), MARK, `${MARK}\ntwo`)).action).toBe(
      'unchanged',
    );
    expect(gh.comments(1).map((c) => c.body)).toEqual([`${MARK}\ntwo`]);
  });

  it("ignores someone else's comment that carries the marker", async () => {
    gh.issues.get(1)!.comments.push(comment(`${MARK}\nforged`, CONTRIBUTOR));
    expect((await upsertComment(octokit(), target(), MARK, `${MARK}\nreal`)).action).toBe(
      'created',
    );
    expect(gh.comments(1).map((c) => c.body)).toEqual([`${MARK}\nforged`, `${MARK}\nreal`]);
  });

  it('finds its comment beyond the first page, and deletes duplicates', async () => {
    for (let i = 0; i < 120; i++)
      gh.issues.get(1)!.comments.push(comment(`chatter ${i}`, CONTRIBUTOR));
    gh.issues.get(1)!.comments.push(comment(`${MARK}\nfirst`), comment(`${MARK}\nsecond`));
    expect((await upsertComment(octokit(), target(), MARK, `${MARK}\nnew`)).action).toBe('updated');
    expect(
      gh
        .comments(1)
        .filter((c) => c.body.startsWith(MARK))
        .map((c) => c.body),
    ).toEqual([`${MARK}\nnew`]);
  });

  it('can decline to start a conversation', async () => {
    expect(
      (await upsertComment(octokit(), target(), MARK, `${MARK}\nx`, { createIfMissing: false }))
        .action,
    ).toBe('skipped');
    expect(gh.comments(1)).toEqual([]);
  });
});
