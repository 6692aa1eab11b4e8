/** The git database: refs, commits, blobs and trees. */
import { notFound, invalid, type Route, type RouteContext } from './routeKit.ts';
import { NOW, type FakeCommit } from './types.ts';

export function gitRoutes(c: RouteContext): Route[] {
  const { gh, api, refJson, commitJson, treeJson, putBlob, putTree, putCommit, isAncestor } = c;
  const { owner, repo } = c.gh;
  return [
    [
      'GET',
      '/repos/{owner}/{repo}/git/ref/{ref}',
      ({ params }) => {
        const sha = gh.refs.get(params['ref']!);
        return sha ? { status: 200, body: refJson(params['ref']!, sha) } : notFound();
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/matching-refs/{ref}',
      ({ params }) => ({
        status: 200,
        body: [...gh.refs]
          .filter(([ref]) => ref.startsWith(params['ref']!))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([ref, sha]) => refJson(ref, sha)),
      }),
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/refs',
      ({ body }) => {
        const ref = String(body['ref']).replace(/^refs\//, '');
        const sha = String(body['sha']);
        if (gh.refs.has(ref)) return invalid('Reference already exists');
        if (!gh.commits.has(sha)) return invalid('Object does not exist');
        gh.refs.set(ref, sha);
        return { status: 201, body: refJson(ref, sha) };
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      ({ params, body }) => {
        const ref = params['ref']!;
        const current = gh.refs.get(ref);
        const sha = String(body['sha']);
        if (!current) return invalid('Reference does not exist');
        if (!gh.commits.has(sha)) return invalid('Object does not exist');
        if (!body['force'] && !isAncestor(current, sha))
          return invalid('Update is not a fast forward');
        gh.refs.set(ref, sha);
        for (const i of gh.issues.values()) {
          if (i.pull && `heads/${i.pull.head.ref}` === ref) i.pull.head.sha = sha;
        }
        return { status: 200, body: refJson(ref, sha) };
      },
    ],
    [
      'DELETE',
      '/repos/{owner}/{repo}/git/refs/{ref}',
      ({ params }) => {
        // Documented without a body for this operation.
        if (!gh.refs.delete(params['ref']!)) return { status: 422 };
        return { status: 204 };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/commits/{commit_sha}',
      ({ params }) => {
        const commit = gh.commits.get(params['commit_sha']!);
        return commit ? { status: 200, body: commitJson(commit) } : notFound();
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/commits',
      ({ body }) => {
        const tree = String(body['tree']);
        const parents = (body['parents'] as string[] | undefined) ?? [];
        if (!gh.trees.has(tree) || parents.some((p) => !gh.commits.has(p)))
          return invalid('Object does not exist');
        const author = (body['author'] as FakeCommit['author'] | undefined) ?? {
          name: 'github-actions[bot]',
          email: '41898282+github-actions[bot]@users.noreply.github.com',
          date: NOW,
        };
        const sha = putCommit(tree, parents, String(body['message']), {
          ...author,
          date: author.date ?? NOW,
        });
        return { status: 201, body: commitJson(gh.commits.get(sha)!) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      // Trees are kept flat, as GitHub lists them with ?recursive=1 (the only way the bots ask).
      ({ params }) =>
        gh.trees.has(params['tree_sha']!)
          ? { status: 200, body: treeJson(params['tree_sha']!) }
          : notFound(),
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      ({ params }) => {
        const sha = params['file_sha']!;
        const blob = gh.blobs.get(sha);
        if (!blob) return notFound();
        return {
          status: 200,
          body: {
            sha,
            node_id: `B_${sha}`,
            size: blob.length,
            url: `${api()}/repos/${owner}/${repo}/git/blobs/${sha}`,
            content: blob.toString('base64'),
            encoding: 'base64',
          },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/blobs',
      ({ body }) => {
        const content = String(body['content']);
        const sha = putBlob(
          Buffer.from(content, body['encoding'] === 'base64' ? 'base64' : 'utf8'),
        );
        return {
          status: 201,
          body: { sha, url: `${api()}/repos/${owner}/${repo}/git/blobs/${sha}` },
        };
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/git/trees',
      ({ body }) => {
        const baseTree = body['base_tree'] as string | undefined;
        if (baseTree && !gh.trees.has(baseTree)) return invalid('base_tree does not exist');
        const entries = new Map(baseTree ? gh.trees.get(baseTree) : []);
        for (const e of (body['tree'] as {
          path: string;
          sha?: string | null;
          content?: string;
        }[]) ?? []) {
          if (e.sha === null) entries.delete(e.path);
          else if (typeof e.content === 'string')
            entries.set(e.path, putBlob(Buffer.from(e.content)));
          else if (e.sha && gh.blobs.has(e.sha)) entries.set(e.path, e.sha);
          else return invalid(`tree.sha ${String(e.sha)} is not a valid blob`);
        }
        return { status: 201, body: treeJson(putTree(entries)) };
      },
    ],
  ];
}
