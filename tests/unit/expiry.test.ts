/**
 * The expiry job end to end, against a real git checkout of the register and a real HTTP
 * server speaking GitHub's REST API (checked against its OpenAPI description).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/github/main-expiry.ts';
import { EXPIRY_MARKER } from '../../scripts/github/renderExpiryReport.ts';
import { LAPSE_BRANCH } from '../../scripts/github/runExpiry.ts';
import { BAD_GATEWAY, BOT, startFakeGitHub, type FakeGitHub } from '../helpers/fakeGitHub.ts';
import { createTempRepo, type TempRepo } from '../support/gitRepo.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';

const TODAY = '2026-11-26';

let repo: TempRepo;
let gh: FakeGitHub;

beforeEach(async () => {
  repo = createTempRepo({ withData: true });
  const sha = repo.commit('The register');
  gh = await startFakeGitHub();
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(repo.dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(join(repo.dir, 'data'));
  gh.commitFiles(files, { sha });
});

afterEach(async () => {
  await gh.close();
  repo.remove();
});

async function runExpiry(today = TODAY) {
  const toolkit = recordingToolkit();
  const code = await main(
    {
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '500',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_TOKEN: 'test-token',
      GITHUB_WORKSPACE: repo.dir,
      KITEMARK_TODAY: today,
    },
    toolkit,
    { pacing: false, retryAfterUnitMs: 1 },
  );
  expect(toolkit.failures).toEqual([]);
  expect(code).toBe(0);
  expect(gh.violations).toEqual([]);
  return toolkit;
}

const reports = (state?: 'open' | 'closed') =>
  [...gh.issues.values()].filter(
    (i) => !i.pull && i.labels.includes('expiry-report') && (!state || i.state === state),
  );
const lapsePulls = (state = 'open') =>
  [...gh.issues.values()].filter((i) => i.pull?.head.ref === LAPSE_BRANCH && i.state === state);

/** Accredited awards whose expiry date has passed, read straight from the CSV. */
function expiredIds(today = TODAY): string[] {
  return readFileSync(join(repo.dir, 'data/accreditations.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((c) => c[2] === 'accredited' && c[5] && c[5] < today)
    .map((c) => c[0]!);
}

describe('expiry job', () => {
  it('run twice, leaves exactly one open report and one lapse pull request', async () => {
    const expired = expiredIds();
    expect(expired.length).toBeGreaterThan(0);
    await runExpiry();
    const writes = gh.requests.filter((r) => r.method !== 'GET').length;
    await runExpiry();

    expect(reports()).toHaveLength(1);
    const report = reports()[0]!;
    expect(report.state).toBe('open');
    expect(report.user.login).toBe(BOT.login);
    expect(report.body.startsWith(EXPIRY_MARKER)).toBe(true);
    expect(report.body).toContain(`## Past expiry but still marked accredited (${expired.length})`);
    expect(report.body).toMatch(/## Expiring within 60 days \(\d+\)/);
    expect(report.body).toContain(`\`${expired[0]}\``);

    expect(lapsePulls()).toHaveLength(1);
    const pr = lapsePulls()[0]!;
    expect(report.body).toContain(
      `(https://github.com/${gh.owner}/${gh.repo}/pull/${pr.number}) marks them \`lapsed\``,
    );
    expect(pr.labels).toEqual(['accreditation-change']);
    // The branch marks exactly the expired awards lapsed, and changes nothing else.
    const before = readFileSync(join(repo.dir, 'data/accreditations.csv'), 'utf8').split('\n');
    const after = gh.readFile(LAPSE_BRANCH, 'data/accreditations.csv')!.split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed.map((l) => l.split(',')[0]).sort()).toEqual([...expired].sort());
    expect(changed.every((l) => l.split(',')[2] === 'lapsed')).toBe(true);

    // The second run wrote nothing at all.
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  });

  it('closes duplicate reports and reopens a closed one instead of opening another', async () => {
    const body = `${EXPIRY_MARKER}\nold`;
    gh.addIssue({
      number: 3,
      title: 'Kitemark expiry report',
      body,
      labels: ['expiry-report'],
      user: BOT,
    });
    gh.addIssue({
      number: 4,
      title: 'Kitemark expiry report',
      body,
      labels: ['expiry-report'],
      user: BOT,
    });
    // Someone else's issue carrying the marker is not ours to touch.
    gh.addIssue({ number: 5, title: 'Copy', body, labels: ['expiry-report'] });
    await runExpiry();
    expect(
      reports('open')
        .map((i) => i.number)
        .sort(),
    ).toEqual([3, 5]);
    expect(gh.issues.get(4)!.state).toBe('closed');
    expect(gh.comments(4)[0]!.body).toContain('duplicate of #3');
    expect(gh.issues.get(3)!.body).toContain('## Past expiry');
    expect(gh.issues.get(5)!.body).toBe(body);

    gh.issues.get(3)!.state = 'closed';
    await runExpiry();
    expect(gh.issues.get(3)!.state).toBe('open');
    expect(reports().filter((i) => i.user.login === BOT.login)).toHaveLength(2);
  });

  it('closes the lapse pull request once nothing is left to lapse', async () => {
    await runExpiry();
    const pr = lapsePulls()[0]!;
    // Judged as of an earlier day, nothing has expired yet.
    await runExpiry('2020-01-01');
    expect(gh.issues.get(pr.number)!.state).toBe('closed');
    expect(gh.refs.has(`heads/${LAPSE_BRANCH}`)).toBe(false);
    expect(reports()[0]!.body).toContain('## Past expiry but still marked accredited (0)');
  });

  it('retries a 502 from GitHub', async () => {
    gh.failNext('GET', /\/issues$/, BAD_GATEWAY, BAD_GATEWAY);
    await runExpiry();
    expect(reports()).toHaveLength(1);
    expect(
      gh.requests
        .filter((r) => r.path.endsWith('/issues') && r.method === 'GET')
        .map((r) => r.status)
        .slice(0, 3),
    ).toEqual([502, 502, 200]);
  });
});
