/**
 * `/contracts/`: every standard contract template, with the status and version to use now, its
 * other versions, and the commissioners that have adopted it.
 */
import { html } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href, paths } from '../../../scripts/publish/kit/urls.ts';
import { plural } from '../../../scripts/lib/words.ts';
import { type ContractEntry } from '../../../scripts/lib/contracts/catalogueContracts.ts';
import type { CodeTitles } from '../../../scripts/lib/contracts/describeContract.ts';
import { publishedWords, statusTag, stylesheet } from './viewHelpers.ts';

export function renderContractsIndex(
  site: SiteInfo,
  entries: ContractEntry[],
  titles: CodeTitles,
): string {
  const url = (path: string) => href(site, path);
  const rows = entries.map((entry) => {
    const current = entry.current;
    const others = entry.versions.filter((v) => v !== current);
    const adopted = entry.adoptedBy.length
      ? html`<details class="contract-adopters">
          <summary>
            ${plural(entry.adoptedBy.length, 'commissioner')}<span class="visually-hidden">
              have adopted ${entry.title}</span
            >
          </summary>
          <ul>
            ${entry.adoptedBy.map((a) => html`<li>${a.name}</li>`)}
          </ul>
        </details>`
      : html`<span class="contract-muted">Not yet adopted</span>`;
    return html`<tr>
      <th scope="row">
        <a href="${url(contractPaths.template(entry.id))}">${entry.title}</a>
        <p class="contract-list__summary">${entry.summary}</p>
      </th>
      <td>
        ${statusTag(current)}<br /><span class="contract-muted">${publishedWords(current)}</span>
      </td>
      <td>
        <a href="${url(contractPaths.version(entry.id, current.version))}"
          >${current.version}<span class="visually-hidden"> of ${entry.title}</span></a
        >${
          others.length
            ? html`<br /><span class="contract-muted"
                  >Also:
                  ${others.map(
                    (v, i) =>
                      html`${i > 0 ? ', ' : ''}<a
                          href="${url(contractPaths.version(entry.id, v.version))}"
                          >${v.version}<span class="visually-hidden"> of ${entry.title}</span></a
                        >
                        (${v.statusTitle.toLowerCase()})`,
                  )}</span
                >`
            : ''
        }
      </td>
      <td>${adopted}</td>
    </tr>`;
  });
  // In the order a version goes through them, not the codelist's alphabetical order.
  const lifecycle = ['draft', 'consultation', 'pressure-testing', 'published', 'superseded'];
  const rank = (code: string) =>
    lifecycle.includes(code) ? lifecycle.indexOf(code) : lifecycle.length;
  const statuses = Object.entries(titles.statuses).sort(([a], [b]) => rank(a) - rank(b));
  const body = html`${stylesheet(site)}
    <h1>Standard contract templates</h1>
    <p class="lede">
      Contracts for NHS bodies and councils to use with voluntary-sector providers of health and
      social care: in plain English, pressure-tested with commissioners and providers, and published
      for anyone to use.
    </p>
    <p>
      Each template runs for at least three years, pays in advance, builds the price up on a full
      cost recovery basis in a common language for costs, and places each risk with the party best
      able to manage it. Read any version clause by clause, compare versions, download it as a Word
      document, Markdown, HTML or JSON, or fill it in to make a completed contract.
    </p>
    <div class="contract-table-wrap" role="region" aria-label="Contract templates" tabindex="0">
      <table class="table contract-list">
        <caption>
          ${plural(entries.length, 'template')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Status</th>
            <th scope="col">Version to use</th>
            <th scope="col">Adopted by</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    <p>
      <a href="${url(paths.commissioners)}">See every commissioner that accepts the kitemark</a>.
    </p>
    <h2>What the statuses mean</h2>
    <dl class="contract-statuses">
      ${statuses.map(
        ([code, s]) =>
          html`<div>
            <dt><strong class="contract-status contract-status--${code}">${s.title}</strong></dt>
            <dd>${s.description}</dd>
          </div> `,
      )}
    </dl>`;
  return renderPage(site, {
    title: 'Standard contract templates',
    path: contractPaths.index,
    section: 'contracts',
    description:
      'Standard contract templates for NHS bodies and councils commissioning voluntary-sector providers: read, compare, download and fill in.',
    body,
  });
}
