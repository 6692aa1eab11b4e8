/**
 * `/contracts/<template-id>/<version>/`: one version to read. Contents, numbered clauses with
 * anchors, guidance notes that can be shown or hidden, a filter by topic, the parameters it asks
 * for, downloads and version history.
 *
 * Showing guidance and filtering by topic work without JavaScript: they are a checkbox and a
 * select, and the stylesheet hides what they say to with `:has()`. The script only announces how
 * many clauses are showing and keeps the topic in the address, so a filtered view can be shared.
 */
import { html, raw, type SafeHtml } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href } from '../../../scripts/publish/kit/urls.ts';
import { formatDate } from '../../../scripts/publish/kit/format.ts';
import {
  type ContractEntry,
  type ContractVersion,
} from '../../../scripts/lib/contracts/catalogueContracts.ts';
import {
  describeContract,
  licenceTitle,
  type CodeTitles,
  type ContractDocument,
} from '../../../scripts/lib/contracts/describeContract.ts';
import {
  renderContractParts,
  renderContractToc,
  renderHistory,
  renderInlineHtml,
} from '../../../scripts/lib/contracts/renderContractHtml.ts';
import type { ContractDownloads } from '../../../scripts/lib/contracts/buildContractDownloads.ts';
import {
  downloadList,
  parameterRules,
  parameterType,
  publishedWords,
  statusTag,
  stylesheet,
  versionNotice,
} from './viewHelpers.ts';

/** The topics the version's clauses use, with how many clauses each, in codelist order. */
export function topicCounts(
  doc: ContractDocument,
  titles: CodeTitles,
): { code: string; title: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const part of doc.parts) {
    for (const clause of part.clauses) {
      for (const t of clause.topics) counts.set(t.code, (counts.get(t.code) ?? 0) + 1);
    }
  }
  const order = Object.keys(titles.topics);
  return [...counts]
    .map(([code, count]) => ({ code, title: titles.topics[code] ?? code, count }))
    .sort(
      (a, b) => order.indexOf(a.code) - order.indexOf(b.code) || a.title.localeCompare(b.title),
    );
}

function parametersTable(
  doc: ContractDocument,
  version: ContractVersion,
  fillUrl: string,
): SafeHtml {
  const byName = new Map(version.template.parameters.map((p) => [p.name, p]));
  const rows = doc.parameters.map((p) => {
    const parameter = byName.get(p.name)!;
    const rules = parameterRules(parameter);
    const options = parameter.constraints?.options;
    return html`<tr id="parameter-${p.name}">
      <th scope="row">
        ${p.label}${p.required ? '' : html` <span class="contract-muted">(optional)</span>`}<br /><code
          class="contract-muted"
          >{{${p.name}}}</code
        >
      </th>
      <td>
        ${parameterType(parameter)}${
          rules.length
            ? html`<ul class="contract-rules">
                ${rules.map((r) => html`<li>${r}</li>`)}
              </ul>`
            : ''
        }${
          options
            ? html`<ul class="contract-rules">
                ${options.map((o) => html`<li>${o}</li>`)}
              </ul>`
            : ''
        }
      </td>
      <td>${p.guidance.map((g) => html`<p>${raw(renderInlineHtml(g))}</p>`)}</td>
      <td>
        ${p.usedIn.map((u, i) => html`${i > 0 ? ', ' : ''}<a href="#${u.anchor}">${u.number}</a>`)}
      </td>
    </tr>`;
  });
  return html`<h2 id="parameters">What you fill in</h2>
    <p>
      When you use this version you give ${doc.parameters.length} details. They go where the
      contract shows a highlighted blank, such as <span class="placeholder">[Start date]</span>.
      <a href="${fillUrl}">Fill them in</a> to make a completed contract.
    </p>
    <div class="contract-table-wrap" role="region" aria-label="What you fill in" tabindex="0">
      <table class="table contract-parameters">
        <caption class="visually-hidden">
          The details you fill in, the rules each must meet, and where each is used
        </caption>
        <thead>
          <tr>
            <th scope="col">Detail</th>
            <th scope="col">What to give</th>
            <th scope="col">Guidance</th>
            <th scope="col">Used in clause</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
}

export function renderContractVersionPage(
  site: SiteInfo,
  entry: ContractEntry,
  version: ContractVersion,
  titles: CodeTitles,
  downloads: ContractDownloads,
): string {
  const url = (path: string) => href(site, path);
  const template = version.template;
  const doc = describeContract(template, { titles, guidance: true });
  const topics = topicCounts(doc, titles);
  const clauseCount = doc.parts.reduce((n, p) => n + p.clauses.length, 0);
  const others = entry.versions.filter((v) => v !== version);

  const facts = html`<dl class="meta contract-meta">
    <div>
      <dt>Status</dt>
      <dd>${statusTag(version)}</dd>
    </div>
    <div>
      <dt>Published</dt>
      <dd>${publishedWords(version)}</dd>
    </div>
    ${
      template.supersedes
        ? html`<div>
            <dt>Replaces</dt>
            <dd>
              <a href="${url(contractPaths.version(entry.id, template.supersedes))}"
                >version ${template.supersedes}</a
              >
            </dd>
          </div> `
        : ''
    }${
      version.supersededBy
        ? html`<div>
            <dt>Replaced by</dt>
            <dd>
              <a href="${url(contractPaths.version(entry.id, version.supersededBy))}"
                >version ${version.supersededBy}</a
              >
            </dd>
          </div> `
        : ''
    }
    <div>
      <dt>Licence</dt>
      <dd>${licenceTitle(template.licence)}</dd>
    </div>
    <div>
      <dt>Adopted by</dt>
      <dd>
        <a href="${url(contractPaths.template(entry.id))}#adopted"
          >${entry.adoptedBy.length} commissioner${entry.adoptedBy.length === 1 ? '' : 's'}</a
        >
      </dd>
    </div>
  </dl>`;

  const compare = others.length
    ? html`<li>
        <a href="${url(contractPaths.comparePair(entry.id, others[0]!.version, version.version))}"
          >Compare with version ${others[0]!.version}</a
        >
      </li>`
    : '';

  const controls = html`<form
    class="contract-controls no-print"
    id="contract-controls"
    aria-label="Show and filter clauses"
    action="#contract-text"
  >
    <div class="contract-controls__item">
      <input type="checkbox" id="show-guidance" name="guidance" value="show" checked />
      <label for="show-guidance">Show guidance notes for commissioners</label>
    </div>
    <div class="contract-controls__item">
      <label for="topic-filter">Show clauses about</label>
      <select id="topic-filter" name="topic" aria-describedby="topic-status">
        <option value="">Every topic (${clauseCount} clauses)</option>
        ${topics.map((t) => html`<option value="${t.code}">${t.title} (${t.count})</option> `)}
      </select>
    </div>
    <p id="topic-status" class="contract-muted" role="status" aria-live="polite"></p>
  </form>`;

  const body = html`${stylesheet(site)}
    <h1><span class="contract-caption">Version ${version.version}</span> ${template.title}</h1>
    ${versionNotice(site, entry, version)}
    <p class="lede">${template.summary}</p>
    ${facts}
    <ul class="contract-actions no-print">
      <li>
        <a class="button" href="${url(contractPaths.fill(entry.id, version.version))}" id="fill-in"
          >Fill it in</a
        >
      </li>
      ${compare}
    </ul>
    <h2 id="downloads">Download this version</h2>
    ${downloadList(site, version, downloads)}
    ${raw(
      renderContractToc(doc, {
        clauses: true,
        level: 1,
        before: [
          { anchor: 'downloads', title: 'Download this version' },
          { anchor: 'parameters', title: 'What you fill in' },
        ],
        after: doc.history.length ? [{ anchor: 'version-history', title: 'Version history' }] : [],
      }),
    )}
    ${parametersTable(doc, version, url(contractPaths.fill(entry.id, version.version)))}
    <h2 id="contract-text">The contract</h2>
    ${controls}
    <div class="contract" data-template="${entry.id}" data-version="${version.version}">
      ${raw(renderContractParts(doc, { topics: true, level: 2 }))}
    </div>
    ${raw(renderHistory(doc, { level: 1 }))}
    <p class="contract-muted">
      Template text: ${licenceTitle(template.licence)}.
      ${template.published_on ? `Published ${formatDate(template.published_on)}.` : ''}
    </p>`;

  return renderPage(site, {
    title: `${template.title}, version ${version.version}`,
    path: contractPaths.version(entry.id, version.version),
    section: 'contracts',
    description: template.summary,
    breadcrumbs: [
      { title: 'Contracts', path: contractPaths.index },
      { title: entry.title, path: contractPaths.template(entry.id) },
    ],
    scripts: ['contracts/read.js'],
    alternates: [
      {
        type: 'application/json',
        path: contractPaths.download(entry.id, version.version, 'json'),
        title: 'This version as JSON',
      },
    ],
    bodyClass: 'contract-page',
    body,
  });
}
