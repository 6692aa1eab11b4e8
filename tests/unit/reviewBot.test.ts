/**
 * The review bot end to end: the unprivileged entry point runs in a real git checkout of a
 * pull request's merge commit and writes its report; the privileged entry point reads that
 * report and talks to a real HTTP server that speaks GitHub's REST API (every answer checked
 * against GitHub's OpenAPI description), with events from @octokit/webhooks-examples.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as prepare } from '../../scripts/github/main-review-prepare.ts';
import { main as comment } from '../../scripts/github/main-review-comment.ts';
import { REVIEW_MARKER } from '../../scripts/github/renderReviewComment.ts';
import { parseReviewReport, type ReviewReport } from '../../scripts/github/reviewReport.ts';
import {
  BAD_GATEWAY,
  BOT,
  CONTRIBUTOR,
  SECONDARY_RATE_LIMIT,
  startFakeGitHub,
  type FakeGitHub,
} from '../helpers/fakeGitHub.ts';
import { createTempRepo, type TempRepo } from '../support/gitRepo.ts';
import { recordingToolkit } from '../helpers/toolkit.ts';
import { webhookExample, writeEvent } from '../helpers/webhooks.ts';

const TODAY = '2026-11-26';
const CODEOWNERS = `# Maintainers review everything; the accreditation panel owns awards.
*                         @kitemark-register/maintainers
/data/accreditations.csv  @accreditation-lead @kitemark-register/accreditation-panel
`;

const NEW_PROVIDER =
  'P000401,Juniper Carers Network,charitable-incorporated-organisation,1100401,,,,,12 Market Street,,Chipping Norton,OX7 5NN,E10000025,E10000025,carers-support,carers,https://www.juniper-carers.example,hello@juniper-carers.example,01632 960401,Juniper Carers Network runs a carers café and phone befriending in Chipping Norton.,2026-11-20,\n';
const NEW_APPLICATION = 'KM-000433,P000401,applied,carers-support,,,,,\n';

let repo: TempRepo;
let trusted: string;
let gh: FakeGitHub;

beforeEach(async () => {
  repo = createTempRepo({ withData: true });
  repo.commit('The register');
  trusted = mkdtempSync(join(tmpdir(), 'kitemark-trusted-'));
  mkdirSync(join(trusted, '.github'));
  writeFileSync(join(trusted, '.github/CODEOWNERS'), CODEOWNERS);
  gh = await startFakeGitHub();
});

afterEach(async () => {
  await gh.close();
  repo.remove();
  rmSync(trusted, { recursive: true, force: true });
});

/** A pull request branch with `change` applied, merged into main as GitHub's merge ref is. */
function openPullRequest(change: (r: TempRepo) => void): { head: string } {
  repo.git('checkout', '--quiet', '-B', 'pr', 'main');
  change(repo);
  const head = repo.commit('Pull request change');
  repo.git('checkout', '--quiet', 'main');
  repo.git('checkout', '--quiet', '--detach');
  repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request', 'pr');
  return { head };
}

function append(r: TempRepo, file: string, text: string) {
  r.write(file, readFileSync(join(r.dir, file), 'utf8') + text);
}

function replaceLine(r: TempRepo, file: string, from: RegExp, to: string) {
  const text = readFileSync(join(r.dir, file), 'utf8');
  if (!from.test(text)) throw new Error(`${from} not in ${file}`);
  r.write(file, text.replace(from, to));
}

async function runPrepare(number: number, head: string): Promise<ReviewReport> {
  const event = webhookExample('pull_request', 'opened');
  const pr = event['pull_request'] as Record<string, Record<string, unknown>>;
  event['number'] = number;
  pr['number'] = number as never;
  pr['head']!['sha'] = head;
  const toolkit = recordingToolkit();
  const code = await prepare(
    {
      GITHUB_EVENT_PATH: writeEvent(repo.dir, event, 'pr-event.json'),
      GITHUB_WORKSPACE: repo.dir,
      KITEMARK_REPORT_DIR: join(repo.dir, 'review'),
      KITEMARK_TODAY: TODAY,
    },
    toolkit,
  );
  expect(toolkit.failures).toEqual([]);
  expect(code).toBe(0);
  const parsed = parseReviewReport(readFileSync(join(repo.dir, 'review/review.json')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.report;
}

async function runComment(
  head: string,
  reportDir = join(repo.dir, 'review'),
  pullRequests: unknown[] = [],
  runId = '4242',
) {
  seedCommits(head);
  const event = webhookExample('workflow_run', 'completed');
  const run = event['workflow_run'] as Record<string, unknown>;
  run['event'] = 'pull_request';
  run['head_sha'] = head;
  run['name'] = 'Review';
  run['pull_requests'] = pullRequests;
  const toolkit = recordingToolkit();
  const code = await comment(
    {
      GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: runId,
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_TOKEN: 'test-token',
      GITHUB_EVENT_PATH: writeEvent(trusted, event, 'run-event.json'),
      GITHUB_WORKSPACE: trusted,
      KITEMARK_REPORT_DIR: reportDir,
      KITEMARK_TODAY: TODAY,
    },
    toolkit,
    { pacing: false, retryAfterUnitMs: 1 },
  );
  return { code, toolkit };
}

/** The repository's files under data/ at a commit, as GitHub's git database would hold them. */
function dataAt(commit: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of repo.git('ls-tree', '-r', '--name-only', commit, 'data').split('\n'))
    if (path)
      files.set(
        path,
        execFileSync('git', ['show', `${commit}:${path}`], { cwd: repo.dir, maxBuffer: 1 << 28 }),
      );
  return files;
}

/** Puts main and the pull request's head into the fake's git database, with their real SHAs. */
function seedCommits(head: string) {
  const main = repo.git('rev-parse', 'main');
  try {
    repo.git('cat-file', '-e', `${head}^{commit}`);
  } catch {
    return; // a made-up head commit: nothing to read
  }
  if (!gh.commits.has(main)) gh.commitFiles(dataAt(main), { sha: main });
  if (!gh.commits.has(head))
    gh.commitFiles(dataAt(head), { sha: head, parent: main, branch: `pr-${head.slice(0, 7)}` });
}

function seedPull(
  number: number,
  head: string,
  files = ['data/providers.csv', 'data/accreditations.csv'],
) {
  seedCommits(head);
  return gh.addPull({
    number,
    title: 'Add Juniper Carers Network',
    user: CONTRIBUTOR,
    head: { ref: 'juniper', sha: head, repo: `${CONTRIBUTOR.login}/kitemark-register` },
    files: files.map((filename) => ({
      filename,
      status: 'modified' as const,
      additions: 1,
      deletions: 0,
    })),
  });
}

const botComments = (n: number) => gh.comments(n).filter((c) => c.user.login === BOT.login);

describe('review bot', () => {
  it('comments once, in words, on a pull request that adds a provider, and labels it', async () => {
    const { head } = openPullRequest((r) => {
      append(r, 'data/providers.csv', NEW_PROVIDER);
      append(r, 'data/accreditations.csv', NEW_APPLICATION);
    });
    const report = await runPrepare(7, head);
    expect(report.diff.counts.providers.added).toBe(1);
    expect(report.errors.count).toBe(0);
    seedPull(7, head);

    const { code, toolkit } = await runComment(head);
    expect(toolkit.failures).toEqual([]);
    expect(code).toBe(0);
    expect(gh.violations).toEqual([]);

    const comments = botComments(7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.startsWith(REVIEW_MARKER)).toBe(true);
    expect(body).toContain('**The register validates.**');
    expect(body).toContain('### Providers added (1)');
    expect(body).toContain('`P000401` **Juniper Carers Network**');
    expect(body).toContain('### Accreditation status changes (1)');
    expect(body).toContain(
      '`KM-000433` for `P000401` **Juniper Carers Network**: new award, `applied`',
    );
    expect(body).not.toContain('Errors to fix');
    expect(gh.issues.get(7)!.labels.sort()).toEqual(['accreditation-change', 'new-provider']);
    // A new application is not a status decision: the panel is not asked yet.
    expect(gh.issues.get(7)!.pull!.requested_reviewers).toEqual([]);
    expect(toolkit.outputs['status']).toBe('posted');
  });

  it('edits the same comment on a rerun and when the pull request changes, and keeps labels exact', async () => {
    const first = openPullRequest((r) => {
      append(r, 'data/providers.csv', NEW_PROVIDER);
      append(r, 'data/accreditations.csv', NEW_APPLICATION);
    });
    await runPrepare(7, first.head);
    const pr = seedPull(7, first.head);
    pr.labels.push('help wanted');
    await runComment(first.head);
    const [original] = botComments(7);

    // Rerun of the same workflow: nothing changes, nothing is written.
    const writesBefore = gh.requests.filter((r) => r.method !== 'GET').length;
    await runComment(first.head);
    expect(botComments(7)).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);

    // A later run for the same commit: the same comment is edited (its footer names the run).
    await runComment(first.head, join(repo.dir, 'review'), [], '4243');
    expect(botComments(7)).toHaveLength(1);
    expect(botComments(7)[0]!.id).toBe(original!.id);
    expect(botComments(7)[0]!.body).toContain('/actions/runs/4243');
    const edits = gh.requests.filter(
      (r) => r.method === 'PATCH' && r.route.endsWith('/issues/comments/{comment_id}'),
    );
    expect(edits.map((r) => r.path)).toEqual([
      `/repos/${gh.owner}/${gh.repo}/issues/comments/${original!.id}`,
    ]);

    // A new commit breaks the postcode: the same comment is edited, and `invalid` is added.
    repo.git('checkout', '--quiet', 'pr');
    replaceLine(repo, 'data/providers.csv', /OX7 5NN,E10000025/, 'NOT A POSTCODE,E10000025');
    const second = repo.commit('Oops');
    repo.git('checkout', '--quiet', '--detach', 'main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request', 'pr');
    await runPrepare(7, second);
    pr.pull!.head.sha = second;
    const { toolkit } = await runComment(second);
    expect(toolkit.failures).toEqual([]);

    const comments = botComments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(original!.id);
    expect(comments[0]!.body).toContain(
      '**This pull request cannot be merged yet: 1 error in the register.**',
    );
    expect(comments[0]!.body).toMatch(/### Errors to fix \(1\)/);
    expect(comments[0]!.body).toContain('How to fix:');
    expect(comments[0]!.body).toContain(
      `https://github.com/${gh.owner}/${gh.repo}/blob/${second}/data/providers.csv#L402`,
    );
    expect(pr.labels.sort()).toEqual([
      'accreditation-change',
      'help wanted',
      'invalid',
      'new-provider',
    ]);

    // Fixed again: `invalid` goes, the hand-made label stays.
    repo.git('checkout', '--quiet', 'pr');
    replaceLine(repo, 'data/providers.csv', /NOT A POSTCODE,E10000025/, 'OX7 5NN,E10000025');
    const third = repo.commit('Fixed');
    repo.git('checkout', '--quiet', '--detach', 'main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request', 'pr');
    await runPrepare(7, third);
    pr.pull!.head.sha = third;
    await runComment(third);
    expect(pr.labels.sort()).toEqual(['accreditation-change', 'help wanted', 'new-provider']);
    expect(botComments(7)).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });

  it('asks the accreditation panel named in CODEOWNERS to review a status change, never the author', async () => {
    const { head } = openPullRequest((r) => {
      replaceLine(
        r,
        'data/accreditations.csv',
        /^KM-000002,P000002,accredited,/m,
        'KM-000002,P000002,suspended,',
      );
    });
    await runPrepare(9, head);
    const pr = seedPull(9, head, ['data/accreditations.csv']);
    await runComment(head);
    expect(gh.violations).toEqual([]);
    expect(pr.pull!.requested_reviewers).toEqual(['accreditation-lead']);
    expect(pr.pull!.requested_teams).toEqual(['accreditation-panel']);
    expect(pr.labels).toEqual(['accreditation-change']);
    const body = botComments(9)[0]!.body;
    expect(body).toContain(
      '`KM-000002` for `P000002` **Cedar Good Neighbours CIO**: `accredited` → `suspended`',
    );

    // A rerun does not ask again.
    const before = gh.requests.filter(
      (r) => r.route.endsWith('requested_reviewers') && r.method === 'POST',
    ).length;
    await runComment(head);
    expect(
      gh.requests.filter((r) => r.route.endsWith('requested_reviewers') && r.method === 'POST')
        .length,
    ).toBe(before);
  });

  it('acts on the changed files, not on a forged report that says nothing changes', async () => {
    const { head } = openPullRequest((r) => {
      replaceLine(
        r,
        'data/accreditations.csv',
        /^KM-000002,P000002,accredited,/m,
        'KM-000002,P000002,withdrawn,',
      );
    });
    // The pull request's own code also rewrote the report: no changes, no errors.
    const honest = await runPrepare(12, head);
    const forged: ReviewReport = {
      ...honest,
      diff: {
        ...honest.diff,
        changes: [],
        counts: Object.fromEntries(
          Object.keys(honest.diff.counts).map((t) => [
            t,
            { added: 0, ended: 0, changed: 0, removed: 0 },
          ]),
        ) as ReviewReport['diff']['counts'],
      },
    };
    writeFileSync(join(repo.dir, 'review/review.json'), JSON.stringify(forged));
    const pr = seedPull(12, head, ['data/accreditations.csv', 'scripts/lib/diffRegisters.ts']);

    const { toolkit } = await runComment(head);
    expect(toolkit.failures).toEqual([]);
    expect(gh.violations).toEqual([]);
    const body = botComments(12)[0]!.body;
    expect(body).toContain(
      "**The review job's report does not match the files this pull request changes.**",
    );
    expect(body).toContain(
      'accreditations: the report says 0 added, 0 ended, 0 changed, 0 removed',
    );
    expect(body).toContain('`KM-000002` for `P000002` **Cedar Good Neighbours CIO**');
    expect(body).toContain('withdrawn');
    expect(pr.labels).toEqual(['accreditation-change']);
    expect(pr.pull!.requested_reviewers).toEqual(['accreditation-lead']);
    expect(pr.pull!.requested_teams).toEqual(['accreditation-panel']);
    expect(toolkit.text()).toContain('disagrees with the files');
  });

  it('warns when the pull request changes code, since its own code wrote the report', async () => {
    const { head } = openPullRequest((r) => append(r, 'data/providers.csv', NEW_PROVIDER));
    await runPrepare(11, head);
    seedPull(11, head, [
      'data/providers.csv',
      'scripts/lib/diffRegisters.ts',
      '.github/workflows/review.yml',
    ]);
    await runComment(head);
    const body = botComments(11)[0]!.body;
    expect(body).toContain('> [!CAUTION]');
    expect(body).toContain(
      'changes 2 files outside `data/`: `scripts/lib/diffRegisters.ts`, `.github/workflows/review.yml`',
    );
  });

  it('says nothing on a pull request that does not touch the register', async () => {
    const { head } = openPullRequest((r) => r.write('README.md', '# Hello\n'));
    await runPrepare(12, head);
    seedPull(12, head, ['README.md']);
    const { toolkit } = await runComment(head);
    expect(toolkit.failures).toEqual([]);
    expect(gh.comments(12)).toEqual([]);
    expect(gh.issues.get(12)!.labels).toEqual([]);
  });

  it('renders hostile text inertly: no pings, no forged marker, no links, no HTML', async () => {
    const hostile =
      '@everyone <!-- kitemark:review --> [click](https://evil.example) ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> #1 **bold** `code`';
    const { head } = openPullRequest((r) =>
      append(
        r,
        'data/providers.csv',
        NEW_PROVIDER.replace('Juniper Carers Network,', `"${hostile}\n### Heading",`),
      ),
    );
    await runPrepare(13, head);
    seedPull(13, head, ['data/providers.csv']);
    await runComment(head);
    const body = botComments(13)[0]!.body;
    expect(body.split(REVIEW_MARKER)).toHaveLength(2);
    expect(body).not.toContain('<!-- kitemark:review --> [');
    expect(body).not.toMatch(/(^|[^`])@everyone/);
    expect(body).not.toContain('](https://evil');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/^### Heading/m);
    expect(body).toContain('@&#8203;everyone');
    expect(gh.violations).toEqual([]);
  });

  it('ignores a report that names another pull request than the run is for', async () => {
    const { head } = openPullRequest((r) => append(r, 'data/providers.csv', NEW_PROVIDER));
    await runPrepare(7, head);
    // The report says #7, but #7's head is some other commit: a forged or stale report.
    seedPull(7, 'f'.repeat(40));
    const { toolkit } = await runComment(head);
    expect(toolkit.failures).toEqual([]);
    expect(toolkit.outputs['status']).toBe('skipped');
    expect(gh.comments(7)).toEqual([]);
  });

  it('explains, on the linked pull request, when the report is missing or malformed', async () => {
    const { head } = openPullRequest((r) => append(r, 'data/providers.csv', NEW_PROVIDER));
    seedPull(7, head);
    const dir = join(repo.dir, 'forged');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'review.json'),
      JSON.stringify({
        kind: 'kitemark-review-report',
        version: 1,
        pullRequest: 7,
        headSha: head,
        extra: '<script>',
      }),
    );
    const linked = [
      { number: 7, head: { sha: head, ref: 'juniper' }, base: { sha: head, ref: 'main' } },
    ];
    const { toolkit } = await runComment(head, dir, linked);
    expect(toolkit.failures).toEqual([]);
    expect(toolkit.outputs['status']).toBe('unreadable');
    const body = botComments(7)[0]!.body;
    expect(body).toContain('could not read the report');
    expect(body).not.toContain('<script>');
    expect(gh.issues.get(7)!.labels).toEqual([]);

    // No report at all, and no linked pull request (a fork): nothing to say, nothing fails.
    const none = await runComment(head, join(repo.dir, 'missing'));
    expect(none.toolkit.failures).toEqual([]);
    expect(none.toolkit.outputs['status']).toBe('unreadable');
  });

  it("keeps one readable comment within GitHub's limit on a huge pull request", async () => {
    const { head } = openPullRequest((r) => {
      const rows = readFileSync(join(r.dir, 'data/providers.csv'), 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1);
      const extra = Array.from({ length: 3000 }, (_, i) =>
        rows[i % rows.length]!.replace(
          /^P\d{6},([^,]*),/,
          (_m, name: string) => `P${String(401 + i).padStart(6, '0')},${name} ${i},`,
        ),
      );
      append(r, 'data/providers.csv', `${extra.join('\n')}\n`);
      // And a broken row for good measure.
      append(r, 'data/documents.csv', 'P999999,hr-policy,x,1,2026-01-01,2025-01-01,,,pdf,\n');
    });
    const report = await runPrepare(14, head);
    expect(report.diff.counts.providers.added).toBe(3000);
    seedPull(14, head, ['data/providers.csv', 'data/documents.csv']);
    await runComment(head);
    const body = botComments(14)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('### Providers added (3,000)');
    expect(body).toContain('not listed here');
    expect(body).toContain('### Errors to fix');
    expect(gh.violations).toEqual([]);
  });

  it('refuses an artifact too large to be a report, without reading it all', async () => {
    const { head } = openPullRequest((r) => append(r, 'data/providers.csv', NEW_PROVIDER));
    seedPull(7, head);
    const dir = join(repo.dir, 'huge');
    mkdirSync(dir);
    writeFileSync(join(dir, 'review.json'), Buffer.alloc(9 * 1024 * 1024, 32));
    const linked = [
      { number: 7, head: { sha: head, ref: 'juniper' }, base: { sha: head, ref: 'main' } },
    ];
    const { toolkit } = await runComment(head, dir, linked);
    expect(toolkit.outputs['status']).toBe('unreadable');
    expect(botComments(7)[0]!.body).toMatch(/more than 8388608/);
  });

  it('retries a 502 and a secondary rate limit, and still leaves one comment', async () => {
    const { head } = openPullRequest((r) => append(r, 'data/providers.csv', NEW_PROVIDER));
    await runPrepare(7, head);
    seedPull(7, head);
    gh.failNext('GET', /\/pulls\/7$/, BAD_GATEWAY);
    gh.failNext('POST', /\/issues\/7\/comments$/, SECONDARY_RATE_LIMIT);
    const { toolkit, code } = await runComment(head);
    expect(toolkit.failures).toEqual([]);
    expect(code).toBe(0);
    expect(botComments(7)).toHaveLength(1);
    const statuses = gh.requests
      .filter((r) => /\/pulls\/7$|\/issues\/7\/comments$/.test(r.path))
      .map((r) => `${r.method} ${r.status}`);
    expect(statuses).toEqual(['GET 502', 'GET 200', 'GET 200', 'POST 403', 'POST 201']);
    expect(toolkit.text()).toMatch(/Secondary rate limit on POST .*retrying/);
  });
});
