/**
 * `/data/`: every download of the current register with its size, the workbook, the data
 * package and checksums, templates for applicants, the schemas, and where to find versions,
 * the data dictionary and the change log.
 */
import type { DownloadSummary } from '../../../lib/downloads/buildDownloads.ts';
import type { Release } from '../../../lib/releases.ts';
import { formatCitation } from '../../../lib/downloads/citation.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatBytes, formatCount, formatDate } from '../../kit/format.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { absoluteUrl, dataPaths, href, paths } from '../../kit/urls.ts';
import type { RegisterMetadata } from '../../../lib/types.generated.ts';
import { formatPandasQuickStart, formatRQuickStart } from '../../../lib/downloads/quickStart.ts';

export interface DownloadsPageInput {
  site: SiteInfo;
  meta: RegisterMetadata;
  set: DownloadSummary;
  workbook: string;
  latest?: Release;
  /** File name → bytes of the templates for applicants. */
  templates: ReadonlyMap<string, number>;
  schemas: readonly string[];
  /** The SQLite database and its Datasette metadata, by file name. */
  database: { file: string; metadata: string };
  /** schema.org Dataset markup for search engines. */
  jsonLd: Record<string, unknown>;
}

export function renderDownloadsPage(input: DownloadsPageInput): string {
  const { site, set, meta } = input;
  const url = (path: string) => href(site, path);
  const size = (path: string) => formatBytes(set.files.get(path)?.bytes ?? 0);
  const link = (path: string, text: string | SafeHtml) =>
    html`<a href="${url(dataPaths.file(path))}">${text}</a>
      <span class="meta-size">(${size(path)})</span>`;
  const main = set.tables.filter((t) => !t.name.startsWith('codelist-'));
  const codelists = set.tables.filter((t) => t.name.startsWith('codelist-'));
  const latest = input.latest;

  const body = html`<h1>Download the data</h1>
    <p class="lede">
      The whole register as open data: every table as CSV and JSON, one Excel workbook, and a data
      package that gives the size and SHA-256 of every file. Free to use under the
      <a href="${site.licence.url}" rel="license">${site.licence.title}</a>.
    </p>
    <dl class="meta">
      <dt>Register version</dt>
      <dd>${meta.version}</dd>
      <dt>Statuses as of</dt>
      <dd><time datetime="${site.today}">${formatDate(site.today)}</time></dd>
      <dt>Data package</dt>
      <dd>${link('datapackage.json', 'datapackage.json')}</dd>
      <dt>Catalogue</dt>
      <dd>
        <a href="${url(dataPaths.catalogue)}">catalog.jsonld</a> (DCAT, for data portals and
        harvesters)
      </dd>
      <dt>Checksums</dt>
      <dd>
        ${link('SHA256SUMS', 'SHA256SUMS')} (check a copy with <code>sha256sum -c SHA256SUMS</code>)
      </dd>
    </dl>
    ${
      latest
        ? html`<div class="notice">
            <h2>Citing the data</h2>
            <p>
              These files are rebuilt with every change. To cite the data, use a version: each is
              kept unchanged at its own address with its hashes. The newest is
              <a href="${url(dataPaths.version(latest.version))}">version ${latest.version}</a
              >${latest.provisional ? ' (provisional: not yet released by a commit)' : html`, released ${formatDate(latest.date.slice(0, 10))}`};
              <a href="${url(dataPaths.latest)}">/data/latest/</a> always holds the newest.
            </p>
            <p>
              Cite as:
              ${formatCitation({ ...meta, version: latest.version }, latest.date, absoluteUrl(site, dataPaths.version(latest.version)))}
            </p>
            <p>
              <a href="${url(dataPaths.versions)}">Every version</a> ·
              <a href="${url(dataPaths.changes)}">What changed</a> ·
              <a href="${url(dataPaths.dictionary)}">Data dictionary</a>
            </p>
          </div>`
        : ''
    }
    <h2 id="tables">Tables</h2>
    <table class="table">
      <caption>
        Each table as CSV (UTF-8, comma-separated, lists separated by semicolons) and JSON (an array
        of records)
      </caption>
      <thead>
        <tr>
          <th scope="col">Table</th>
          <th scope="col">Rows</th>
          <th scope="col">CSV</th>
          <th scope="col">JSON</th>
        </tr>
      </thead>
      <tbody>
        ${main.map(
          (t) =>
            html`<tr>
              <th scope="row">${t.title}<br /><span class="caption">${t.description}</span></th>
              <td>${formatCount(t.records.length)}</td>
              <td>${link(`${t.path}.csv`, `${t.path}.csv`)}</td>
              <td>${link(`${t.path}.json`, `${t.path}.json`)}</td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p>
      <strong>providers-with-status.csv</strong> is the register joined and ready for analysis: one
      row per provider with its kitemark status (as of ${formatDate(site.today)}), certificate,
      expiry date, org-id, region and NHS region.
    </p>
    <h2 id="workbook">All tables in one workbook</h2>
    <p>
      ${link(input.workbook, input.workbook)}: a sheet per table, a README sheet (what the data is,
      its licence and how to cite it) and a Fields sheet describing every column. Dates are dates,
      numbers are numbers and identifiers are text (leading zeros kept). No cell is a formula.
    </p>
    <h2 id="database">All tables in one SQLite database</h2>
    <p>
      ${link(input.database.file, input.database.file)}: a table per CSV with its column types,
      primary and foreign keys, indexes, and full-text search of providers' names, other names and
      descriptions. Query it with any SQLite tool, or explore it with
      <a href="https://datasette.io/">Datasette</a>:
      <code>datasette ${input.database.file} -m ${input.database.metadata}</code>
      (${link(input.database.metadata, input.database.metadata)} gives every table's and column's
      description), or in the browser with
      <a
        href="https://lite.datasette.io/?url=${encodeURIComponent(absoluteUrl(site, dataPaths.file(input.database.file)))}&amp;metadata=${encodeURIComponent(absoluteUrl(site, dataPaths.file(input.database.metadata)))}"
        >Datasette Lite</a
      >.
    </p>
    <h2 id="quick-start">Quick start: pandas and R</h2>
    <p>
      Read the tables with the right types: identifiers (charity, company, CQC numbers and the
      register's own keys) stay text so leading zeros are kept, dates are dates, and only an empty
      cell is missing. Both are written from the schemas.
    </p>
    <h3 id="quick-start-pandas">Python (pandas)</h3>
    <pre
      class="code"
    ><code>${formatPandasQuickStart(set.tables, absoluteUrl(site, dataPaths.downloads))}</code></pre>
    <h3 id="quick-start-r">R (readr)</h3>
    <pre
      class="code"
    ><code>${formatRQuickStart(set.tables, absoluteUrl(site, dataPaths.downloads))}</code></pre>
    ${
      set.files.has('hsds/datapackage.json')
        ? html`<h2 id="hsds">For service directories: HSDS 3.0</h2>
            <p>
              The providers and each service they offer in Open Referral's Human Services Data
              Specification 3.0, the standard council and social-prescribing directories exchange:
              ${link('hsds/datapackage.json', 'hsds/datapackage.json')} describes its CSV files
              (${link('hsds/services.csv', 'services')},
              ${link('hsds/organizations.csv', 'organizations')},
              ${link('hsds/service_areas.csv', 'service areas')},
              ${link('hsds/locations.csv', 'locations')} and the rest). A service carries the
              kitemark only while its provider's award is current and covers it. The same data is
              an HSDS API at <a href="${url(paths.hsds)}">${absoluteUrl(site, paths.hsds)}</a>.
            </p>`
        : ''
    }
    <h2 id="codelists">Codelists</h2>
    <table class="table">
      <caption>
        The codes the tables use, with their titles and descriptions
      </caption>
      <thead>
        <tr>
          <th scope="col">Codelist</th>
          <th scope="col">Codes</th>
          <th scope="col">CSV</th>
          <th scope="col">JSON</th>
        </tr>
      </thead>
      <tbody>
        ${codelists.map(
          (t) =>
            html`<tr>
              <th scope="row">${t.path.replace('codelists/', '')}</th>
              <td>${formatCount(t.records.length)}</td>
              <td>${link(`${t.path}.csv`, 'CSV')}</td>
              <td>${link(`${t.path}.json`, 'JSON')}</td>
            </tr> `,
        )}
      </tbody>
    </table>
    <h2 id="templates">Templates for applicants</h2>
    <p>
      Blank templates made from the schemas. The workbook has readable column titles, guidance under
      each title, lists of codes to pick from and a Guidance sheet; each CSV is the exact header row
      the register expects.
    </p>
    <ul>
      ${[...input.templates].map(([file, bytes]) => html`<li><a href="${url(dataPaths.template(file))}">${file}</a> <span class="meta-size">(${formatBytes(bytes)})</span></li> `)}
    </ul>
    <h2 id="schemas">Schemas</h2>
    <p>
      The JSON Schemas are the single source of truth for every table, the data dictionary and these
      downloads. Each has a stable address:
    </p>
    <ul>
      ${input.schemas.map((s) => html`<li><a href="${url(dataPaths.schema(s))}">${absoluteUrl(site, dataPaths.schema(s))}</a></li> `)}
    </ul>
    <h2 id="safety">Opening the files safely</h2>
    <p>
      The CSV files are exactly the register's own files. The register refuses any cell that starts
      with = + - or @, which a spreadsheet would run as a formula; the only such cells are phone
      numbers starting +44 and negative numbers of days. The workbook stores every cell as a value,
      never a formula.
    </p>`;
  return renderPage(site, {
    title: 'Download the data',
    path: dataPaths.downloads,
    section: 'data',
    body,
    description: `The ${site.title} as open data: CSV, JSON and XLSX with a data package, versions and a change log.`,
    jsonLd: input.jsonLd,
    alternates: [
      { type: 'application/json', path: dataPaths.file('datapackage.json'), title: 'Data package' },
      { type: 'application/ld+json', path: dataPaths.catalogue, title: 'DCAT catalogue' },
      { type: 'application/atom+xml', path: dataPaths.feed, title: 'Register changes' },
    ],
  });
}
