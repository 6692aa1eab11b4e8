/**
 * What every workflow entry point shares: run the work, turn any failure into one plain
 * message for the Actions log (setFailed), and know whether the file was run directly.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOctokit, type CreateOctokitOptions, type Octokit } from './createOctokit.ts';
import type { ActionsContext } from './readActionsContext.ts';
import type { Toolkit } from './toolkit.ts';

/** Test hooks for the API client (a local server needs no pacing); production passes nothing. */
export type ClientOptions = Partial<
  Pick<CreateOctokitOptions, 'pacing' | 'retryAfterUnitMs' | 'rateLimitRetries'>
>;

export function octokitFor(
  context: ActionsContext,
  toolkit: Toolkit,
  options: ClientOptions = {},
): Octokit {
  return createOctokit({ token: context.token, baseUrl: context.apiUrl, log: toolkit, ...options });
}

/** Runs `work`; returns the exit code. Errors are reported, never thrown at the runner. */
export async function runEntryPoint(toolkit: Toolkit, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    toolkit.setFailed(message);
    if (process.env['KITEMARK_DEBUG'] && e instanceof Error && e.stack) toolkit.debug(e.stack);
    return 1;
  }
}

/** True when the module at `url` is the script node was asked to run (not an import). */
export function isEntryPoint(url: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
}
