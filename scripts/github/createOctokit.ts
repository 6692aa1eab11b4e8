/**
 * The one way the bots get an API client: Octokit with the retry plugin (5xx answers and
 * network failures are retried with backoff) and the throttling plugin (primary and secondary
 * rate limits are waited out, and writes are paced as GitHub asks), both included in `octokit`.
 */
import { Octokit } from 'octokit';
import type { Toolkit } from './toolkit.ts';

export type { Octokit };

export interface CreateOctokitOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, a GitHub Enterprise URL, or a test server. */
  baseUrl?: string;
  log: Pick<Toolkit, 'debug' | 'info' | 'warning'>;
  /** How many times to wait out a rate limit before giving up (default 3). */
  rateLimitRetries?: number;
  /**
   * Milliseconds per unit of Retry-After and of retry backoff (default 1000, as GitHub means
   * seconds). Tests pass 1 so that a retry costs a millisecond, not a second.
   */
  retryAfterUnitMs?: number;
  /**
   * GitHub asks integrators to leave a second between writes (and more between writes that
   * notify people); false turns this pacing off, for tests against a local server only.
   */
  pacing?: boolean;
}

/** A Bottleneck-compatible group that never waits, for tests that turn pacing off. */
const IMMEDIATE = {
  key: () => ({
    schedule: <T>(
      _options: unknown,
      task: (...args: unknown[]) => Promise<T>,
      ...args: unknown[]
    ) => task(...args),
  }),
};

export function createOctokit(options: CreateOctokitOptions): Octokit {
  const retries = options.rateLimitRetries ?? 3;
  const unit = options.retryAfterUnitMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      if (retryCount < retries) {
        options.log.warning(
          `${kind} on ${request.method} ${request.url}: retrying after ${retryAfter}s (attempt ${retryCount + 2}).`,
        );
        return true;
      }
      options.log.warning(
        `${kind} on ${request.method} ${request.url}: giving up after ${retryCount + 1} attempts.`,
      );
      return false;
    };
  const throttle: Record<string, unknown> = {
    onRateLimit: onLimit('Rate limit'),
    onSecondaryRateLimit: onLimit('Secondary rate limit'),
    retryAfterBaseValue: unit,
    fallbackSecondaryRateRetryAfter: 60,
  };
  if (options.pacing === false) {
    throttle['write'] = IMMEDIATE;
    throttle['notifications'] = IMMEDIATE;
    throttle['search'] = IMMEDIATE;
  }
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'kitemark-register-bot',
    throttle: throttle as never,
    retry: { retries: 3, retryAfterBaseValue: unit } as never,
    log: {
      debug: (m: string) => options.log.debug(m),
      info: (m: string) => options.log.debug(m),
      warn: (m: string) => options.log.warning(m),
      error: (m: string) => options.log.warning(m),
    },
  });
}
