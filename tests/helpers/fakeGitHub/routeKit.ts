/** What a route is: a documented path template and its handler, and the replies they share. */
import type { FakeState } from './state.ts';
import type { ResponseBuilders } from './responses.ts';
import type { FakeUser, Json } from './types.ts';

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (ctx: {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  actor: FakeUser;
}) => Reply;
export const notFound = (): Reply => ({
  status: 404,
  body: {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  },
});
export const invalid = (message: string): Reply => ({
  status: 422,
  body: {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', code: 'invalid', field: '', message }],
    documentation_url: 'https://docs.github.com/rest',
  },
});

export type Route = [method: string, template: string, handler: Handler];

/** What every route module is given: the state, the response builders and the helpers below. */
export type RouteContext = FakeState & ResponseBuilders & ReturnType<typeof routeHelpers>;

export function routeHelpers(state: FakeState, api: () => string) {
  const { gh } = state;
  const issueOf = (params: Record<string, string>, key = 'issue_number') =>
    gh.issues.get(Number(params[key]));
  const page = (items: Json[], query: URLSearchParams, path: string): Reply => {
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
    const number = Math.max(1, Number(query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (number < last) {
      const link = (n: number) => {
        const q = new URLSearchParams(query);
        q.set('page', String(n));
        q.set('per_page', String(perPage));
        return `<${api()}${path}?${q}>`;
      };
      headers['link'] = `${link(number + 1)}; rel="next", ${link(last)}; rel="last"`;
    }
    return { status: 200, body: items.slice((number - 1) * perPage, number * perPage), headers };
  };
  return { issueOf, page };
}
