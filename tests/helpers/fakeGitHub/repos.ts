/** The repository itself. */
import { type Route, type RouteContext } from './routeKit.ts';

export function repoRoutes(c: RouteContext): Route[] {
  const { repoJson } = c;
  return [['GET', '/repos/{owner}/{repo}', () => ({ status: 200, body: repoJson() })]];
}
