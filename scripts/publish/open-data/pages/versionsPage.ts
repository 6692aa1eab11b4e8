/**
 * `/data/versions/`: every released version, newest first, with its date, the commit and pull
 * request that released it, and its archive's SHA-256, so a paper can cite an exact version and
 * anyone can check a copy. `/data/v/<version>/` is each version's own page (what it is, how to
 * cite it, the archive, its files); `/data/latest/` leads to the newest.
 */
import { formatCitation } from '../../../lib/downloads/citation.ts';
import type { Release } from '../../../lib/releases.ts';
import type { RegisterMetadata } from '../../../lib/types.generated.ts';
import { html } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatBytes, formatDate } from '../../kit/format.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { absoluteUrl, dataPaths, href } from '../../kit/urls.ts';

/** A file inside a version's archive; the size when its data package gives it. */
export interface VersionFile {
  path: string;
  bytes?: number;
  sha256: string;
}

export interface PublishedVersion {
  release: Release;
  kind: 'full' | 'raw';
  reason?: string;
  /** The one archive of the version: where it is (a GitHub Release asset, or this site). */
  archive: {
    name: string;
    url: string;
    /** Its path in this site, when the site serves it. */
    path?: string;
    bytes: number;
    sha256: string;
    tag?: string;
  };
  /** SHA-256 and size of the version's datapackage.json. */
  datapackage: { sha256: string; bytes: number };
  /** Every file in the archive, sorted by path. */
  files: VersionFile[];
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
              Archive <code>${latest.archive.name}</code>, SHA-256
              <code>${latest.archive.sha256}</code>.
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
          <th scope="col">Archive</th>
          <th scope="col">Archive SHA-256</th>
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
              <td>
                <a href="${v.archive.path ? url(v.archive.path) : v.archive.url}"
                  >${v.archive.name}</a
                >
                <span class="meta-size">(${formatBytes(v.archive.bytes)})</span>
              </td>
              <td><code>${v.archive.sha256}</code></td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p>
      The same list as data: <a href="${url(dataPaths.versionIndex)}">${dataPaths.versionIndex}</a>.
    </p>
    <h2>Checking a copy</h2>
    <p>
      Each version is one ZIP archive. Check it with <code>sha256sum</code> against the SHA-256
      above; unzip it and, in its folder, <code>sha256sum -c SHA256SUMS</code> checks every file.
      The <code>bytes</code> and <code>hash</code> of each file are also in the version's
      <code>datapackage.json</code>.
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

/** `/data/v/<version>/`: what the version is, how to cite it, its archive and its files. */
export function renderVersionPage(
  site: SiteInfo,
  meta: RegisterMetadata,
  version: PublishedVersion,
): string {
  const url = (p: string) => href(site, p);
  const { release, archive } = version;
  const folder = dataPaths.version(release.version);
  const address = absoluteUrl(site, folder);
  const citation = formatCitation({ ...meta, version: release.version }, release.date, address);
  const body = html`<h1>Version ${release.version}</h1>
    <p class="lede">
      The ${meta.title} as it stood when version ${release.version} was released: every table as CSV
      and JSON, one workbook, the schemas and a data package, in one archive. It is published once
      and never changed, so research can cite exactly the data it used.
    </p>
    ${release.provisional ? html`<p class="notice">This version is provisional: it has not yet been released by a commit, so it may still change. Do not cite it.</p>` : ''}
    ${version.kind === 'raw' ? html`<p class="notice">This version is published as its original files only: ${version.reason ?? ''}</p>` : ''}
    <h2 id="download">Download</h2>
    <p>
      <a href="${archive.path ? url(archive.path) : archive.url}" class="button" download
        >Download ${archive.name}</a
      >
      <span class="meta-size">(${formatBytes(archive.bytes)}, ZIP)</span>
    </p>
    <dl class="meta">
      <dt>Archive SHA-256</dt>
      <dd><code>${archive.sha256}</code></dd>
      ${
        archive.tag
          ? html`<dt>GitHub Release</dt>
              <dd><code>${archive.tag}</code></dd>`
          : ''
      }
      <dt>Data package</dt>
      <dd>
        <a href="${url(`${folder}datapackage.json`)}">datapackage.json</a>
        (SHA-256 <code>${version.datapackage.sha256}</code>): every file with its size, hash and,
        for each CSV, its Table Schema; its paths are relative to the folder inside the archive
      </dd>
      <dt>Checksums</dt>
      <dd>
        <a href="${url(`${folder}SHA256SUMS`)}">SHA256SUMS</a>: after unzipping, run
        <code>sha256sum -c SHA256SUMS</code> in the archive's folder
      </dd>
    </dl>
    <h2 id="cite">Cite this version</h2>
    <p>${citation}</p>
    <dl class="meta">
      <dt>Title</dt>
      <dd>${meta.title}</dd>
      <dt>Version</dt>
      <dd>${release.version}</dd>
      <dt>Released</dt>
      <dd>
        <time datetime="${release.date}">${formatDate(release.date.slice(0, 10))}</time>
        (statuses as they stood that day)
      </dd>
      <dt>Publisher</dt>
      <dd>${meta.publisher.name}</dd>
      <dt>Licence</dt>
      <dd><a href="${meta.licence.path}" rel="license">${meta.licence.title}</a></dd>
      <dt>Permanent address</dt>
      <dd>${address}</dd>
      <dt>Archive</dt>
      <dd>${archive.url}</dd>
      <dt>SHA-256</dt>
      <dd><code>${archive.sha256}</code></dd>
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
    </dl>
    <h2 id="files">What the archive holds</h2>
    <table class="table">
      <caption>
        The files of version ${release.version}, in the folder
        ${archive.name.replace(/\.zip$/, '')}/
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
              <th scope="row">${f.path}</th>
              <td>${f.bytes === undefined ? '' : formatBytes(f.bytes)}</td>
              <td><code>${f.sha256}</code></td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p>
      <a href="${url(dataPaths.versions)}">Every version</a> ·
      <a href="${url(dataPaths.downloads)}">The data as it is now</a>
    </p>`;
  return renderPage(site, {
    title: `Version ${release.version}`,
    path: folder,
    section: 'data',
    body,
    breadcrumbs: [
      { title: 'Data', path: dataPaths.downloads },
      { title: 'Versions', path: dataPaths.versions },
    ],
    description: `Version ${release.version} of the ${site.title}: one archive with its SHA-256, and how to cite it.`,
    alternates: [
      { type: 'application/json', path: `${folder}datapackage.json`, title: 'Data package' },
    ],
  });
}

/**
 * `/data/latest/`: a redirect to the newest version's page (an immediate meta refresh, which a
 * static host can serve, with a link for anyone it does not move), not another copy of it.
 */
export function renderLatestPage(site: SiteInfo, version: PublishedVersion): string {
  const folder = dataPaths.version(version.release.version);
  // The site's own path, so the redirect works wherever the site is served (a preview too).
  const target = href(site, folder);
  return `${html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>Newest version: ${version.release.version} – ${site.name}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="canonical" href="${absoluteUrl(site, folder)}" />
        <meta http-equiv="refresh" content="${`0; url=${target}`}" />
      </head>
      <body>
        <main>
          <h1>Newest version</h1>
          <p>
            The newest version of the ${site.title} is
            <a href="${target}">version ${version.release.version}</a>.
          </p>
        </main>
      </body>
    </html>`}\n`;
}
