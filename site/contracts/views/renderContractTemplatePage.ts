/**
 * `/contracts/<template-id>/`: one template: the version to use now, every version with its
 * status and what changed, links to compare them, and who has adopted it.
 */
import { html } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href } from '../../../scripts/publish/kit/urls.ts';
import { formatDate } from '../../../scripts/publish/kit/format.ts';
import { plural } from '../../../scripts/lib/words.ts';
import { type ContractEntry } from '../../../scripts/lib/contracts/catalogueContracts.ts';
import { publishedWords, statusTag, stylesheet, versionNotice } from './viewHelpers.ts';

export function renderContractTemplatePage(
  site: SiteInfo,
  entry: ContractEntry,
  commissionerTypes: Readonly<Record<string, string>>,
): string {
  const url = (path: string) => href(site, path);
  const current = entry.current;
  const notes = new Map(
    entry.versions.flatMap((v) =>
      v.template.change_notes.filter((n) => n.version === v.version).map((n) => [v.version, n]),
    ),
  );
  const rows = entry.versions.map((v) => {
    const note = notes.get(v.version);
    return html`<tr>
      <th scope="row">
        <a href="${url(contractPaths.version(entry.id, v.version))}">Version ${v.version}</a>
      </th>
      <td>${statusTag(v)}</td>
      <td>${publishedWords(v)}</td>
      <td>
        ${note ? html`${note.summary} <span class="contract-muted">(${formatDate(note.date)})</span>` : ''}
      </td>
      <td>
        <a href="${url(contractPaths.fill(entry.id, v.version))}"
          >Fill in<span class="visually-hidden"> version ${v.version}</span></a
        >
      </td>
    </tr>`;
  });
  const groups = new Map<string, string[]>();
  for (const a of entry.adoptedBy) groups.set(a.type, [...(groups.get(a.type) ?? []), a.name]);
  const adopters = entry.adoptedBy.length
    ? html`<p>
          ${plural(entry.adoptedBy.length, 'commissioner has', 'commissioners have')} adopted this
          template.
        </p>
        ${[...groups].map(
          ([type, names]) =>
            html`<h3>${commissionerTypes[type] ?? type}</h3>
              <ul class="contract-adopter-list">
                ${names.map((n) => html`<li>${n}</li>`)}
              </ul> `,
        )}`
    : html`<p>No commissioner has adopted this template yet.</p>`;
  const compare =
    entry.versions.length > 1
      ? html`<p>
          <a href="${url(contractPaths.compare(entry.id))}">Compare versions of ${entry.title}</a>
        </p>`
      : '';
  const body = html`${stylesheet(site)}
    <h1>${entry.title}</h1>
    <p class="lede">${entry.summary}</p>
    ${versionNotice(site, entry, current)}
    <div class="contract-current">
      <h2>${entry.published ? 'The version to use' : 'The latest version'}: ${current.version}</h2>
      <p>${statusTag(current)} <span class="contract-muted">${publishedWords(current)}</span></p>
      <ul class="contract-actions">
        <li>
          <a class="button" href="${url(contractPaths.version(entry.id, current.version))}"
            >Read version ${current.version}</a
          >
        </li>
        <li>
          <a
            class="button button--secondary"
            href="${url(contractPaths.fill(entry.id, current.version))}"
            >Fill it in</a
          >
        </li>
      </ul>
    </div>
    <h2>Versions</h2>
    <div
      class="contract-table-wrap"
      role="region"
      aria-label="Versions of ${entry.title}"
      tabindex="0"
    >
      <table class="table">
        <caption class="visually-hidden">
          Versions of ${entry.title}, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Published</th>
            <th scope="col">What changed</th>
            <th scope="col">Use it</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    ${compare}
    <h2 id="adopted">Who has adopted it</h2>
    ${adopters}`;
  return renderPage(site, {
    title: entry.title,
    path: contractPaths.template(entry.id),
    section: 'contracts',
    description: entry.summary,
    breadcrumbs: [{ title: 'Contracts', path: contractPaths.index }],
    body,
  });
}
