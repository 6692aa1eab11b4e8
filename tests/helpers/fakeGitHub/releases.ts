/**
 * Releases and their assets: uploaded as bytes, listed, and downloaded either through the API
 * (`Accept: application/octet-stream` redirects to the asset's public address, as GitHub does)
 * or from that public address (`browser_download_url`), which needs no token.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { example } from '../openApi.ts';
import { invalid, notFound, type Route, type RouteContext } from './routeKit.ts';
import { NOW, type FakeAsset, type FakeGitHub, type FakeRelease, type Json } from './types.ts';

const downloadUrl = (gh: FakeGitHub, r: FakeRelease, a: FakeAsset) =>
  `${gh.url}/${gh.owner}/${gh.repo}/releases/download/${encodeURIComponent(r.tag_name)}/${encodeURIComponent(a.name)}`;

export function releaseRoutes(c: RouteContext): Route[] {
  const { gh, api, html, user, page, newId } = c;
  const { owner, repo, defaultBranch } = gh;

  const assetJson = (r: FakeRelease, a: FakeAsset): Json => ({
    ...example('release-asset'),
    url: `${api()}/repos/${owner}/${repo}/releases/assets/${a.id}`,
    browser_download_url: downloadUrl(gh, r, a),
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.content_type,
    size: a.data.length,
    digest: `sha256:${createHash('sha256').update(a.data).digest('hex')}`,
    download_count: 0,
    created_at: a.created_at,
    updated_at: a.created_at,
    uploader: user(a.uploader),
  });
  const releaseJson = (r: FakeRelease): Json => {
    const body: Json = {
      ...example('release'),
      url: `${api()}/repos/${owner}/${repo}/releases/${r.id}`,
      html_url: `${html}/releases/${r.draft ? `untagged-${r.id}` : `tag/${r.tag_name}`}`,
      assets_url: `${api()}/repos/${owner}/${repo}/releases/${r.id}/assets`,
      upload_url: `${api()}/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: `${api()}/repos/${owner}/${repo}/tarball/${r.tag_name}`,
      zipball_url: `${api()}/repos/${owner}/${repo}/zipball/${r.tag_name}`,
      id: r.id,
      node_id: `RE_${r.id}`,
      tag_name: r.tag_name,
      target_commitish: r.target_commitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      created_at: r.created_at,
      published_at: r.published_at,
      author: user(r.author),
      assets: r.assets.map((a) => assetJson(r, a)),
    };
    delete body['discussion_url'];
    return body;
  };
  const releaseOf = (params: Record<string, string>) =>
    gh.releases.get(Number(params['release_id']));

  return [
    [
      'GET',
      '/repos/{owner}/{repo}/releases',
      ({ query }) =>
        page(
          [...gh.releases.values()].sort((a, b) => b.id - a.id).map(releaseJson),
          query,
          `/repos/${owner}/${repo}/releases`,
        ),
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/releases',
      ({ body, actor }) => {
        const tag = String(body['tag_name']);
        if ([...gh.releases.values()].some((r) => r.tag_name === tag))
          return invalid('already_exists: tag_name');
        const target = String(body['target_commitish'] ?? defaultBranch);
        if (!gh.commits.has(target) && !gh.refs.has(`heads/${target}`))
          return invalid('target_commitish is not a branch or commit of this repository');
        const draft = body['draft'] === true;
        const release: FakeRelease = {
          id: newId(),
          tag_name: tag,
          target_commitish: target,
          name: (body['name'] as string | undefined) ?? tag,
          body: (body['body'] as string | undefined) ?? null,
          draft,
          prerelease: body['prerelease'] === true,
          author: actor,
          created_at: NOW,
          published_at: draft ? null : NOW,
          assets: [],
        };
        gh.releases.set(release.id, release);
        return { status: 201, body: releaseJson(release) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/tags/{tag}',
      ({ params }) => {
        // A draft has no tag yet, so it is never found by one.
        const release = [...gh.releases.values()].find(
          (r) => !r.draft && r.tag_name === params['tag'],
        );
        return release ? { status: 200, body: releaseJson(release) } : notFound();
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/assets/{asset_id}',
      ({ params, accept }) => {
        for (const r of gh.releases.values()) {
          const asset = r.assets.find((a) => a.id === Number(params['asset_id']));
          if (!asset) continue;
          if (accept.includes('application/octet-stream'))
            return { status: 302, headers: { location: downloadUrl(gh, r, asset) } };
          return { status: 200, body: assetJson(r, asset) };
        }
        return notFound();
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/{release_id}',
      ({ params }) => {
        const release = releaseOf(params);
        return release ? { status: 200, body: releaseJson(release) } : notFound();
      },
    ],
    [
      'PATCH',
      '/repos/{owner}/{repo}/releases/{release_id}',
      ({ params, body }) => {
        const release = releaseOf(params);
        if (!release) return notFound();
        for (const key of ['tag_name', 'target_commitish', 'name', 'body'] as const)
          if (typeof body[key] === 'string') release[key] = body[key];
        if (typeof body['draft'] === 'boolean') {
          if (release.draft && !body['draft']) release.published_at = NOW;
          release.draft = body['draft'];
        }
        return { status: 200, body: releaseJson(release) };
      },
    ],
    [
      'GET',
      '/repos/{owner}/{repo}/releases/{release_id}/assets',
      ({ params, query }) => {
        const release = releaseOf(params);
        if (!release) return notFound();
        return page(
          release.assets.map((a) => assetJson(release, a)),
          query,
          `/repos/${owner}/${repo}/releases/${release.id}/assets`,
        );
      },
    ],
    [
      'POST',
      '/repos/{owner}/{repo}/releases/{release_id}/assets',
      ({ params, query, raw, actor }) => {
        const release = releaseOf(params);
        const name = query.get('name');
        if (!release || !name) return invalid('a release and a name are required');
        if (release.assets.some((a) => a.name === name)) return invalid('already_exists: name');
        const asset: FakeAsset = {
          id: newId(),
          name,
          label: query.get('label'),
          content_type: 'application/zip',
          data: raw,
          uploader: actor,
          created_at: NOW,
        };
        release.assets.push(asset);
        return { status: 201, body: assetJson(release, asset) };
      },
    ],
  ];
}

/**
 * Serves `/{owner}/{repo}/releases/download/{tag}/{name}` (an asset's public address) when the
 * path is one; says whether it was.
 */
export function serveAssetDownload(gh: FakeGitHub, pathname: string, res: ServerResponse): boolean {
  const download = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(pathname);
  if (!download) return false;
  const release = [...gh.releases.values()].find(
    (r) => r.tag_name === decodeURIComponent(download[3]!),
  );
  const asset = release?.assets.find((a) => a.name === decodeURIComponent(download[4]!));
  gh.requests.push({
    method: 'GET',
    path: pathname,
    route: 'download',
    status: asset ? 200 : 404,
    body: undefined,
  });
  if (!asset) res.writeHead(404).end('Not Found');
  else {
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': asset.data.length,
    });
    res.end(asset.data);
  }
  return true;
}
