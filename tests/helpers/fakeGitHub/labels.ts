/** Labels, and the labels on an issue or pull request. */
import { notFound, invalid, type Route, type RouteContext } from './routeKit.ts';
import { type FakeLabel } from './types.ts';

export function labelRoutes(c: RouteContext): Route[] {
  const { gh, labelJson, labelsOf, ensureLabel, issueOf, newId } = c;
  return [
    [
      'GET',
      '/repos/{owner}/{repo}/labels/{name}',
      ({ params }) => {
        const label = gh.labels.get(params['name']!);
        return label ? { status: 200, body: labelJson(label) } : notFound();
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/labels',
      ({ body }) => {
        const name = String(body['name']);
        if (gh.labels.has(name)) return invalid('already_exists');
        const label: FakeLabel = {
          id: newId(),
          name,
          color: String(body['color'] ?? 'ededed'),
          description: (body['description'] as string | undefined) ?? null,
        };
        gh.labels.set(name, label);
        return { status: 201, body: labelJson(label) };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      ({ params, body }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        for (const l of (body['labels'] as string[] | undefined) ?? []) {
          ensureLabel(l);
          if (!issue.labels.includes(l)) issue.labels.push(l);
        }
        return { status: 200, body: labelsOf(issue) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      ({ params }) => {
        const issue = issueOf(params);
        if (!issue || !issue.labels.includes(params['name']!)) return notFound();
        issue.labels = issue.labels.filter((l) => l !== params['name']);
        return { status: 200, body: labelsOf(issue) };
      },
    ],
  ];
}
