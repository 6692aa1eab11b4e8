/** Issues and their comments. */
import { notFound, invalid, type Route, type RouteContext } from './routeKit.ts';
import { NOW, type FakeComment } from './types.ts';

export function issueRoutes(c: RouteContext): Route[] {
  const { gh, ensureLabel, commentJson, issueJson, issueOf, page, newId } = c;
  const { owner, repo } = c.gh;
  return [
    [
      'GET',
      '/repos/{owner}/{repo}/issues',
      ({ query }) => {
        const state = query.get('state') ?? 'open';
        const wanted = (query.get('labels') ?? '').split(',').filter(Boolean);
        const creator = query.get('creator');
        const items = [...gh.issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((l) => i.labels.includes(l)))
          .filter((i) => !creator || i.user.login === creator)
          .sort((a, b) => b.number - a.number)
          .map(issueJson);
        return page(items, query, `/repos/${owner}/${repo}/issues`);
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues',
      ({ body, actor }) => {
        const labels = ((body['labels'] as string[] | undefined) ?? []).map(
          (l) => ensureLabel(l).name,
        );
        const issue = gh.addIssue({
          title: String(body['title']),
          body: String(body['body'] ?? ''),
          labels,
          user: actor,
        });
        return { status: 201, body: issueJson(issue) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/issues/{issue_number}',
      ({ params }) => {
        const issue = issueOf(params);
        return issue ? { status: 200, body: issueJson(issue) } : notFound();
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/{issue_number}',
      ({ params, body }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
        if (typeof body['state_reason'] === 'string') issue.state_reason = body['state_reason'];
        if (Array.isArray(body['labels']))
          issue.labels = (body['labels'] as string[]).map((l) => ensureLabel(l).name);
        issue.updated_at = NOW;
        return { status: 200, body: issueJson(issue) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ({ params, query }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        return page(
          issue.comments.map((c) => commentJson(issue, c)),
          query,
          `/repos/${owner}/${repo}/issues/${issue.number}/comments`,
        );
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      ({ params, body, actor }) => {
        const issue = issueOf(params);
        if (!issue) return notFound();
        const text = String(body['body']);
        if (text.length > 65536) return invalid('Body is too long (maximum is 65536 characters)');
        const comment: FakeComment = {
          id: newId(),
          body: text,
          user: actor,
          created_at: NOW,
          updated_at: NOW,
        };
        issue.comments.push(comment);
        return { status: 201, body: commentJson(issue, comment) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      ({ params, body, actor }) => {
        for (const issue of gh.issues.values()) {
          const comment = issue.comments.find((c) => c.id === Number(params['comment_id']));
          if (!comment) continue;
          // GitHub lets a token edit only its own comments (without admin rights).
          if (comment.user.login !== actor.login)
            return {
              status: 403,
              body: {
                message: 'Must have admin rights to Repository.',
                documentation_url: 'https://docs.github.com/rest',
              },
            };
          const text = String(body['body']);
          if (text.length > 65536) return invalid('Body is too long (maximum is 65536 characters)');
          comment.body = text;
          comment.updated_at = NOW;
          return { status: 200, body: commentJson(issue, comment) };
        }
        return notFound();
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      ({ params, actor }) => {
        for (const issue of gh.issues.values()) {
          const index = issue.comments.findIndex((c) => c.id === Number(params['comment_id']));
          if (index < 0) continue;
          if (issue.comments[index]!.user.login !== actor.login)
            return { status: 403, body: { message: 'Must have admin rights to Repository.' } };
          issue.comments.splice(index, 1);
          return { status: 204 };
        }
        return notFound();
      },
    ],
  ];
}
