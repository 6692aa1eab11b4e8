/** Pull requests: their files and requested reviewers. */
import { example } from '../openApi.ts';
import { notFound, invalid, type Route, type RouteContext } from './routeKit.ts';
import { hash } from './types.ts';

export function pullRoutes(c: RouteContext): Route[] {
  const { gh, api, html, user, pullJson, issueOf, page } = c;
  const { owner, repo } = c.gh;
  return [
    [
      'GET',
      '/repos/{owner}/{repo}/pulls',
      ({ query }) => {
        const state = query.get('state') ?? 'open';
        const head = query.get('head');
        const items = [...gh.issues.values()]
          .filter((i) => i.pull && (state === 'all' || i.state === state))
          .filter((i) => !head || `${i.pull!.head.repo.split('/')[0]}:${i.pull!.head.ref}` === head)
          .sort((a, b) => b.number - a.number)
          .map((i) => pullJson(i, true));
        return page(items, query, `/repos/${owner}/${repo}/pulls`);
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/pulls',
      ({ body, actor }) => {
        const head = String(body['head']);
        const sha = gh.refs.get(`heads/${head}`);
        if (!sha) return invalid(`head ${head} does not exist`);
        const open = [...gh.issues.values()].find(
          (i) => i.pull && i.state === 'open' && i.pull.head.ref === head,
        );
        if (open) return invalid(`A pull request already exists for ${owner}:${head}.`);
        const pr = gh.addPull({
          title: String(body['title']),
          body: String(body['body'] ?? ''),
          user: actor,
          head: { ref: head, sha, repo: `${owner}/${repo}` },
        });
        pr.pull!.maintainer_can_modify = Boolean(body['maintainer_can_modify']);
        return { status: 201, body: pullJson(pr, false) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      ({ params }) => {
        const pr = issueOf(params, 'pull_number');
        return pr?.pull ? { status: 200, body: pullJson(pr, false) } : notFound();
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/pulls/{pull_number}',
      ({ params, body }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        if (typeof body['title'] === 'string') pr.title = body['title'];
        if (typeof body['body'] === 'string') pr.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') pr.state = body['state'];
        return { status: 200, body: pullJson(pr, false) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/files',
      ({ params, query }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        const items = pr.pull.files.slice(0, 3000).map((f, i) => ({
          sha: hash('blob', f.filename + i),
          filename: f.filename,
          status: f.status,
          additions: f.additions,
          deletions: f.deletions,
          changes: f.additions + f.deletions,
          blob_url: `${html}/blob/${pr.pull!.head.sha}/${f.filename}`,
          raw_url: `${html}/raw/${pr.pull!.head.sha}/${f.filename}`,
          contents_url: `${api()}/repos/${owner}/${repo}/contents/${f.filename}?ref=${pr.pull!.head.sha}`,
        }));
        return page(items, query, `/repos/${owner}/${repo}/pulls/${pr.number}/files`);
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      ({ params }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        return {
          status: 200,
          body: {
            users: pr.pull.requested_reviewers.map((login) =>
              user({ login, id: 3000, type: 'User' }),
            ),
            teams: pr.pull.requested_teams.map((slug) => ({
              ...example('team-items'),
              slug,
              name: slug,
              type: 'organization',
            })),
          },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      ({ params, body }) => {
        const pr = issueOf(params, 'pull_number');
        if (!pr?.pull) return notFound();
        const users = (body['reviewers'] as string[] | undefined) ?? [];
        if (users.includes(pr.user.login))
          return invalid('Review cannot be requested from pull request author.');
        const outsider = users.find((u) => !gh.collaborators.has(u));
        if (outsider)
          return invalid(
            `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner}/${repo} repository.`,
          );
        for (const u of users)
          if (!pr.pull.requested_reviewers.includes(u)) pr.pull.requested_reviewers.push(u);
        for (const t of (body['team_reviewers'] as string[] | undefined) ?? []) {
          if (!pr.pull.requested_teams.includes(t)) pr.pull.requested_teams.push(t);
        }
        return { status: 201, body: pullJson(pr, true) };
      },
    ],
  ];
}
