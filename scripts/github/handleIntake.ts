/**
 * The intake bot: turns a submitted issue form (an application, or a correction) into a branch
 * and a pull request with the new or changed rows, or into a comment that says in plain
 * English what to change. Form answers are untrusted data: they are read field by field, then
 * the changed register goes through loadRegister and validateRegister like any other change,
 * and nothing reaches a branch unless it validates. Every run is idempotent: the same issue
 * gives the same branch, pull request and comment, updated in place.
 */
import { diffRegisters } from '../lib/diffRegisters.ts';
import { formatDiffMarkdown } from '../lib/formatDiff.ts';
import type { Issue } from '../lib/issue.ts';
import { loadRegister, splitList, type LoadedRegister, type Sources } from '../lib/loadRegister.ts';
import { codeSpan, escapeMarkdown, link, oneLine, truncate } from '../lib/markdown.ts';
import { plural } from '../lib/words.ts';
import { contactDomainChanges, type DomainChange } from '../lib/contactDomain.ts';
import type { Reference } from '../lib/reference.ts';
import { TABLES } from '../lib/schemas.ts';
import { validateRegister } from '../lib/validateRegister.ts';
import { keysIn, nextKey } from './allocateKeys.ts';
import { issueForms, type FormDefinition } from './buildIssueForms.ts';
import { commitFiles, type CommitFilesResult } from './commitFiles.ts';
import { listFilesAt, readBlob } from './readGitFiles.ts';
import type { Octokit } from './createOctokit.ts';
import { appendRow, readRows, replaceRow } from './editCsvRows.ts';
import { MANAGED_REVIEW_LABELS, REVIEW_LABELS, ensureLabels, syncLabels } from './labels.ts';
import { parseIssueForm, type FormProblem } from './parseIssueForm.ts';
import { readApplication, readCorrection, type Cells } from './readFormAnswers.ts';
import type { RepoRef, Toolkit } from './toolkit.ts';
import { marker, upsertComment } from './upsertComment.ts';
import { findPullRequests, upsertPullRequest } from './upsertPullRequest.ts';
import { appendAll } from '../lib/appendAll.ts';

export const INTAKE_MARKER = marker('intake');
const METADATA = /<!-- kitemark:intake-data (\{[^<>\n]{0,500}\}) -->/;
const BRANCH_PREFIX = 'kitemark/';

export interface IntakeInput {
  octokit: Octokit;
  toolkit: Toolkit;
  repo: RepoRef & { serverUrl: string; runUrl?: string };
  /** The `issues` event payload. */
  payload: Record<string, unknown>;
  /** The register's files at `baseSha` (the default branch's head). */
  register: Sources;
  baseSha: string;
  defaultBranch: string;
  today: string;
  reference: Reference;
  /** Keys that appear anywhere in the register's git history. */
  usedKeys: ReadonlySet<string>;
  /** The data folder inside the repository (default `data`). */
  dataPath?: string;
}

export type IntakeStatus =
  'skipped' | 'invalid' | 'no-change' | 'opened' | 'updated' | 'unchanged' | 'refused' | 'merged';

export interface IntakeOutcome {
  status: IntakeStatus;
  reason?: string;
  pullRequest?: number;
  keys?: string[];
  problems?: FormProblem[];
}

interface IssueInfo {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: string[];
  author: string;
  isPullRequest: boolean;
}

function readIssue(payload: Record<string, unknown>): IssueInfo | undefined {
  const issue = payload['issue'] as Record<string, unknown> | undefined;
  if (!issue || typeof issue !== 'object' || !Number.isInteger(issue['number'])) return undefined;
  const labels = Array.isArray(issue['labels']) ? (issue['labels'] as unknown[]) : [];
  return {
    number: issue['number'] as number,
    title: String(issue['title'] ?? ''),
    body: typeof issue['body'] === 'string' ? issue['body'] : '',
    state: String(issue['state'] ?? ''),
    labels: labels.map((l) =>
      typeof l === 'string' ? l : String((l as Record<string, unknown>)?.['name'] ?? ''),
    ),
    author: String((issue['user'] as Record<string, unknown> | undefined)?.['login'] ?? ''),
    isPullRequest: issue['pull_request'] !== undefined,
  };
}

/** Which form an issue was written with: by the label the form applies. */
export function formFor(
  issue: Pick<IssueInfo, 'labels'>,
  forms: readonly FormDefinition[],
): FormDefinition | undefined {
  return forms.find((f) => f.labels.some((l) => issue.labels.includes(l)));
}

export async function handleIntake(input: IntakeInput): Promise<IntakeOutcome> {
  const { octokit, toolkit, repo } = input;
  const issue = readIssue(input.payload);
  if (!issue || issue.isPullRequest) return skip(toolkit, 'the event is not about an issue');
  if (issue.state !== 'open') return skip(toolkit, `issue #${issue.number} is ${issue.state}`);
  const base = loadRegister(input.register);
  const form = formFor(issue, issueForms(base));
  if (!form) return skip(toolkit, `issue #${issue.number} was not written with a register form`);

  const branch = `${BRANCH_PREFIX}${form.kind}-${issue.number}`;
  const pulls = await findPullRequests(octokit, repo, branch, 'all');
  const merged = pulls.find((p) => p.merged);
  if (merged) {
    await say(
      input,
      issue,
      `${INTAKE_MARKER}\nThis ${form.kind} was added to the register in ${link(`#${merged.number}`, merged.url)}. To change anything now, please open a new ${link('correction request', newIssueUrl(input, 'correct-an-entry.yml'))}.\n`,
    );
    return { status: 'merged', pullRequest: merged.number };
  }
  const open = pulls.find((p) => p.state === 'open');

  const parsed = parseIssueForm(issue.body, form);
  // A broken layout makes every answer doubtful; otherwise all problems are reported at once.
  if (parsed.problems.some((p) => p.layout))
    return invalid(input, issue, form, parsed.problems, open?.number);

  const dataPath = (input.dataPath ?? 'data').replace(/^\.?\/+|\/+$/g, '');
  const text = (file: string) =>
    new TextDecoder().decode(input.register.get(file) ?? new Uint8Array());
  // Keys are chosen, committed, then checked again against main and every other intake branch:
  // two applications handled at once must not both get P000401 (see clashingKeys).
  const avoid = new Set<string>();
  let keys: string[];
  let name: string;
  let head: LoadedRegister;
  let warnings: Issue[];
  let noun: string;
  let title: string;
  let commit: CommitFilesResult;
  let domainChanges: DomainChange[] = [];
  for (let attempt = 1; ; attempt++) {
    const files = new Map<string, string>();
    /** Rows this form writes, by file and line, to pick out the issues that are about them. */
    const rows: { file: string; line: number }[] = [];

    if (form.kind === 'application') {
      const cells = readApplication(parsed.answers, form, base.codelists);
      const problems = [...parsed.problems, ...cells.problems];
      if (problems.length > 0) return invalid(input, issue, form, problems, open?.number);
      const [providerId, accreditationId] = await allocate(input, base, branch, open?.body, avoid);
      keys = [providerId, accreditationId];
      name = cells.provider['name'] ?? '';
      const provider: Cells = { ...cells.provider, provider_id: providerId, added_on: input.today };
      const award: Cells = {
        ...cells.accreditation,
        accreditation_id: accreditationId,
        provider_id: providerId,
      };
      for (const [table, row] of [
        ['providers', provider],
        ['accreditations', award],
      ] as const) {
        const file = TABLES[table].file;
        const before = text(file);
        const { header } = readRows(file, before);
        // A missing or empty file gets the schema's header (validation will speak of it).
        const columns = header.length > 0 ? header : TABLES[table].fields.map((f) => f.name);
        const after = appendRow(before === '' ? `${columns.join(',')}\n` : before, columns, row);
        files.set(file, after);
        rows.push({ file, line: readRows(file, after).rows.at(-1)!.line });
      }
    } else {
      const cells = readCorrection(parsed.answers, form, base.codelists);
      const problems = [...parsed.problems, ...cells.problems];
      if (problems.length > 0) return invalid(input, issue, form, problems, open?.number);
      const file = TABLES.providers.file;
      const before = text(file);
      const existing = readRows(file, before).rows.find(
        (r) => r.cells['provider_id']?.trim() === cells.providerId,
      );
      if (!existing) {
        return invalid(
          input,
          issue,
          form,
          [
            {
              field: 'Provider ID',
              message: `There is no provider ${cells.providerId} on the register.`,
              fix: 'Check the ID on your register page: P and six digits.',
            },
          ],
          open?.number,
        );
      }
      const changed = Object.entries(cells.changes).filter(
        ([column, value]) => !sameCell(column, existing.cells[column] ?? '', value),
      );
      if (changed.length === 0) {
        await say(
          input,
          issue,
          `${INTAKE_MARKER}\nThank you. The register already says what this request asks for, so there is nothing to change. If something else is wrong, edit this issue; a maintainer will also read it.\n`,
        );
        return { status: 'no-change' };
      }
      keys = [cells.providerId!];
      domainChanges = contactDomainChanges(existing.cells, Object.fromEntries(changed));
      name = existing.cells['name']?.trim() ?? '';
      files.set(
        file,
        replaceRow(file, before, existing.line, {
          ...existing.cells,
          ...Object.fromEntries(changed),
        }),
      );
      rows.push({ file, line: existing.line });
    }

    // The same checks as every pull request: load the changed register and validate it.
    head = loadRegister({
      keys: () => input.register.keys(),
      get: (path) =>
        files.has(path) ? new TextEncoder().encode(files.get(path)) : input.register.get(path),
    });
    const issues = validateRegister(head, { today: input.today, reference: input.reference });
    const ours = issues.filter((i) => rows.some((r) => r.file === i.file && r.line === i.line));
    const errors = ours.filter((i) => i.severity === 'error');
    if (errors.length > 0)
      return invalid(
        input,
        issue,
        form,
        errors.map((e) => problemFromIssue(e, form)),
        open?.number,
      );
    warnings = ours.filter((i) => i.severity === 'warning');

    noun = form.kind === 'application' ? 'application' : 'correction request';
    title = truncate(
      oneLine(
        form.kind === 'application'
          ? `Add ${name} to the register (application #${issue.number})`
          : `Correct ${name} (${keys[0]}, request #${issue.number})`,
      ),
      200,
    );
    commit = await commitFiles(octokit, repo, {
      branch,
      baseSha: input.baseSha,
      files: new Map([...files].map(([file, content]) => [`${dataPath}/${file}`, content])),
      message: title,
      trailer: `Kitemark-Bot: ${form.kind} #${issue.number}`,
    });
    if (commit.action === 'refused') {
      await say(
        input,
        issue,
        `${INTAKE_MARKER}\nThank you for updating your ${noun}. A maintainer has already made changes to its pull request by hand, so we have not replaced them; they will take your changes into account.\n`,
      );
      return { status: 'refused', ...(open ? { pullRequest: open.number } : {}) };
    }

    if (form.kind !== 'application') break;
    const clashes = await clashingKeys(input, branch, issue.number, keys);
    if (clashes.length === 0) break;
    if (attempt === MAX_KEY_ATTEMPTS)
      throw new Error(`keys ${clashes.join(', ')} still clash after ${attempt} attempts`);
    toolkit.info(`Keys ${clashes.join(', ')} were taken meanwhile; choosing others.`);
    for (const key of clashes) avoid.add(key);
  }

  const diff = diffRegisters(base, head);
  const body = [
    `${INTAKE_MARKER}`,
    `<!-- kitemark:intake-data ${JSON.stringify({ issue: issue.number, kind: form.kind, keys })} -->`,
    `This pull request was opened by the intake bot from ${noun} #${issue.number}, whose answers validate against the data standard.`,
    '',
    `Requested by ${issue.author ? link(`@${issue.author}`, `${repo.serverUrl}/${encodeURIComponent(issue.author)}`) : 'an unknown account'} in #${issue.number}.`,
    ...domainWarning(domainChanges),
    '',
    `Closes #${issue.number}.`,
    '',
    '## What it changes',
    '',
    formatDiffMarkdown(diff, { heading: '###' }).trimEnd(),
    ...warningsSection(warnings, form),
    ...noteSection(form.kind === 'correction' ? (parsed.answers.get('anything_else') ?? '') : ''),
    '',
    '## Before merging',
    '',
    form.kind === 'application'
      ? '- Check the organisation is who it says it is (its charity or company record), and that it is not already on the register under another name.\n- The award is `applied`: an assessor sets it to `accredited`, with its dates, in a later pull request.'
      : "- Check the person asking is entitled to change this entry (for example, that they wrote from the organisation's own address or account).",
    '',
    `<sub>Edits to #${issue.number} update this pull request. Commits pushed here by hand are kept: the bot stops updating the branch.</sub>`,
    '',
  ].join('\n');
  const pr = await upsertPullRequest(octokit, repo, {
    branch,
    base: input.defaultBranch,
    title,
    body,
  });

  // Pull requests opened with the workflow's own token do not trigger other workflows, so the
  // review bot may not run on this one: label it here, from the same diff.
  await ensureLabels(octokit, repo, Object.values(REVIEW_LABELS));
  const wanted =
    form.kind === 'application'
      ? [REVIEW_LABELS.newProvider.name, REVIEW_LABELS.accreditationChange.name]
      : [REVIEW_LABELS.correction.name];
  await syncLabels(
    octokit,
    { ...repo, issue_number: pr.number },
    pr.labels,
    wanted,
    MANAGED_REVIEW_LABELS,
  );

  const thanks =
    form.kind === 'application'
      ? 'Thank you for applying for the kitemark.'
      : 'Thank you for your correction.';
  const lines = [
    INTAKE_MARKER,
    `${thanks} Your answers check out against the data standard, and we have opened ${link(`pull request #${pr.number}`, pr.url)} ${form.kind === 'application' ? 'to add your organisation to the register' : 'with the correction'}. A maintainer will review it; this issue will close when it is merged.`,
  ];
  if (form.kind === 'application') {
    lines.push(
      '',
      `Your provider ID will be \`${keys[0]}\` and your application's certificate number \`${keys[1]}\`.`,
    );
  }
  if (warnings.length > 0) {
    lines.push(
      '',
      'A maintainer will also look at these points, which do not stop your application:',
      '',
    );
    appendAll(
      lines,
      warnings.map((w) => `- ${describeProblem(problemFromIssue(w, form))}`),
    );
  }
  lines.push(
    '',
    `If anything needs changing, edit this issue: the pull request will follow.${input.repo.runUrl ? ` <sub>(${link('bot run', input.repo.runUrl)})</sub>` : ''}`,
    '',
  );
  await say(input, issue, lines.join('\n'));
  const status: IntakeStatus =
    pr.action === 'created'
      ? 'opened'
      : commit.action === 'unchanged' && pr.action === 'unchanged'
        ? 'unchanged'
        : 'updated';
  toolkit.info(
    `Issue #${issue.number}: ${status} pull request #${pr.number} (${commit.action} branch ${branch}).`,
  );
  return { status, pullRequest: pr.number, keys };
}

/**
 * Keys for an application: the ones its pull request already holds, if still free; otherwise
 * the next never-used keys, avoiding any reserved by other open application pull requests.
 */
async function allocate(
  input: IntakeInput,
  base: LoadedRegister,
  branch: string,
  ownBody: string | undefined,
  /** Keys found taken by another application since they were chosen. */
  avoid: ReadonlySet<string> = new Set(),
): Promise<[string, string]> {
  const { octokit, repo } = input;
  const inRegister = new Set<string>();
  for (const row of base.providers.rows)
    if (row.record.provider_id) inRegister.add(row.record.provider_id);
  for (const row of base.accreditations.rows)
    if (row.record.accreditation_id) inRegister.add(row.record.accreditation_id);

  const reserved = new Set<string>();
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    state: 'open',
    per_page: 100,
  });
  for (const p of pulls) {
    if (p.head.ref === branch || !p.head.ref.startsWith(`${BRANCH_PREFIX}application-`)) continue;
    for (const key of metadataKeys(p.body ?? '')) reserved.add(key);
  }
  const taken = new Set([...input.usedKeys, ...inRegister, ...reserved, ...avoid]);
  const previous = metadataKeys(ownBody ?? '');
  const keep = (prefix: string) =>
    previous.find(
      (k) => k.startsWith(prefix) && !inRegister.has(k) && !reserved.has(k) && !avoid.has(k),
    );
  const provider = keep('P') ?? nextKey('provider', taken);
  const award = keep('KM-') ?? nextKey('accreditation', taken);
  return [provider, award];
}

/**
 * A correction that moves a provider's website or email to another domain could hand the entry
 * (and the people who write to it) to someone else: a maintainer must check it with the
 * organisation, through contact details they already trust.
 */
function domainWarning(changes: readonly DomainChange[]): string[] {
  if (changes.length === 0) return [];
  const said = changes.map(
    (c) =>
      `${c.field === 'website' ? 'the website' : 'the email address'} from ${c.before ? codeSpan(c.before, 200) : 'none'} to ${codeSpan(c.after ?? '', 200)}`,
  );
  return [
    '',
    '> [!WARNING]',
    `> **This changes the contact domain**: ${said.join('; ')}. Anyone can fill in the correction form: before merging, confirm with the organisation, using contact details you already trust (not the new ones), that it asked for this.`,
  ];
}

const MAX_KEY_ATTEMPTS = 5;
const KEY_TABLES = [TABLES.providers.file, TABLES.accreditations.file];

/**
 * Which of `keys`, just committed to `branch`, another change holds too: the default branch as
 * it is now (a merge since this run began), or another open intake branch (an application
 * handled at the same moment, whose pull request may not exist yet). Against another branch the
 * older application (lower issue number) keeps the key and the newer one moves, so two runs
 * that see each other never both move; the concurrency group of the workflow makes runs take
 * turns in the first place.
 */
async function clashingKeys(
  input: IntakeInput,
  branch: string,
  issueNumber: number,
  keys: readonly string[],
): Promise<string[]> {
  const { octokit, repo } = input;
  const dataPath = (input.dataPath ?? 'data').replace(/^\.?\/+|\/+$/g, '');
  const paths = new Set(KEY_TABLES.map((f) => `${dataPath}/${f}`));
  const keysAt = async (sha: string) => {
    const found = new Set<string>();
    for (const blob of (await listFilesAt(octokit, repo, sha, (p) => paths.has(p))).values())
      for (const key of keysIn(new TextDecoder().decode(await readBlob(octokit, repo, blob))))
        found.add(key);
    return found;
  };
  const clashes = new Set<string>();
  const main = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${input.defaultBranch}` }))
    .data.object.sha;
  if (main !== input.baseSha) {
    const onMain = await keysAt(main);
    for (const key of keys) if (onMain.has(key)) clashes.add(key);
  }
  const { data: refs } = await octokit.rest.git.listMatchingRefs({
    ...repo,
    ref: `heads/${BRANCH_PREFIX}application-`,
  });
  for (const ref of refs) {
    const other = Number(/application-(\d+)$/.exec(ref.ref)?.[1]);
    if (ref.ref === `refs/heads/${branch}` || !(other < issueNumber)) continue;
    const theirs = await keysAt(ref.object.sha);
    for (const key of keys) if (theirs.has(key)) clashes.add(key);
  }
  return [...clashes];
}

/** Whether a correction leaves a cell as it is; `;` lists compare as sets, as the diff does. */
function sameCell(column: string, current: string, value: string): boolean {
  const list = TABLES.providers.fields.find((f) => f.name === column)?.kind === 'list';
  if (!list) return current.trim() === value;
  const a = new Set(splitList(current));
  const b = new Set(splitList(value));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function metadataKeys(body: string): string[] {
  const m = METADATA.exec(body);
  if (!m) return [];
  try {
    const data = JSON.parse(m[1]!) as { keys?: unknown };
    return Array.isArray(data.keys)
      ? data.keys.filter((k): k is string => typeof k === 'string' && keysIn(k).has(k))
      : [];
  } catch {
    return [];
  }
}

/** A validation issue about a form row, spoken of by the question that filled the field. */
function problemFromIssue(issue: Issue, form: FormDefinition): FormProblem {
  const field = form.fields.find((f) => f.target?.column === issue.field);
  const title =
    field?.label ??
    TABLES.providers.fields.find((f) => f.name === issue.field)?.title ??
    TABLES.accreditations.fields.find((f) => f.name === issue.field)?.title ??
    issue.field;
  return issue.fix === undefined
    ? { field: title, message: issue.message }
    : { field: title, message: issue.message, fix: issue.fix };
}

function describeProblem(p: FormProblem): string {
  const where = p.field ? `**${escapeMarkdown(p.field, 100)}**: ` : '';
  return `${where}${escapeMarkdown(p.message, 500)}${p.fix ? ` ${escapeMarkdown(p.fix, 500)}` : ''}`;
}

async function invalid(
  input: IntakeInput,
  issue: IssueInfo,
  form: FormDefinition,
  problems: FormProblem[],
  openPull: number | undefined,
): Promise<IntakeOutcome> {
  const what =
    form.kind === 'application' ? 'add your organisation to the register' : 'make this correction';
  const lines = [
    INTAKE_MARKER,
    `Thank you. We cannot ${what} yet: ${problems.length === 1 ? 'one answer needs' : `${plural(problems.length, 'answer')} need`} changing.`,
    '',
    ...problems.slice(0, 30).map((p) => `- ${describeProblem(p)}`),
    ...(problems.length > 30 ? [`- … and ${problems.length - 30} more`] : []),
    '',
    'Please edit this issue (**Edit** in the menu at the top right of your first post) and correct those answers, keeping the headings as they are. We check again automatically whenever the issue is edited.',
  ];
  if (openPull)
    lines.push(
      '',
      `Pull request #${openPull} still holds your earlier answers, which did validate.`,
    );
  lines.push('');
  await say(input, issue, lines.join('\n'));
  input.toolkit.info(`Issue #${issue.number}: ${problems.length} problems with the answers.`);
  return { status: 'invalid', problems, ...(openPull ? { pullRequest: openPull } : {}) };
}

function warningsSection(warnings: readonly Issue[], form: FormDefinition): string[] {
  if (warnings.length === 0) return [];
  return [
    '',
    '## Warnings',
    '',
    ...warnings.map((w) => `- ${describeProblem(problemFromIssue(w, form))}`),
  ];
}

function noteSection(note: string): string[] {
  if (note.trim() === '' || /^_No response_$/.test(note.trim())) return [];
  return [
    '',
    '## Also said in the request (not acted on by the bot)',
    '',
    `> ${escapeMarkdown(note, 2000)}`,
  ];
}

async function say(input: IntakeInput, issue: IssueInfo, body: string): Promise<void> {
  const result = await upsertComment(
    input.octokit,
    { ...input.repo, issue_number: issue.number },
    INTAKE_MARKER,
    body,
  );
  input.toolkit.info(`Comment on issue #${issue.number}: ${result.action}.`);
}

function newIssueUrl(input: IntakeInput, template: string): string {
  return `${input.repo.serverUrl}/${input.repo.owner}/${input.repo.repo}/issues/new?template=${template}`;
}

function skip(toolkit: Toolkit, reason: string): IntakeOutcome {
  toolkit.notice(`Intake skipped: ${reason}.`);
  return { status: 'skipped', reason };
}
