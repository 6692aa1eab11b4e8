/**
 * Expiry job entry point (`schedule` and `workflow_dispatch`, on the default branch's code).
 *
 * Env: the GITHUB_* variables of the run, GITHUB_TOKEN, KITEMARK_TODAY (optional).
 */
import * as core from '@actions/core';
import { readGitRevision } from '../io/git/readGitRevision.ts';
import { todayInLondon } from '../lib/dates.ts';
import { readActionsContext } from './readActionsContext.ts';
import { runExpiry } from './runExpiry.ts';
import { isEntryPoint, octokitFor, runEntryPoint, type ClientOptions } from './runEntryPoint.ts';
import type { Toolkit } from './toolkit.ts';

export async function main(
  env: NodeJS.ProcessEnv,
  toolkit: Toolkit,
  client: ClientOptions = {},
): Promise<number> {
  return runEntryPoint(toolkit, async () => {
    const context = await readActionsContext(env);
    const octokit = octokitFor(context, toolkit, client);
    const { data: repository } = await octokit.rest.repos.get({
      owner: context.owner,
      repo: context.repo,
    });
    const register = await readGitRevision(
      env['GITHUB_WORKSPACE'] ?? process.cwd(),
      context.sha || 'HEAD',
    );
    const repo: { owner: string; repo: string; runUrl?: string } = {
      owner: context.owner,
      repo: context.repo,
    };
    if (context.runUrl) repo.runUrl = context.runUrl;
    const outcome = await runExpiry({
      octokit,
      toolkit,
      repo,
      register,
      baseSha: register.commit,
      defaultBranch: repository.default_branch,
      today: env['KITEMARK_TODAY'] || todayInLondon(),
    });
    toolkit.setOutput('issue', String(outcome.issue.number));
    if (outcome.pullRequest) toolkit.setOutput('pull-request', String(outcome.pullRequest.number));
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.env, core);
