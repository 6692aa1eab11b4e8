/**
 * A real HTTP server on 127.0.0.1 that speaks the parts of GitHub's REST API the bots use:
 * issues and comments, labels, pull requests, files and reviewers, and the git database (refs,
 * blobs, trees, commits). Every response body is checked against GitHub's OpenAPI description
 * for its operation and status, and every request body against the request schema, so the fake
 * cannot drift from the real thing without a test failing (see `violations`).
 *
 * It keeps one repository's state in memory; tests seed it, run an entry point, then look at
 * the state. `failNext` injects errors (a 502, a secondary rate limit) to prove retries. The
 * routes are in one module per part of the API, beside this one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse } from '../openApi.ts';
import { gitRoutes } from './git.ts';
import { issueRoutes } from './issues.ts';
import { labelRoutes } from './labels.ts';
import { pullRoutes } from './pulls.ts';
import { repoRoutes } from './repos.ts';
import { responseBuilders } from './responses.ts';
import { invalid, notFound, routeHelpers, type RouteContext } from './routeKit.ts';
import { createState } from './state.ts';
import type { FakeGitHub, FakeGitHubOptions, Json } from './types.ts';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = createState(options);
  const { gh, injected, tokens } = state;
  const { owner, repo } = gh;
  const api = () => gh.url;
  const context: RouteContext = {
    ...state,
    ...responseBuilders(state),
    ...routeHelpers(state, api),
  };
  const routes = [
    ...repoRoutes(context),
    ...issueRoutes(context),
    ...labelRoutes(context),
    ...pullRoutes(context),
    ...gitRoutes(context),
  ];
  const compiled = routes.map(([method, template, handler]) => ({
    method,
    template,
    handler,
    names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    // `{ref}` spans slashes (heads/kitemark/application-12); every other parameter is one segment.
    regex: new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'ref' ? '(.+)' : '([^/]+)'))}$`,
    ),
  }));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Json = {};
    const send = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {},
      route = '',
    ) => {
      gh.requests.push({ method, path: url.pathname, route, status, body: raw ? body : undefined });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      body = raw ? (JSON.parse(raw) as Json) : {};
    } catch {
      return send(400, { message: 'Problems parsing JSON' });
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers['authorization'] ?? '')?.[1];
    const actor = token ? tokens[token] : undefined;
    if (!actor)
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });

    const injection = injected.find((i) => i.method === method && i.path.test(url.pathname));
    if (injection) {
      const response = injection.responses.shift()!;
      if (injection.responses.length === 0) injected.splice(injected.indexOf(injection), 1);
      return send(response.status, response.body ?? { message: 'injected' }, response.headers);
    }

    for (const route of compiled) {
      if (route.method !== method) continue;
      const m = route.regex.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(
        route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]),
      );
      if (params['owner'] !== owner || params['repo'] !== repo)
        return send(404, notFound().body, {}, route.template);
      const requestProblems =
        method === 'GET' || method === 'DELETE' ? [] : checkRequest(method, route.template, body);
      if (requestProblems.length) {
        for (const p of requestProblems) gh.violations.push(`${method} ${url.pathname}: ${p}`);
        return send(422, invalid(requestProblems.join('; ')).body, {}, route.template);
      }
      const reply = route.handler({ params, query: url.searchParams, body, actor });
      const problems = checkResponse(method, route.template, reply.status, reply.body);
      for (const p of problems) gh.violations.push(`${method} ${url.pathname}: ${p}`);
      return send(reply.status, reply.body, reply.headers, route.template);
    }
    gh.violations.push(
      `${method} ${url.pathname}: no fake route (is this endpoint meant to be used?)`,
    );
    return send(404, notFound().body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      gh.violations.push(`fake server crashed: ${e instanceof Error ? e.stack : String(e)}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gh.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gh.close = () => new Promise((resolve) => server.close(() => resolve()));
  return gh;
}
