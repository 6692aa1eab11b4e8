/**
 * `/data/versions/`: every released version, newest first, with its date, the commit and pull
 * request that released it, and the SHA-256 of its datapackage.json, so a paper can cite an
 * exact version and anyone can check a copy. `/data/v/<version>/` is each version's own page.
 */
import { formatCitation } from '../../../lib/downloads/citation.ts';
import type { Release } from '../../../lib/releases.ts';
import type { RegisterMetadata } from '../../../lib/types.generated.ts';
import { html } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatBytes, formatDate } from '../../kit/format.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { absoluteUrl, dataPaths, href } from '../../kit/urls.ts';

export interface PublishedVersion {
  release: Release;
  kind: 'full' | 'raw';
  reason?: string;
  /** SHA-256 and size of the version's datapackage.json. */
  datapackage: { sha256: string; bytes: number };
  /** Every file of the snapshot with its size, sorted by path. */
  files: { path: string; bytes: number; sha256: string }[];
}

const commitLink = (site: SiteInfo, commit: string) =>
  site.repositoryUrl
    ? html`<a href="${`${site.repositoryUrl}/commit/${commit}`}"
        ><code>${commit.slice(0, 7)}</code></a
      >`
    : html`<code>${commit.slice(0, 7)}</code>`;
const pullLink = (site: SiteInfo, n: number) =>
  site.repositoryUrl ? html`<a href="${`${site.repositoryUrl}/pull/${n}`}">#${n}</a>` : html`#${n}`;

export function renderVersionsPage(
  site: SiteInfo,
  meta: RegisterMetadata,
  versions: readonly PublishedVersion[],
  note: string | undefined,
): string {
  const url = (path: string) => href(site, path);
  const newest = [...versions].reverse();
  const latest = newest[0];
  const body = html`<h1>Versions of the register</h1>
    <p class="lede">
      Each version of the register (the <code>version</code> in register.json) is published once and
      never changed, so research can cite exactly the data it used. A version is the register as it
      stood at the commit that first gave that version number.
    </p>
    ${note ? html`<p class="notice">${note}</p>` : ''}
    ${
      latest
        ? html`<h2>Newest version</h2>
            <p>
              <a href="${url(dataPaths.version(latest.release.version))}"
                >Version ${latest.release.version}</a
              >, also at
              <a href="${url(dataPaths.latest)}">${absoluteUrl(site, dataPaths.latest)}</a>.
            </p>
            <p>
              Cite as:
              ${formatCitation({ ...meta, version: latest.release.version }, latest.release.date, absoluteUrl(site, dataPaths.version(latest.release.version)))}
              datapackage.json SHA-256 <code>${latest.datapackage.sha256}</code>.
            </p>`
        : ''
    }
    <h2>Every version</h2>
    <table class="table">
      <caption>
        Versions, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Released</th>
          <th scope="col">Commit</th>
          <th scope="col">Pull request</th>
          <th scope="col">datapackage.json SHA-256</th>
        </tr>
      </thead>
      <tbody>
        ${newest.map(
          (v) =>
            html`<tr>
              <th scope="row">
                <a href="${url(dataPaths.version(v.release.version))}">${v.release.version}</a
                >${v.release.provisional ? ' (provisional)' : ''}${v.kind === 'raw' ? ' (files only)' : ''}
              </th>
              <td>
                <time datetime="${v.release.date}">${formatDate(v.release.date.slice(0, 10))}</time>
              </td>
              <td>${v.release.commit ? commitLink(site, v.release.commit) : 'not committed'}</td>
              <td>
                ${v.release.pullRequest !== undefined ? pullLink(site, v.release.pullRequest) : ''}
              </td>
              <td><code>${v.datapackage.sha256}</code></td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p>
      The same list as data: <a href="${url(dataPaths.versionIndex)}">${dataPaths.versionIndex}</a>.
    </p>
    <h2>Checking a copy</h2>
    <p>
      Every version folder holds <code>SHA256SUMS</code>; in the folder where you saved the files,
      run <code>sha256sum -c SHA256SUMS</code>. The <code>bytes</code> and <code>hash</code> of each
      file are also in the version's <code>datapackage.json</code>.
    </p>
    <p>
      A version's statuses (accredited, expired…) are as they stood on the day it was released. A
      version marked <em>provisional</em> has not yet been released by a commit and may still
      change; one marked <em>files only</em> was made under an earlier data standard and is
      published as its original files.
    </p>`;
  return renderPage(site, {
    title: 'Versions of the register',
    path: dataPaths.versions,
    section: 'data',
    body,
    breadcrumbs: [{ title: 'Data', path: dataPaths.downloads }],
    description: `Every version of the ${site.title}, with hashes for citation.`,
  });
}

/** `/data/v/<version>/` (and `/data/latest/`): the version's files, hashes and citation. */
export function renderVersionPage(
  site: SiteInfo,
  meta: RegisterMetadata,
  version: PublishedVersion,
  path: string,
): string {
  const url = (p: string) => href(site, p);
  const { release } = version;
  const folder = dataPaths.version(release.version);
  const body = html`<h1>Version ${release.version}</h1>
    <dl class="meta">
      <dt>Released</dt>
      <dd>
        <time datetime="${release.date}">${formatDate(release.date.slice(0, 10))}</time
        >${release.provisional ? ' (provisional: not yet released by a commit, so it may change)' : ''}
      </dd>
      ${
        release.commit
          ? html`<dt>Commit</dt>
              <dd>${commitLink(site, release.commit)}</dd>`
          : ''
      }
      ${
        release.pullRequest !== undefined
          ? html`<dt>Pull request</dt>
              <dd>${pullLink(site, release.pullRequest)}</dd>`
          : ''
      }
      <dt>Statuses as of</dt>
      <dd>${formatDate(release.date.slice(0, 10))}</dd>
      <dt>Permanent address</dt>
      <dd>${absoluteUrl(site, folder)}</dd>
      <dt>datapackage.json SHA-256</dt>
      <dd><code>${version.datapackage.sha256}</code></dd>
    </dl>
    ${version.kind === 'raw' ? html`<p class="notice">This version is published as its original files only: ${version.reason ?? ''}</p>` : ''}
    <p>
      Cite as:
      ${formatCitation({ ...meta, version: release.version }, release.date, absoluteUrl(site, folder))}
    </p>
    <h2>Files</h2>
    <table class="table">
      <caption>
        The files of version ${release.version}
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
        </tr>
      </thead>
      <tbody>
        ${version.files.map(
          (f) =>
            html`<tr>
              <th scope="row"><a href="${url(`${path}${f.path}`)}">${f.path}</a></th>
              <td>${formatBytes(f.bytes)}</td>
              <td><code>${f.sha256}</code></td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p><a href="${url(dataPaths.versions)}">Every version</a></p>`;
  return renderPage(site, {
    title: `Version ${release.version}`,
    path,
    section: 'data',
    body,
    breadcrumbs: [
      { title: 'Data', path: dataPaths.downloads },
      { title: 'Versions', path: dataPaths.versions },
    ],
    description: `Version ${release.version} of the ${site.title}: files, hashes and citation.`,
    alternates: [
      { type: 'application/json', path: `${path}datapackage.json`, title: 'Data package' },
    ],
  });
}
