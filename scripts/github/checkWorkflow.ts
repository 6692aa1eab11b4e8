/**
 * The project's security rules for GitHub Actions workflows, as code, so that a test enforces
 * them on every workflow file (and a new workflow cannot quietly break one):
 *
 * - least privilege: `permissions:` on the workflow and on every job; the workflow-level set
 *   grants no write; never `write-all` or `read-all`;
 * - every third-party action pinned to a full 40-character commit SHA, with a `# vX.Y.Z`
 *   comment saying which release that is;
 * - no `${{ … }}` inside a `run:` script: values reach scripts through `env:`, so text someone
 *   else wrote (an issue title, a branch name, a form answer) can never become shell code;
 * - untrusted code never runs with a write token or a secret: a workflow triggered by
 *   `pull_request` has read-only jobs and mentions no secret; `pull_request_target` is banned;
 *   a `workflow_run` workflow never checks out or refers to the triggering run's head;
 * - checkout never leaves the token in .git/config (`persist-credentials: false`);
 * - every job has a timeout;
 * - a workflow with a job that writes has a concurrency group, so two runs never race;
 * - a job that writes restores no dependency cache (a cache poisoned elsewhere would run with
 *   its token): setup-node has no `cache:` and its automatic cache is off;
 * - a secret other than the run's own token is read only by a job in an environment, whose
 *   protection rules (branches, reviewers) guard it;
 * - a job that publishes to Pages runs only for main, whatever branch a dispatch names.
 */
import { parse } from 'yaml';
import { appendAll } from '../lib/appendAll.ts';

export interface WorkflowProblem {
  rule: string;
  /** The job, or '' for the workflow as a whole. */
  job: string;
  message: string;
}

const SCOPES = new Set([
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
]);

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The events a workflow runs on, however `on:` is written. */
export function triggers(workflow: Json): string[] {
  const on = workflow['on'] ?? workflow['true']; // YAML 1.1 reads a bare `on` key as true
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (isObject(on)) return Object.keys(on);
  return [];
}

export function checkWorkflow(text: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const add = (rule: string, job: string, message: string) => problems.push({ rule, job, message });
  let workflow: unknown;
  try {
    workflow = parse(text);
  } catch (e) {
    return [
      {
        rule: 'yaml',
        job: '',
        message: `not valid YAML: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
  if (!isObject(workflow)) return [{ rule: 'yaml', job: '', message: 'not a workflow' }];
  const on = triggers(workflow);
  const untrusted = on.includes('pull_request');

  if (on.includes('pull_request_target')) {
    add(
      'untrusted-code',
      '',
      'pull_request_target runs with a write token on pull request events: use pull_request + workflow_run.',
    );
  }
  if (untrusted && /\bsecrets\./.test(text)) {
    add('untrusted-code', '', 'a workflow triggered by pull_request must not use secrets.');
  }

  // Permissions: workflow level, then each job.
  if (!('permissions' in workflow))
    add('permissions', '', 'the workflow has no top-level permissions: block.');
  else appendAll(problems, checkPermissions(workflow['permissions'], '', true));

  const jobs = isObject(workflow['jobs']) ? workflow['jobs'] : {};
  const writes = Object.values(jobs).some((j) => isObject(j) && grantsWrite(j['permissions']));
  if (
    writes &&
    !('concurrency' in workflow) &&
    !Object.values(jobs).every((j) => isObject(j) && 'concurrency' in j)
  )
    add('concurrency', '', 'a workflow with a job that writes needs a concurrency group.');
  for (const [name, job] of Object.entries(jobs)) {
    if (!isObject(job)) continue;
    const jobWrites = grantsWrite(job['permissions']);
    const jobText = JSON.stringify(job);
    if (/\bsecrets\.(?!GITHUB_TOKEN\b)/.test(jobText) && !('environment' in job))
      add(
        'secret-environment',
        name,
        'the job reads a secret but has no environment: put the secret in a protected environment.',
      );
    const publishes =
      (isObject(job['permissions']) && job['permissions']['pages'] === 'write') ||
      /"uses":"actions\/upload-pages-artifact@/.test(jobText);
    if (publishes && !/github\.ref\s*==\s*'refs\/heads\/main'/.test(String(job['if'] ?? '')))
      add(
        'deploy-branch',
        name,
        "a job that publishes must run only for main: if: github.ref == 'refs/heads/main'.",
      );
    if (!('permissions' in job)) add('permissions', name, 'the job has no permissions: block.');
    else {
      appendAll(problems, checkPermissions(job['permissions'], name, false));
      if (untrusted && grantsWrite(job['permissions'])) {
        add(
          'untrusted-code',
          name,
          "a job that runs on pull_request (the pull request's own code) must have only read permissions.",
        );
      }
    }
    if (!('timeout-minutes' in job)) add('timeout', name, 'the job has no timeout-minutes.');
    const steps = Array.isArray(job['steps']) ? (job['steps'] as unknown[]) : [];
    for (const step of steps) {
      if (!isObject(step)) continue;
      if (typeof step['run'] === 'string' && step['run'].includes('${{')) {
        add(
          'script-injection',
          name,
          `an expression is used inside a run: script (${firstLine(step['run'])}); pass it through env: instead.`,
        );
      }
      if (typeof step['uses'] === 'string') appendAll(problems, checkUses(step, name, text));
      if (
        jobWrites &&
        typeof step['uses'] === 'string' &&
        step['uses'].startsWith('actions/setup-node@')
      ) {
        const withs = isObject(step['with']) ? step['with'] : {};
        if ('cache' in withs || withs['package-manager-cache'] !== false)
          add(
            'cache',
            name,
            'a job that writes must not restore a dependency cache: no cache:, and package-manager-cache: false.',
          );
      }
    }
    if (typeof job['uses'] === 'string' && !job['uses'].startsWith('./')) {
      appendAll(problems, checkUses({ uses: job['uses'] }, name, text));
    }
  }

  if (on.includes('workflow_run')) {
    // A concurrency group may name the head branch: it is only a name there, never code.
    const { concurrency: _group, ...rest } = workflow;
    if (
      /github\.event\.workflow_run\.(head_sha|head_branch|head_repository|head_commit|pull_requests)/.test(
        JSON.stringify(rest),
      )
    ) {
      add(
        'untrusted-code',
        '',
        "a workflow_run workflow must not refer to the triggering run's head (its branch, commit or pull request) in the workflow: read it as data in code.",
      );
    }
    for (const [name, job] of Object.entries(jobs)) {
      for (const step of (isObject(job) && Array.isArray(job['steps'])
        ? job['steps']
        : []) as unknown[]) {
        if (
          isObject(step) &&
          typeof step['uses'] === 'string' &&
          step['uses'].startsWith('actions/checkout@')
        ) {
          const withs = isObject(step['with']) ? step['with'] : {};
          if ('ref' in withs || 'repository' in withs)
            add(
              'untrusted-code',
              name,
              'a workflow_run job must check out the default branch only (no ref: or repository:).',
            );
        }
      }
    }
  }
  return problems;
}

function checkPermissions(value: unknown, job: string, workflowLevel: boolean): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const add = (message: string) => problems.push({ rule: 'permissions', job, message });
  if (typeof value === 'string') {
    add(`permissions: ${value} grants every scope; list the scopes needed.`);
    return problems;
  }
  if (!isObject(value)) {
    add('permissions must be a map of scopes.');
    return problems;
  }
  for (const [scope, level] of Object.entries(value)) {
    if (!SCOPES.has(scope)) add(`unknown permission scope ${scope}.`);
    if (level !== 'read' && level !== 'write' && level !== 'none')
      add(`${scope}: ${String(level)} is not read, write or none.`);
    if (workflowLevel && level === 'write')
      add(`${scope}: write at the workflow level; grant writes only to the jobs that need them.`);
  }
  return problems;
}

function grantsWrite(value: unknown): boolean {
  if (typeof value === 'string') return value === 'write-all';
  return isObject(value) && Object.values(value).some((level) => level === 'write');
}

function checkUses(step: Json, job: string, text: string): WorkflowProblem[] {
  const uses = String(step['uses']);
  if (uses.startsWith('./') || uses.startsWith('docker://')) return [];
  const problems: WorkflowProblem[] = [];
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$/.test(uses)) {
    problems.push({
      rule: 'pinning',
      job,
      message: `${uses} is not pinned to a full 40-character commit SHA.`,
    });
    return problems;
  }
  const escaped = uses.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (!new RegExp(`uses:\\s*${escaped}\\s+#\\s*v\\d+\\.\\d+\\.\\d+\\b`).test(text)) {
    problems.push({
      rule: 'pinning',
      job,
      message: `${uses} has no "# vX.Y.Z" comment naming the release it pins.`,
    });
  }
  if (uses.startsWith('actions/checkout@')) {
    const withs = isObject(step['with']) ? step['with'] : {};
    if (withs['persist-credentials'] !== false) {
      problems.push({
        rule: 'credentials',
        job,
        message: 'actions/checkout must set persist-credentials: false.',
      });
    }
  }
  return problems;
}

function firstLine(script: string): string {
  return script.split('\n')[0]!.slice(0, 80);
}
