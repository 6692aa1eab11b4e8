/** The API client retries what GitHub asks it to, against a real local HTTP server. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../scripts/github/createOctokit.ts';
import {
  BAD_GATEWAY,
  SECONDARY_RATE_LIMIT,
  startFakeGitHub,
  type FakeGitHub,
} from '../helpers/fakeGitHub.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addIssue({ number: 1, title: 'Hello' });
});
afterEach(() => gh.close());

const client = (toolkit = recordingToolkit(), rateLimitRetries?: number) =>
  createOctokit({
    token: 'test-token',
    baseUrl: gh.url,
    log: toolkit,
    pacing: false,
    retryAfterUnitMs: 1,
    ...(rateLimitRetries === undefined ? {} : { rateLimitRetries }),
  });

describe('createOctokit', () => {
  it('retries a 502 Bad Gateway', async () => {
    gh.failNext('GET', /\/issues\/1$/, BAD_GATEWAY, BAD_GATEWAY);
    const { data } = await client().rest.issues.get({
      owner: gh.owner,
      repo: gh.repo,
      issue_number: 1,
    });
    expect(data.title).toBe('Hello');
    expect(gh.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('waits out a secondary rate limit, and says so', async () => {
    const toolkit = recordingToolkit();
    gh.failNext('POST', /\/issues\/1\/comments$/, SECONDARY_RATE_LIMIT);
    await client(toolkit).rest.issues.createComment({
      owner: gh.owner,
      repo: gh.repo,
      issue_number: 1,
      body: 'hi',
    });
    expect(gh.comments(1)).toHaveLength(1);
    expect(gh.requests.map((r) => r.status)).toEqual([403, 201]);
    expect(toolkit.text()).toMatch(/Secondary rate limit on POST .* retrying after 1s/);
  });

  it('waits out the primary rate limit', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    gh.failNext('GET', /\/issues\/1$/, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' },
    });
    await client().rest.issues.get({ owner: gh.owner, repo: gh.repo, issue_number: 1 });
    expect(gh.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('gives up after the set number of rate-limit retries, and does not retry a 404 or 422', async () => {
    gh.failNext(
      'GET',
      /\/issues\/1$/,
      SECONDARY_RATE_LIMIT,
      SECONDARY_RATE_LIMIT,
      SECONDARY_RATE_LIMIT,
    );
    await expect(
      client(recordingToolkit(), 1).rest.issues.get({
        owner: gh.owner,
        repo: gh.repo,
        issue_number: 1,
      }),
    ).rejects.toMatchObject({ status: 403 });
    gh.requests.length = 0;
    await expect(
      client().rest.issues.get({ owner: gh.owner, repo: gh.repo, issue_number: 99 }),
    ).rejects.toMatchObject({ status: 404 });
    expect(gh.requests).toHaveLength(1);
  });
});
