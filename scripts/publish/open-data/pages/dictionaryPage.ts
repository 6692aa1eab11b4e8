/**
 * `/data/dictionary/`: the data dictionary, rendered from describeDataDictionary (and so from
 * the schemas and the issue-code catalogue): every table and field, the allowed codes, the
 * checks that apply, and every codelist with its codes and titles.
 */
import type {
  DataDictionary,
  DictionaryCodelist,
  DictionaryField,
  DictionaryTable,
} from '../../../lib/dataDictionary.ts';
import type { IssueCodeInfo } from '../../../lib/issueCodes.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { dataPaths, href } from '../../kit/urls.ts';

/** Codelists with more codes than this are linked to, not listed in each field. */
const INLINE_CODES = 25;

export function renderDictionaryPage(site: SiteInfo, dictionary: DataDictionary): string {
  const url = (path: string) => href(site, path);
  const tables = dictionary.tables.filter((t) => !t.name.startsWith('codelist-'));
  const codelists = dictionary.tables.filter((t) => t.name.startsWith('codelist-'));
  const rules = new Map<string, IssueCodeInfo>();
  for (const t of tables) for (const f of t.fields) for (const r of f.rules) rules.set(r.code, r);
  for (const r of dictionary.fileRules) rules.set(r.code, r);
  for (const r of dictionary.templateRules) rules.set(r.code, r);
  for (const r of dictionary.costStatementRules) rules.set(r.code, r);

  const body = html`<h1>Data dictionary</h1>
    <p class="lede">
      Every table and field of the register: what it holds, its type, whether it is required, the
      form it takes, the codes it allows and the checks the register makes. Made from the
      <a href="${url(dataPaths.downloads + '#schemas')}">JSON Schemas</a>, so it always matches the
      data.
    </p>
    <p>
      Also as <a href="${url(dataPaths.dictionaryCsv)}">CSV</a> and
      <a href="${url(dataPaths.dictionaryJson)}">JSON</a>. The same descriptions are in each CSV's
      Table Schema in <a href="${url(dataPaths.file('datapackage.json'))}">datapackage.json</a>.
    </p>
    <nav class="contents" aria-label="Tables">
      <h2>Tables</h2>
      <ul>
        ${tables.map((t) => html`<li><a href="#${t.name}">${t.title}</a>${t.source ? '' : ' (derived)'}</li> `)}
        <li><a href="#codelists">Codelists</a></li>
        <li><a href="#checks">Checks</a></li>
      </ul>
    </nav>
    ${tables.map((t) => tableSection(t, url))}
    <h2 id="codelists">Codelists</h2>
    <p>
      Each codelist is a table of <code>code</code>, <code>title</code> and
      <code>description</code>; some have more columns. Tables store the code; people read the
      title.
    </p>
    ${dictionary.codelists.map((c) =>
      codelistSection(
        c,
        codelists.find((t) => t.name === `codelist-${c.name}`),
      ),
    )}
    <h2 id="checks">Checks</h2>
    <p>
      What the register's validator checks, by the stable code it reports. Errors stop a change
      being merged; warnings are reported but do not.
    </p>
    <table class="table">
      <caption>
        Every check, with its code
      </caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Check</th>
          <th scope="col">Kind</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        ${[...rules.values()].map(
          (r) =>
            html`<tr id="check-${r.code.replace('/', '-')}">
              <th scope="row"><code>${r.code}</code></th>
              <td>${r.title}</td>
              <td>${r.severity}</td>
              <td>${r.description}</td>
            </tr> `,
        )}
      </tbody>
    </table>`;
  return renderPage(site, {
    title: 'Data dictionary',
    path: dataPaths.dictionary,
    section: 'data',
    body,
    breadcrumbs: [{ title: 'Data', path: dataPaths.downloads }],
    description: `Every table and field of the ${site.title}: types, formats, codes and checks.`,
  });
}

function tableSection(t: DictionaryTable, url: (path: string) => string): SafeHtml {
  return html`<section aria-labelledby="${t.name}">
    <h2 id="${t.name}">${t.title}</h2>
    <p>${t.description}</p>
    <dl class="meta">
      <dt>File</dt>
      <dd>
        <a href="${url(dataPaths.file(t.file))}">${t.file}</a
        >${t.source ? '' : ' (derived from the register’s tables; not a register file)'}
      </dd>
      <dt>Key</dt>
      <dd>${t.primaryKey.map((k, i) => html`${i ? ', ' : ''}<code>${k}</code>`)}</dd>
    </dl>
    <table class="table">
      <caption>
        Fields of ${t.file}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">What it holds</th>
          <th scope="col">Type and form</th>
          <th scope="col">Allowed values</th>
          <th scope="col">Example</th>
          <th scope="col">Checks</th>
        </tr>
      </thead>
      <tbody>
        ${t.fields.map((f) => fieldRow(t.name, f))}
      </tbody>
    </table>
  </section> `;
}

function fieldRow(table: string, f: DictionaryField): SafeHtml {
  const form: SafeHtml[] = [html`${f.type}`];
  if (f.format) form.push(html`<br />${f.format}`);
  if (f.pattern) form.push(html`<br />pattern <code>${f.pattern}</code>`);
  if (f.maxLength !== undefined) form.push(html`<br />at most ${f.maxLength} characters`);
  if (f.minimum !== undefined) form.push(html`<br />at least ${f.minimum}`);
  if (f.maximum !== undefined) form.push(html`<br />at most ${f.maximum}`);
  let allowed: SafeHtml | string = '';
  if (f.codelist) {
    const anchor = `codelist-${f.codelist.name}`;
    allowed =
      f.codelist.codes.length <= INLINE_CODES
        ? html`Codes from <a href="#${anchor}">${f.codelist.name}</a>:
            <ul>
              ${f.codelist.codes.map((c) => html`<li><code>${c.code}</code> ${c.title}</li>`)}
            </ul>`
        : html`A code from <a href="#${anchor}">${f.codelist.name}</a> (${f.codelist.codes.length}
            codes)`;
  } else if (f.values) {
    allowed = html`<ul>
      ${f.values.map((v) => html`<li><code>${v}</code></li>`)}
    </ul>`;
  } else if (f.references) {
    allowed = html`A <code>${f.references.field}</code> in
      <a href="#${f.references.table}">${f.references.table}</a>`;
  }
  return html`<tr id="${`${table}-${f.name}`}">
    <th scope="row">${f.title}<br /><code>${f.name}</code></th>
    <td>
      ${f.description}<br /><strong
        >${f.required === 'required' ? 'Required' : f.required === 'optional' ? 'Optional' : f.required}</strong
      >
    </td>
    <td>${form}</td>
    <td>${allowed}</td>
    <td>${f.example ? html`<code>${f.example}</code>` : ''}</td>
    <td>
      ${
        f.rules.length
          ? html`<ul>
              ${f.rules.map(
                (r) =>
                  html`<li>
                    <a href="#check-${r.code.replace('/', '-')}"><code>${r.code}</code></a>
                  </li>`,
              )}
            </ul>`
          : ''
      }
    </td>
  </tr> `;
}

function codelistSection(c: DictionaryCodelist, table: DictionaryTable | undefined): SafeHtml {
  const extra = (table?.fields ?? []).filter(
    (f) => !['code', 'title', 'description'].includes(f.name),
  );
  return html`<section aria-labelledby="codelist-${c.name}">
    <h3 id="codelist-${c.name}">${c.name}</h3>
    <p>
      File
      <code>${c.file}</code
      >${extra.length ? html`; more columns: ${extra.map((f, i) => html`${i ? ', ' : ''}<code>${f.name}</code>`)}` : ''}.
    </p>
    <table class="table">
      <caption>
        Codes in ${c.name}
      </caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Title</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        ${c.codes.map(
          (code) =>
            html`<tr>
              <th scope="row"><code>${code.code}</code></th>
              <td>${code.title}</td>
              <td>${code.description ?? ''}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </section> `;
}
