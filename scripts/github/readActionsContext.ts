/**
 * What a workflow run tells its steps, read from the environment Actions sets: the repository,
 * the API and web addresses, the run, and the event payload (a file, read as data; never via
 * `${{ }}` in a script, where an issue title could become shell code).
 */
import { readFile, stat } from 'node:fs/promises';
import type { RepoRef } from './toolkit.ts';

export interface ActionsContext extends RepoRef {
  apiUrl: string;
  serverUrl: string;
  eventName: string;
  /** The commit the workflow checked out (the default branch's head for issues and schedules). */
  sha: string;
  runId: string;
  runUrl: string;
  token: string;
  payload: Record<string, unknown>;
}

/** A problem with the run's environment: reported with setFailed, never a stack trace. */
export class ContextError extends Error {}

/** Event payloads are at most a few megabytes; a larger file is not a GitHub event. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

export async function readActionsContext(env: NodeJS.ProcessEnv): Promise<ActionsContext> {
  const need = (name: string): string => {
    const value = env[name];
    if (!value)
      throw new ContextError(`${name} is not set: run this from a GitHub Actions workflow.`);
    return value;
  };
  const [owner, repo, extra] = need('GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || extra !== undefined)
    throw new ContextError('GITHUB_REPOSITORY must be owner/repo.');
  const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const runId = env['GITHUB_RUN_ID'] ?? '';
  let payload: Record<string, unknown> = {};
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath) {
    const size = (await stat(eventPath)).size;
    if (size > MAX_EVENT_BYTES)
      throw new ContextError(`The event payload is ${size} bytes, more than any GitHub event.`);
    const parsed: unknown = JSON.parse(await readFile(eventPath, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ContextError('The event payload is not a JSON object.');
    payload = parsed as Record<string, unknown>;
  }
  return {
    owner,
    repo,
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    serverUrl,
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    sha: env['GITHUB_SHA'] ?? '',
    runId,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '',
    token: need('GITHUB_TOKEN'),
    payload,
  };
}
