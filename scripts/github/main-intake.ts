/**
 * Intake bot entry point (`issues` opened, edited or reopened, on the default branch's code,
 * in a full clone so the key history is complete). Reads the register at the commit the run
 * is for, straight from git, and hands everything to handleIntake.
 *
 * Env: the GITHUB_* variables of the run, GITHUB_TOKEN, KITEMARK_TODAY (optional).
 */
import * as core from '@actions/core';
import { readReference } from '../io/referenceFiles.ts';
import { readGitRevision } from '../io/git/readGitRevision.ts';
import { todayInLondon } from '../lib/dates.ts';
import { handleIntake } from './handleIntake.ts';
import { readActionsContext } from './readActionsContext.ts';
import { readUsedKeys } from './readUsedKeys.ts';
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
    const octokit = octokitFor(context, toolkit, client);
    const repository = context.payload['repository'] as { default_branch?: unknown } | undefined;
    const defaultBranch =
      typeof repository?.default_branch === 'string'
        ? repository.default_branch
        : (await octokit.rest.repos.get({ owner: context.owner, repo: context.repo })).data
            .default_branch;
    const register = await readGitRevision(workspace, context.sha || 'HEAD');
    const outcome = await handleIntake({
      octokit,
      toolkit,
      repo: {
        owner: context.owner,
        repo: context.repo,
        serverUrl: context.serverUrl,
        runUrl: context.runUrl,
      },
      payload: context.payload,
      register,
      baseSha: register.commit,
      defaultBranch,
      today: env['KITEMARK_TODAY'] || todayInLondon(),
      reference: await readReference(),
      usedKeys: await readUsedKeys(workspace),
    });
    toolkit.setOutput('status', outcome.status);
    if (outcome.pullRequest) toolkit.setOutput('pull-request', String(outcome.pullRequest));
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.env, core);
