/**
 * The data's GitHub Releases: one per version (tag `data-vX`), holding the version's archive as
 * its asset. `fetchReleases` downloads every published archive into the releases folder and
 * writes published.json, which every later build checks its archives against; `publishReleases`
 * creates the release of each version that has none (a draft first, published only once its
 * asset is uploaded, so no release is ever seen without its archive) and refuses to touch one
 * whose asset differs from the archive this build has.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PreparedRelease } from '../publish/open-data/prepareReleases.ts';
import type { ReleaseStore } from '../io/releaseStore.ts';
import { archiveName, releaseTag, tagVersion } from '../lib/releaseArchive.ts';
import { ReleaseError, type PublishedRelease } from '../lib/releaseLedger.ts';
import type { Octokit } from './createOctokit.ts';
import type { RepoRef, Toolkit } from './toolkit.ts';

type Log = Pick<Toolkit, 'info'>;
type GitHubRelease = Awaited<ReturnType<Octokit['rest']['repos']['getReleaseByTag']>>['data'];
type GitHubAsset = GitHubRelease['assets'][number];

/** The SHA-256 GitHub computed for an asset (`sha256:<hex>`), or the one the release body states. */
function expectedSha256(release: GitHubRelease, asset: GitHubAsset): string | undefined {
  const digest = /^sha256:([0-9a-f]{64})$/.exec(asset.digest ?? '')?.[1];
  return digest ?? /SHA-256[^0-9a-f]*([0-9a-f]{64})/.exec(release.body ?? '')?.[1];
}

async function listDataReleases(octokit: Octokit, repo: RepoRef): Promise<GitHubRelease[]> {
  const all = await octokit.paginate(octokit.rest.repos.listReleases, { ...repo, per_page: 100 });
  return all.filter((r) => tagVersion(r.tag_name) !== undefined);
}

async function download(octokit: Octokit, repo: RepoRef, asset: GitHubAsset): Promise<Uint8Array> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    ...repo,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' },
  });
  return new Uint8Array(data as unknown as ArrayBuffer);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every published data release's archive, in the releases folder and checked against GitHub's
 * digest (an archive already there with the right hash is kept), and published.json listing
 * them. A published release without its archive, or a download that does not match, stops it.
 */
export async function fetchReleases(
  octokit: Octokit,
  repo: RepoRef,
  store: ReleaseStore,
  log: Log,
): Promise<PublishedRelease[]> {
  const published: PublishedRelease[] = [];
  for (const release of await listDataReleases(octokit, repo)) {
    if (release.draft) continue;
    const version = tagVersion(release.tag_name)!;
    const name = archiveName(version);
    const asset = release.assets.find((a) => a.name === name && a.state === 'uploaded');
    if (!asset) {
      throw new ReleaseError(
        'release/asset-missing',
        `the GitHub Release ${release.tag_name} has no asset ${name}: upload the archive to it (the deploy workflow's release job does, from the commit that released ${version}), or delete the release so that it is made again.`,
        name,
      );
    }
    const file = store.path(version);
    const expected = expectedSha256(release, asset);
    let local = await store.stat(file);
    if (!local || local.bytes !== asset.size || (expected && local.sha256 !== expected)) {
      const bytes = await download(octokit, repo, asset);
      const got = sha256(bytes);
      if (bytes.length !== asset.size || (expected && got !== expected)) {
        throw new ReleaseError(
          'release/asset-mismatch',
          `the download of ${name} from ${release.tag_name} has ${bytes.length} bytes and SHA-256 ${got}, but GitHub lists ${asset.size} bytes${expected ? ` and SHA-256 ${expected}` : ''}: run again; if it persists, the asset is damaged.`,
          name,
        );
      }
      local = await store.write(file, [bytes]);
      log.info(`Downloaded ${name} (${bytes.length} bytes) from ${release.tag_name}.`);
    }
    const summary = await store.summary(file, version);
    published.push({
      version,
      tag: release.tag_name,
      ...(/^[0-9a-f]{40}$/.test(release.target_commitish)
        ? { commit: release.target_commitish }
        : {}),
      ...(release.published_at ? { publishedAt: release.published_at } : {}),
      asset: { name, url: asset.browser_download_url, bytes: local.bytes, sha256: local.sha256 },
      files: Object.fromEntries(summary.sums),
    });
  }
  await store.writeLedger(published);
  return published;
}

export interface PublishReleasesOptions {
  /** The address of a version's page, for the release notes. */
  pageUrl: (version: string) => string;
  citation: (release: PreparedRelease) => string;
  log: Log;
}

/**
 * A GitHub Release for every committed version that has none, with its archive; the tag is
 * made on the commit that released the version. Returns the versions released now.
 */
export async function publishReleases(
  octokit: Octokit,
  repo: RepoRef,
  prepared: readonly PreparedRelease[],
  options: PublishReleasesOptions,
): Promise<string[]> {
  const existing = new Map((await listDataReleases(octokit, repo)).map((r) => [r.tag_name, r]));
  const created: string[] = [];
  for (const p of prepared) {
    const { version, commit } = p.release;
    if (p.release.provisional || !commit) continue;
    const tag = releaseTag(version);
    const name = archiveName(version);
    let release = existing.get(tag);
    const asset = release?.assets.find((a) => a.name === name);
    if (release && asset) {
      const expected =
        expectedSha256(release, asset) ?? sha256(await download(octokit, repo, asset));
      if (expected !== p.archive.sha256) {
        throw new ReleaseError(
          'release/published-bytes-changed',
          `version ${version} is already published (${release.html_url}) as ${name} with SHA-256 ${expected}, but this build's archive has SHA-256 ${p.archive.sha256}. A published version is never replaced: fetch the published archives first (main-releases.ts fetch) so the build uses them, and release changes as a new version.`,
          name,
        );
      }
      if (release.draft)
        await octokit.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false });
      continue;
    }
    if (!release) {
      ({ data: release } = await octokit.rest.repos.createRelease({
        ...repo,
        tag_name: tag,
        target_commitish: commit,
        name: `Data version ${version}`,
        body: releaseNotes(p, options),
        draft: true,
      }));
    }
    await octokit.request({
      method: 'POST',
      url: release.upload_url,
      name,
      data: await readFile(p.archive.file),
      headers: { 'content-type': 'application/zip', 'content-length': p.archive.bytes },
    });
    await octokit.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false });
    options.log.info(`Released ${version} as ${tag} with ${name} (SHA-256 ${p.archive.sha256}).`);
    created.push(version);
  }
  return created;
}

function releaseNotes(p: PreparedRelease, options: PublishReleasesOptions): string {
  return [
    `Version ${p.release.version} of the register's open data, released by commit ${p.release.commit} on ${p.release.date}.`,
    '',
    `- Archive: \`${archiveName(p.release.version)}\` (${p.archive.bytes} bytes)`,
    `- SHA-256: \`${p.archive.sha256}\``,
    `- Page: ${options.pageUrl(p.release.version)}`,
    '',
    `Cite as: ${options.citation(p)}`,
    '',
    'Unzip it and run `sha256sum -c SHA256SUMS` in its folder to check every file. This release is published once and never changed.',
    '',
  ].join('\n');
}
