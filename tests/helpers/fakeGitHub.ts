/** The fake GitHub server for tests: see fakeGitHub/server.ts. */
export { startFakeGitHub } from './fakeGitHub/server.ts';
export * from './fakeGitHub/types.ts';

/** A GitHub secondary rate limit answer, as documented (403 with retry-after). */
export const SECONDARY_RATE_LIMIT = {
  status: 403,
  headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
};

export const BAD_GATEWAY = { status: 502, body: { message: 'Server Error' } };
