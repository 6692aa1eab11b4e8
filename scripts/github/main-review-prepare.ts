/**
 * Review bot, unprivileged half (`pull_request`, read-only token, no secrets). Runs in the
 * checked-out merge commit of the pull request: validates its register and diffs it against
 * the merge's first parent (the base branch), then writes the review report for the
 * privileged half to read. It talks to no API at all.
 *
 * Env: GITHUB_EVENT_PATH (the pull_request event), GITHUB_WORKSPACE, KITEMARK_REPORT_DIR (where
 * to write review.json), KITEMARK_BASE_REV (default HEAD^1), KITEMARK_TODAY (optional).
 */
import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegister } from '../io/registerFolder.ts';
import { readGitRevision } from '../io/git/readGitRevision.ts';
import { todayInLondon } from '../lib/dates.ts';
import { summariseDiff } from '../lib/formatDiff.ts';
import { loadRegister } from '../lib/loadRegister.ts';
import { REPORT_FILE, buildReviewReport } from './reviewReport.ts';
import { isEntryPoint, runEntryPoint } from './runEntryPoint.ts';
import type { Toolkit } from './toolkit.ts';

export async function main(env: NodeJS.ProcessEnv, toolkit: Toolkit): Promise<number> {
  return runEntryPoint(toolkit, async () => {
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (!eventPath)
      throw new Error('GITHUB_EVENT_PATH is not set: run this from a pull_request workflow.');
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as {
      pull_request?: { number?: unknown; head?: { sha?: unknown } };
    };
    const number = Number(payload.pull_request?.number);
    const headSha = String(payload.pull_request?.head?.sha ?? '');
    if (!Number.isInteger(number) || !/^[0-9a-f]{40}$/.test(headSha))
      throw new Error('This is not a pull_request event.');

    const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
    const today = env['KITEMARK_TODAY'] || todayInLondon();
    const base = await readGitRevision(workspace, env['KITEMARK_BASE_REV'] || 'HEAD^1');
    const head = await readRegister(join(workspace, 'data'), today);
    const report = buildReviewReport({
      pullRequest: number,
      headSha,
      baseSha: base.commit,
      base: loadRegister(base),
      head: head.loaded,
      issues: head.issues,
    });

    const dir = env['KITEMARK_REPORT_DIR'] || join(workspace, 'review');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, REPORT_FILE), `${JSON.stringify(report)}\n`);
    toolkit.info(
      `${summariseDiff(report.diff)} ${report.errors.count} errors, ${report.warnings.count} warnings on changed records.`,
    );
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.env, core);
