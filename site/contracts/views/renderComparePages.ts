/**
 * Comparing versions: `/contracts/<id>/compare/` (choose two versions) and
 * `/contracts/<id>/compare/<from>-to-<to>/` (pre-rendered for every pair): clauses added,
 * removed and changed, with a word-level diff inside each change, and the changes to the
 * details to fill in, to section and schedule titles, to cost lines and to the facts.
 *
 * Insertions and deletions are `<ins>` and `<del>`, underlined and struck through as well as
 * coloured, and each carries hidden words ("added:", "removed:") because most screen readers do
 * not announce the elements themselves.
 */
import { html, type SafeHtml } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href } from '../../../scripts/publish/kit/urls.ts';
import { capitalise, plural } from '../../../scripts/lib/words.ts';
import {
  type ContractEntry,
  type ContractVersion,
} from '../../../scripts/lib/contracts/catalogueContracts.ts';
import {
  diffContractVersions,
  diffText,
  type ClauseDiff,
  type ContractDiff,
  type WordChange,
} from '../../../scripts/lib/contracts/diffContractVersions.ts';
import { clauseAnchor } from '../../../scripts/lib/contracts/listClauses.ts';
import type { CodeTitles } from '../../../scripts/lib/contracts/describeContract.ts';
import type { Parameter } from '../../../scripts/lib/types.generated.ts';
import {
  parameterRules,
  parameterType,
  publishedWords,
  statusTag,
  stylesheet,
} from './viewHelpers.ts';

/** Text with its line breaks kept. */
function text(value: string): SafeHtml {
  return html`${value.split('\n').map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`)}`;
}

export function renderWords(changes: readonly WordChange[]): SafeHtml {
  return html`${changes.map((c) =>
    c.kind === 'same'
      ? text(c.text)
      : c.kind === 'added'
        ? html`<ins
            ><span class="visually-hidden">[added: </span>${text(c.text)}<span
              class="visually-hidden"
              >]</span
            ></ins
          >`
        : html`<del
            ><span class="visually-hidden">[removed: </span>${text(c.text)}<span
              class="visually-hidden"
              >]</span
            ></del
          >`,
  )}`;
}

const CHANGE_WORDS = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

function changeAnchor(c: ClauseDiff): string {
  return `change-${clauseAnchor(c.number)}`;
}

function clauseChange(
  site: SiteInfo,
  diff: ContractDiff,
  c: ClauseDiff,
  titles: CodeTitles,
): SafeHtml {
  const url = (path: string) => href(site, path);
  const snapshot = c.after ?? c.before!;
  const heading = c.heading ? renderWords(c.heading) : html`${snapshot.heading}`;
  const links: SafeHtml[] = [];
  if (c.before) {
    links.push(
      html`<a href="${url(contractPaths.version(diff.id, diff.from))}#${c.before.anchor}"
        >clause ${c.before.number} in version ${diff.from}</a
      >`,
    );
  }
  if (c.after) {
    links.push(
      html`<a href="${url(contractPaths.version(diff.id, diff.to))}#${c.after.anchor}"
        >clause ${c.after.number} in version ${diff.to}</a
      >`,
    );
  }
  const what: string[] = [];
  if (c.renumbered && c.before && c.after) what.push(`renumbered from ${c.before.number}`);
  for (const f of c.fields) what.push(f === 'text' ? 'wording' : f);
  const topicTitle = (code: string) => titles.topics[code] ?? code;
  let content: SafeHtml;
  if (c.change === 'added') {
    content = html`<p class="contract-diff">
      <ins
        ><span class="visually-hidden">[added: </span>${text(c.after!.text)}<span
          class="visually-hidden"
          >]</span
        ></ins
      >
    </p>`;
  } else if (c.change === 'removed') {
    content = html`<p class="contract-diff">
      <del
        ><span class="visually-hidden">[removed: </span>${text(c.before!.text)}<span
          class="visually-hidden"
          >]</span
        ></del
      >
    </p>`;
  } else {
    content = html`<p class="contract-diff">
        ${c.text ? renderWords(c.text) : text(c.after!.text)}
      </p>
      ${
        c.guidance
          ? html`<div class="guidance" role="note" aria-label="Guidance on clause ${c.number}">
              <p class="guidance__label">Guidance for commissioners</p>
              <p class="contract-diff">${renderWords(c.guidance)}</p>
            </div>`
          : ''
      }${
        c.topics
          ? html`<p class="contract-muted">
              ${c.topics.added.length ? `Topics added: ${c.topics.added.map(topicTitle).join(', ')}. ` : ''}${
                c.topics.removed.length
                  ? `Topics removed: ${c.topics.removed.map(topicTitle).join(', ')}.`
                  : ''
              }
            </p>`
          : ''
      }`;
  }
  return html`<div class="contract-change contract-change--${c.change}" id="${changeAnchor(c)}">
    <h3>
      <span class="contract-number">${c.number}</span> ${heading}
      <strong class="contract-change-tag contract-change-tag--${c.change}"
        >${CHANGE_WORDS[c.change]}</strong
      >
    </h3>
    <p class="contract-muted">
      ${what.length ? `${capitalise(what.join(', '))} changed. ` : ''}Read
      ${links.map((l, i) => html`${i > 0 ? ' or ' : ''}${l}`)}.
    </p>
    ${content}
  </div>`;
}

function parameterSummary(p: Parameter): string {
  const rules = parameterRules(p);
  const options = p.constraints?.options;
  return [
    parameterType(p),
    p.required ? 'required' : 'optional',
    ...rules.filter((r) => !r.startsWith('Optional')),
    ...(options ? [`options: ${options.join('; ')}`] : []),
  ].join('; ');
}

function parametersSection(diff: ContractDiff): SafeHtml | '' {
  if (diff.parameters.length === 0) return '';
  const rows = diff.parameters.map((p) => {
    const label = (p.after ?? p.before)!.label;
    let detail: SafeHtml;
    if (p.change === 'added') detail = html`${parameterSummary(p.after!)}`;
    else if (p.change === 'removed') detail = html`No longer asked for.`;
    else {
      const parts: SafeHtml[] = [];
      if (p.fields.includes('label'))
        parts.push(
          html`<p>
            Label:
            ${renderWords([
              { kind: 'removed', text: p.before!.label },
              { kind: 'same', text: ' ' },
              { kind: 'added', text: p.after!.label },
            ])}
          </p>`,
        );
      const before = parameterSummary(p.before!);
      const after = parameterSummary(p.after!);
      if (before !== after) parts.push(html`<p>Rules: ${renderWords(diffText(before, after))}</p>`);
      if (p.fields.includes('guidance')) {
        parts.push(
          html`<p>
            Guidance: ${renderWords(diffText(p.before!.guidance ?? '', p.after!.guidance ?? ''))}
          </p>`,
        );
      }
      if (p.fields.includes('fallback')) {
        parts.push(
          html`<p>
            Wording when left blank: “${p.before!.fallback ?? 'not applicable'}” becomes
            “${p.after!.fallback ?? 'not applicable'}”.
          </p>`,
        );
      }
      detail = html`${parts}`;
    }
    return html`<tr>
      <th scope="row">${label}<br /><code class="contract-muted">{{${p.name}}}</code></th>
      <td>
        <strong class="contract-change-tag contract-change-tag--${p.change}"
          >${CHANGE_WORDS[p.change]}</strong
        >
      </td>
      <td>${detail}</td>
    </tr>`;
  });
  return html`<h2 id="parameter-changes">Changes to the details you fill in</h2>
    <div
      class="contract-table-wrap"
      role="region"
      aria-label="Changes to the details you fill in"
      tabindex="0"
    >
      <table class="table">
        <caption class="visually-hidden">
          Details to fill in that were added, removed or changed
        </caption>
        <thead>
          <tr>
            <th scope="col">Detail</th>
            <th scope="col">Change</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
}

function partsSection(diff: ContractDiff, titles: CodeTitles): SafeHtml | '' {
  if (diff.parts.length === 0) return '';
  const label = (kind: string, n: string) =>
    kind === 'section' ? `Section ${n}` : `Schedule ${n}`;
  const items = diff.parts.map((p) => {
    const title = p.title ? renderWords(p.title) : html`${(p.after ?? p.before)!.title}`;
    const lines = p.costLines.map(
      (l) =>
        html`<li>
          Cost line for ${titles.costCategories[l.category] ?? l.category}:
          ${CHANGE_WORDS[l.change].toLowerCase()}${
            l.description ? html`: ${renderWords(l.description)}` : ''
          }
        </li>`,
    );
    return html`<li>
      <strong>${label(p.kind, p.number)}</strong> (${CHANGE_WORDS[p.change].toLowerCase()}):
      ${title}${
        lines.length
          ? html`<ul>
              ${lines}
            </ul>`
          : ''
      }
    </li>`;
  });
  return html`<h2 id="part-changes">Changes to sections and schedules</h2>
    <ul class="contract-change-list">
      ${items}
    </ul>`;
}

const FACT_WORDS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  status: 'Status',
  published_on: 'Published on',
  licence: 'Licence',
  supersedes: 'Replaces version',
};

function versionLabel(v: ContractVersion): SafeHtml {
  return html`version ${v.version} (${v.statusTitle.toLowerCase()},
  ${publishedWords(v).replace(/^Not yet published$/, 'not yet published')})`;
}

function picker(site: SiteInfo, entry: ContractEntry, from?: string, to?: string): SafeHtml {
  const options = (selected: string | undefined) =>
    entry.versions.map(
      (v) =>
        html`<option value="${v.version}" ${v.version === selected ? html` selected` : ''}>
          ${v.version} (${v.statusTitle.toLowerCase()})
        </option>`,
    );
  return html`<form
    class="contract-compare-picker no-print"
    method="get"
    action="${href(site, contractPaths.compare(entry.id))}"
    data-compare-base="${href(site, contractPaths.compare(entry.id))}"
  >
    <div class="contract-controls__item">
      <label for="compare-from">From version</label>
      <select id="compare-from" name="from">
        ${options(from ?? entry.versions.at(-1)?.version)}
      </select>
    </div>
    <div class="contract-controls__item">
      <label for="compare-to">To version</label>
      <select id="compare-to" name="to">
        ${options(to ?? entry.versions[0]?.version)}
      </select>
    </div>
    <button type="submit" class="button">Compare</button>
    <p class="contract-muted" id="compare-message" role="status" aria-live="polite"></p>
  </form>`;
}

export function renderComparePage(
  site: SiteInfo,
  entry: ContractEntry,
  from: ContractVersion,
  to: ContractVersion,
  titles: CodeTitles,
): string {
  const diff = diffContractVersions(from.template, to.template);
  const changes = diff.clauses.filter((c) => c.change !== 'unchanged');
  const list = (numbers: string[], kind: ClauseDiff['change']) =>
    numbers.map((n, i) => {
      const c = changes.find((x) => x.number === n && x.change === kind)!;
      return html`${i > 0 ? ', ' : ''}<a href="#${changeAnchor(c)}">${n}</a>`;
    });
  const summary: SafeHtml[] = [];
  if (diff.summary.added.length)
    summary.push(
      html`<li>
        ${plural(diff.summary.added.length, 'clause')} added: ${list(diff.summary.added, 'added')}
      </li>`,
    );
  if (diff.summary.removed.length)
    summary.push(
      html`<li>
        ${plural(diff.summary.removed.length, 'clause')} removed:
        ${list(diff.summary.removed, 'removed')}
      </li>`,
    );
  if (diff.summary.changed.length)
    summary.push(
      html`<li>
        ${plural(diff.summary.changed.length, 'clause')} changed:
        ${list(diff.summary.changed, 'changed')}
      </li>`,
    );
  if (diff.parameters.length)
    summary.push(
      html`<li>
        <a href="#parameter-changes">${plural(diff.parameters.length, 'detail')} to fill in</a>
        added, removed or changed
      </li>`,
    );
  if (diff.parts.length)
    summary.push(
      html`<li>
        <a href="#part-changes"
          >${plural(diff.parts.length, 'section or schedule', 'sections or schedules')}</a
        >
        retitled or with changed cost lines
      </li>`,
    );
  const note = to.template.change_notes.find((n) => n.version === to.version);
  const facts = diff.facts.filter(
    (f) => f.field !== 'published_on' && f.field !== 'status' && f.field !== 'supersedes',
  );

  const body = html`${stylesheet(site)}
    <h1>
      <span class="contract-caption">${entry.title}</span> Compare version ${from.version} with
      version ${to.version}
    </h1>
    <p>From ${versionLabel(from)} to ${versionLabel(to)}. ${statusTag(from)} ${statusTag(to)}</p>
    ${picker(site, entry, from.version, to.version)}
    <h2 id="summary">Summary</h2>
    ${
      summary.length
        ? html`<ul class="contract-change-summary">
            ${summary}
          </ul>`
        : html`<p>The two versions have the same clauses, details and schedules.</p>`
    }
    ${
      note
        ? html`<div class="contract-change-note">
            <p><strong>Change note for version ${to.version}:</strong> ${note.summary}</p>
          </div>`
        : ''
    }
    <p class="contract-legend contract-muted">
      Words added are <ins>underlined and highlighted</ins>; words removed are
      <del>struck through</del>.
    </p>
    ${
      facts.length
        ? html`<h2 id="fact-changes">Title and summary</h2>
            <dl class="meta">
              ${facts.map(
                (f) =>
                  html`<div>
                    <dt>${FACT_WORDS[f.field]}</dt>
                    <dd>${renderWords(diffText(f.before, f.after))}</dd>
                  </div>`,
              )}
            </dl>`
        : ''
    }
    ${parametersSection(diff)} ${partsSection(diff, titles)}
    ${
      changes.length
        ? html`<h2 id="clause-changes">Changes to clauses</h2>
            ${changes.map((c) => clauseChange(site, diff, c, titles))}`
        : ''
    }`;
  return renderPage(site, {
    title: `${entry.title}: compare version ${from.version} with ${to.version}`,
    path: contractPaths.comparePair(entry.id, from.version, to.version),
    section: 'contracts',
    description: `What changed in ${entry.title} between version ${from.version} and version ${to.version}.`,
    breadcrumbs: [
      { title: 'Contracts', path: contractPaths.index },
      { title: entry.title, path: contractPaths.template(entry.id) },
      { title: 'Compare versions', path: contractPaths.compare(entry.id) },
    ],
    scripts: ['contracts/read.js'],
    bodyClass: 'contract-compare-page',
    body,
  });
}

export function renderComparePicker(site: SiteInfo, entry: ContractEntry): string {
  const url = (path: string) => href(site, path);
  const pairs = entry.versions.flatMap((to, i) =>
    entry.versions.slice(i + 1).map((from) => ({ from, to })),
  );
  const body = html`${stylesheet(site)}
    <h1><span class="contract-caption">${entry.title}</span> Compare versions</h1>
    ${
      entry.versions.length < 2
        ? html`<p>
            There is only one version of this template, so there is nothing to compare yet.
          </p>`
        : html`<p>
              Choose two versions to see the clauses added, removed and changed between them, word
              by word.
            </p>
            ${picker(site, entry)}
            <h2>Every pair of versions</h2>
            <ul>
              ${pairs.map(
                ({ from, to }) =>
                  html`<li>
                    <a href="${url(contractPaths.comparePair(entry.id, from.version, to.version))}"
                      >Version ${from.version} to version ${to.version}</a
                    >
                  </li>`,
              )}
            </ul>`
    }`;
  return renderPage(site, {
    title: `${entry.title}: compare versions`,
    path: contractPaths.compare(entry.id),
    section: 'contracts',
    description: `Compare versions of ${entry.title}.`,
    breadcrumbs: [
      { title: 'Contracts', path: contractPaths.index },
      { title: entry.title, path: contractPaths.template(entry.id) },
    ],
    scripts: ['contracts/read.js'],
    body,
  });
}
