/**
 * `/contracts/<template-id>/<version>/fill/`: a form for the version's parameters, with their
 * rules, that makes a completed, printable contract in the browser and offers it as DOCX,
 * Markdown, HTML and JSON. Nothing leaves the browser.
 *
 * Without JavaScript the form stays hidden (it could not do anything) and the page shows the
 * contract with its blanks highlighted, with the downloads to fill in by hand.
 */
import { html, raw, type SafeHtml } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href } from '../../../scripts/publish/kit/urls.ts';
import {
  type ContractEntry,
  type ContractVersion,
} from '../../../scripts/lib/contracts/catalogueContracts.ts';
import {
  describeContract,
  type CodeTitles,
  type DocumentParameter,
} from '../../../scripts/lib/contracts/describeContract.ts';
import {
  renderContractArticle,
  renderInlineHtml,
} from '../../../scripts/lib/contracts/renderContractHtml.ts';
import type { ContractDownloads } from '../../../scripts/lib/contracts/buildContractDownloads.ts';
import type { Parameter } from '../../../scripts/lib/types.generated.ts';
import { downloadList, parameterRules, stylesheet, versionNotice } from './viewHelpers.ts';

/*
 * Controls are named `p-<parameter>`, never the bare parameter name: a form's named controls
 * shadow the form's own properties, so a parameter called `hidden`, `elements` or `dataset`
 * would otherwise break the script.
 */

/** The id of a parameter's control (for a choice, its first option): what an error links to. */
export function controlId(p: Parameter): string {
  if (p.type === 'date') return `p-${p.name}-day`;
  return p.type === 'choice' || p.type === 'boolean' ? `p-${p.name}-1` : `p-${p.name}`;
}

/** GOV.UK's date input: day, month and year boxes, which read the same in every browser. */
function dateField(p: Parameter, d: DocumentParameter, label: SafeHtml, error: SafeHtml): SafeHtml {
  const id = `p-${p.name}`;
  const part = (name: string, title: string, width: string) =>
    html`<div class="date-input__item">
      <label class="date-input__label" for="${id}-${name}">${title}</label>
      <input
        class="field__input date-input__input date-input__input--${width}"
        id="${id}-${name}"
        name="${id}-${name}"
        type="text"
        inputmode="numeric"
        spellcheck="false"
        autocomplete="off"
        data-date-part="${name}"
        data-date-for="${p.name}"
      />
    </div>`;
  return html`<fieldset
    class="field"
    id="field-${p.name}"
    data-parameter="${p.name}"
    role="group"
    aria-describedby="${id}-hint"
  >
    <legend class="field__label">${label}</legend>
    ${hint(p, d)} ${error}
    <div class="date-input">
      ${part('day', 'Day', '2')} ${part('month', 'Month', '2')} ${part('year', 'Year', '4')}
    </div>
  </fieldset>`;
}

/** Finding a party on the register: a search box and the matches as buttons to choose. */
function partyPicker(kind: 'provider' | 'commissioner', title: string): SafeHtml {
  const id = `pick-${kind}`;
  return html`<div class="field party-picker" data-party="${kind}">
    <label class="field__label" for="${id}">${title}</label>
    <div class="field__hint" id="${id}-hint">
      <p>Type part of the name, then choose from the matches to fill in its details.</p>
    </div>
    <div class="party-picker__search">
      <input
        class="field__input"
        type="search"
        id="${id}"
        autocomplete="off"
        aria-describedby="${id}-hint"
      />
      <button type="button" class="button button--secondary" data-find="${kind}">Find</button>
    </div>
    <p class="contract-muted" id="${id}-status" role="status" aria-live="polite"></p>
    <ul class="party-picker__results" id="${id}-results"></ul>
  </div>`;
}

function hint(p: Parameter, d: DocumentParameter): SafeHtml {
  const rules = parameterRules(p);
  return html`<div class="field__hint" id="p-${p.name}-hint">
    ${d.guidance.map((g) => html`<p>${raw(renderInlineHtml(g))}</p>`)}${
      rules.length ? html`<p class="field__rules">${rules.join('. ')}.</p>` : ''
    }
  </div>`;
}

function field(p: Parameter, d: DocumentParameter): SafeHtml {
  const id = `p-${p.name}`;
  const label = html`${p.label}${p.required ? '' : html` <span class="field__optional">(optional)</span>`}`;
  const error = html`<p class="field__error" id="${id}-error" hidden></p>`;
  const describedBy = `${id}-hint`;
  if (p.type === 'date') return dateField(p, d, label, error);
  if (p.type === 'choice' || p.type === 'boolean') {
    const options = p.type === 'boolean' ? ['yes', 'no'] : (p.constraints?.options ?? []);
    return html`<fieldset
      class="field"
      id="field-${p.name}"
      data-parameter="${p.name}"
      aria-describedby="${describedBy}"
    >
      <legend class="field__label">${label}</legend>
      ${hint(p, d)} ${error}
      <div class="field__radios">
        ${options.map(
          (o, i) =>
            html`<div class="field__radio">
              <input
                type="radio"
                id="${id}-${i + 1}"
                name="p-${p.name}"
                value="${o}"
                ${p.required ? html` required` : ''}
              /><label for="${id}-${i + 1}"
                >${p.type === 'boolean' ? (o === 'yes' ? 'Yes' : 'No') : o}</label
              >
            </div> `,
        )}
      </div>
    </fieldset>`;
  }
  let control: SafeHtml;
  const common = html`id="${id}" name="${id}"
  aria-describedby="${describedBy}"${p.required ? html` required` : ''}`;
  switch (p.type) {
    case 'long_text':
      control = html`<textarea class="field__input" rows="6" ${common}></textarea>`;
      break;
    case 'integer':
      control = html`<input
        class="field__input field__input--short"
        type="text"
        inputmode="numeric"
        spellcheck="false"
        autocomplete="off"
        ${common}
      />`;
      break;
    case 'money':
      control = html`<div class="field__money">
        <span class="field__prefix" aria-hidden="true">£</span
        ><input
          class="field__input field__input--money"
          type="text"
          inputmode="decimal"
          spellcheck="false"
          autocomplete="off"
          ${common}
        />
      </div>`;
      break;
    default:
      control = html`<input class="field__input" type="text" autocomplete="off" ${common} />`;
  }
  return html`<div class="field" id="field-${p.name}" data-parameter="${p.name}">
    <label class="field__label" for="${id}">${label}</label>
    ${hint(p, d)} ${error} ${control}
  </div>`;
}

export function renderFillPage(
  site: SiteInfo,
  entry: ContractEntry,
  version: ContractVersion,
  titles: CodeTitles,
  downloads: ContractDownloads,
): string {
  const url = (path: string) => href(site, path);
  const template = version.template;
  const doc = describeContract(template, { titles });
  const described = new Map(doc.parameters.map((d) => [d.name, d]));
  const fields = template.parameters.map((p) => field(p, described.get(p.name)!));
  // The part a cost statement is imported into: the schedule with the cost lines.
  const pricing = doc.parts.find((p) => p.costLines.length > 0)?.label.toLowerCase();

  const body = html`${stylesheet(site)}
    <h1>
      <span class="contract-caption">${template.title}, version ${version.version}</span> Fill in
      the contract
    </h1>
    ${versionNotice(site, entry, version)}
    <p class="lede">
      Give the ${doc.parameters.length} details below to make a completed contract that you can
      check, print and download.
    </p>
    <p>
      Your answers stay in this browser: nothing is sent to the Kitemark Register or anyone else.
      <a href="${url(contractPaths.version(entry.id, version.version))}"
        >Read the template with its guidance</a
      >
      first if you have not used it before.
    </p>
    <div class="notice contract-needs-script" id="fill-needs-script">
      <p>
        The form needs JavaScript, which is turned off or has not loaded. The contract below shows
        each detail to give as a highlighted blank. You can download it and fill in the blanks
        yourself:
      </p>
      ${downloadList(site, version, downloads)}
    </div>
    <form
      class="contract-fill-form no-print"
      id="fill-form"
      method="get"
      action="${url(contractPaths.fill(entry.id, version.version))}"
      novalidate
      hidden
      data-template-url="${url(contractPaths.download(entry.id, version.version, 'json'))}"
      data-titles-url="${url(contractPaths.codeTitles)}"
      data-docx-url="${url(contractPaths.docxSkeleton(entry.id, version.version))}"
      data-site-name="${site.name}"
      data-template-sha256="${downloads.sha256}"
      data-parties-url="${url(contractPaths.parties)}"
      data-storage-key="kitemark:fill:${entry.id}@${version.version}"
    >
      <div class="error-summary" id="error-summary" tabindex="-1" role="alert" hidden>
        <h2 class="error-summary__title">There is a problem</h2>
        <ul class="error-summary__list" id="error-summary-list"></ul>
      </div>
      <p class="contract-actions">
        <button type="button" class="button button--secondary" id="fill-clear">
          Clear my answers
        </button>
      </p>
      <p class="contract-muted" id="fill-saved" role="status" aria-live="polite"></p>
      <h2>The parties</h2>
      <p>
        Choose the provider and the commissioner from the register, or type their details below.
      </p>
      ${partyPicker('provider', 'Find the provider on the register')}
      ${partyPicker('commissioner', 'Find the commissioner on the register')}
      <h2>The details</h2>
      ${fields}
      ${
        pricing
          ? html`<h2>The cost statement</h2>
              <div class="field" id="field-cost-statement">
                <label class="field__label" for="cost-statement-file"
                  >Import a cost statement <span class="field__optional">(optional)</span></label
                >
                <div class="field__hint" id="cost-statement-file-hint">
                  <p>
                    A cost statement saved from the
                    <a href="${url(contractPaths.pricing)}">full cost calculator</a> (JSON or CSV).
                    It goes in ${pricing}, and its full cost and volume fill in the price and
                    activity above.
                  </p>
                </div>
                <p class="field__error" id="cost-statement-file-error" hidden></p>
                <input
                  class="field__file"
                  type="file"
                  id="cost-statement-file"
                  accept=".json,application/json"
                  aria-describedby="cost-statement-file-hint"
                />
                <p class="contract-actions">
                  <button
                    type="button"
                    class="button button--secondary"
                    id="cost-statement-last"
                    hidden
                  >
                    Use the statement from the calculator
                  </button>
                  <button
                    type="button"
                    class="button button--secondary"
                    id="cost-statement-remove"
                    hidden
                  >
                    Remove the cost statement
                  </button>
                </p>
                <p
                  class="contract-muted"
                  id="cost-statement-status"
                  role="status"
                  aria-live="polite"
                ></p>
              </div>`
          : ''
      }
      <p class="contract-actions">
        <button type="submit" class="button" id="fill-submit">Make the contract</button>
      </p>
      <p class="contract-muted" id="fill-status" role="status" aria-live="polite"></p>
    </form>
    <section class="contract-preview" id="contract-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabindex="-1">The contract, with blanks to fill in</h2>
      <div class="contract-filled-actions no-print" id="filled-actions" hidden>
        <p>
          Check the contract carefully before you use it.
          <a href="#fill-form">Change your answers</a>.
        </p>
        <ul class="contract-actions">
          <li>
            <button type="button" class="button" data-action="print">Print the contract</button>
          </li>
          <li>
            <button type="button" class="button button--secondary" data-download="docx">
              Download as Word (DOCX)
            </button>
          </li>
          <li>
            <button type="button" class="button button--secondary" data-download="md">
              Download as Markdown
            </button>
          </li>
          <li>
            <button type="button" class="button button--secondary" data-download="html">
              Download as HTML
            </button>
          </li>
          <li>
            <button type="button" class="button button--secondary" data-download="json">
              Download as JSON
            </button>
          </li>
        </ul>
        <p class="contract-muted" id="download-status" role="status" aria-live="polite"></p>
      </div>
      <div class="contract-document" id="contract-document">
        ${raw(renderContractArticle(doc, { level: 3 }))}
      </div>
    </section>`;

  return renderPage(site, {
    title: `Fill in ${template.title}, version ${version.version}`,
    path: contractPaths.fill(entry.id, version.version),
    section: 'contracts',
    description: `Fill in ${template.title} to make a completed contract you can print and download.`,
    breadcrumbs: [
      { title: 'Contracts', path: contractPaths.index },
      { title: entry.title, path: contractPaths.template(entry.id) },
      {
        title: `Version ${version.version}`,
        path: contractPaths.version(entry.id, version.version),
      },
    ],
    scripts: ['contracts/fill.js'],
    bodyClass: 'contract-fill-page',
    body,
  });
}
