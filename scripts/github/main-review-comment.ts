/**
 * Review bot, privileged half (`workflow_run` after "Review" completes, on the default branch's
 * code). Reads the report artifact as data and posts the comment, labels and review requests.
 *
 * Env: the GITHUB_* variables of the run, GITHUB_TOKEN, KITEMARK_REPORT_DIR (where the artifact
 * was downloaded; it may be missing if the review job failed), KITEMARK_TODAY (optional).
 */
import * as core from '@actions/core';
import { lstat, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReference } from '../io/referenceFiles.ts';
import { registerChecks } from '../io/registerFolder.ts';
import { todayInLondon } from '../lib/dates.ts';
import { validateRegister } from '../lib/validateRegister.ts';
import { postReview } from './postReview.ts';
import { readActionsContext } from './readActionsContext.ts';
import { REPORT_FILE, REPORT_LIMITS } from './reviewReport.ts';
import { isEntryPoint, octokitFor, runEntryPoint, type ClientOptions } from './runEntryPoint.ts';
import type { Toolkit } from './toolkit.ts';

export async function main(
  env: NodeJS.ProcessEnv,
  toolkit: Toolkit,
  client: ClientOptions = {},
): Promise<number> {
  return runEntryPoint(toolkit, async () => {
    const context = await readActionsContext(env);
    const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
    const report = await readUntrustedFile(
      join(env['KITEMARK_REPORT_DIR'] ?? join(workspace, 'review'), REPORT_FILE),
      REPORT_LIMITS.fileBytes,
    );
    const codeowners = await firstFile([
      join(workspace, '.github/CODEOWNERS'),
      join(workspace, 'CODEOWNERS'),
      join(workspace, 'docs/CODEOWNERS'),
    ]);
    // The default branch's rules, on the pull request's data as read from GitHub.
    const reference = await readReference();
    const today = env['KITEMARK_TODAY'] || todayInLondon();
    const outcome = await postReview({
      octokit: octokitFor(context, toolkit, client),
      toolkit,
      repo: {
        owner: context.owner,
        repo: context.repo,
        serverUrl: context.serverUrl,
        runUrl: context.runUrl,
      },
      payload: context.payload,
      report,
      codeowners,
      validate: (head) =>
        validateRegister(head, {
          today,
          reference,
          extraChecks: registerChecks(today),
        }),
    });
    toolkit.setOutput('status', outcome.status);
    if (outcome.pullRequest) toolkit.setOutput('pull-request', String(outcome.pullRequest));
  });
}

/**
 * A file from an artifact another workflow wrote: only a plain file (not a link to somewhere
 * else on the runner), and never more than `max` + 1 bytes of it, so a huge file costs nothing
 * and is reported as too large by the parser. Missing is undefined, not an error.
 */
export async function readUntrustedFile(path: string, max: number): Promise<Buffer | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new Error(`${path} is not a plain file.`);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(info.size, max + 1));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function firstFile(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.env, core);
