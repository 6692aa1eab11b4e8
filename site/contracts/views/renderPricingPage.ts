/**
 * `/contracts/pricing/`: the full cost recovery calculator. Without JavaScript the page
 * explains the method with a worked example (worked by the same model) and offers the blank
 * templates; with it, the form below works out a provider's own price and exports the cost
 * statement, and two statements can be compared line by line. Nothing leaves the browser.
 */
import { html, raw, type SafeHtml } from '../../../scripts/publish/kit/html.ts';
import { renderPage } from '../../../scripts/publish/kit/layout.ts';
import type { SiteInfo } from '../../../scripts/publish/kit/siteInfo.ts';
import { contractPaths, href, PRICING_FILES } from '../../../scripts/publish/kit/urls.ts';
import {
  calculateFullCost,
  type CategoryTitles,
} from '../../../scripts/lib/costs/calculateFullCost.ts';
import { APPORTIONMENT_BASES, BASES, UNITS } from '../../../scripts/lib/costs/costBases.ts';
import { makeCostStatement } from '../../../scripts/lib/costs/costStatement.ts';
import { orderedCategories } from '../../../scripts/lib/costs/costStatementCsv.ts';
import {
  renderCostSummary,
  renderCostTable,
} from '../../../scripts/lib/costs/renderCostStatementHtml.ts';
import {
  WORKED_EXAMPLE,
  WORKED_EXAMPLE_DETAILS,
} from '../../../scripts/lib/costs/workedExample.ts';
import { CONTINGENCY_CATEGORY } from '../../../scripts/lib/costs/costBases.ts';
import { stylesheet } from './viewHelpers.ts';

const SUGGESTED: Record<string, string> = {
  'direct-staff': 'direct',
  'direct-non-staff': 'direct',
  premises: 'floor-area',
  'management-and-governance': 'direct-staff-cost',
  'support-services': 'staff-time',
  'volunteer-costs': 'headcount',
  depreciation: 'floor-area',
};

function moneyInput(id: string, label: SafeHtml | string, hint?: string): SafeHtml {
  return html`<div class="field" id="field-${id}">
    <label class="field__label" for="${id}">${label}</label>
    ${hint ? html`<div class="field__hint" id="${id}-hint"><p>${hint}</p></div>` : ''}
    <p class="field__error" id="${id}-error" hidden></p>
    <div class="field__money">
      <span class="field__prefix" aria-hidden="true">£</span
      ><input
        class="field__input field__input--money"
        type="text"
        inputmode="decimal"
        spellcheck="false"
        autocomplete="off"
        id="${id}"
        name="${id}"
        ${hint ? html`aria-describedby="${id}-hint"` : ''}
      />
    </div>
  </div>`;
}

function numberInput(id: string, label: string, hint?: string): SafeHtml {
  return html`<div class="field" id="field-${id}">
    <label class="field__label" for="${id}">${label}</label>
    ${hint ? html`<div class="field__hint" id="${id}-hint"><p>${hint}</p></div>` : ''}
    <p class="field__error" id="${id}-error" hidden></p>
    <input
      class="field__input field__input--short"
      type="text"
      inputmode="decimal"
      spellcheck="false"
      autocomplete="off"
      id="${id}"
      name="${id}"
      ${hint ? html`aria-describedby="${id}-hint"` : ''}
    />
  </div>`;
}

function categoryFields(code: string, title: string, description: string): SafeHtml {
  const id = (field: string) => `c-${code}-${field}`;
  return html`<fieldset class="cost-category" data-category="${code}">
    <legend class="field__label">${title}</legend>
    <p class="field__hint">${description}</p>
    ${moneyInput(id('service_direct'), "The service's direct cost", 'What the service alone costs in this category.')}
    ${moneyInput(id('organisation_shared'), "The organisation's shared cost", 'The cost in this category that the organisation shares across all its work, to be shared out below. Leave empty if there is none.')}
    <div class="field" id="field-${id('basis')}">
      <label class="field__label" for="${id('basis')}">How the shared cost is shared out</label>
      <p class="field__error" id="${id('basis')}-error" hidden></p>
      <select class="field__input" id="${id('basis')}" name="${id('basis')}">
        ${['direct', ...APPORTIONMENT_BASES].map((b) => {
          const info = BASES.find((x) => x.code === b)!;
          return html`<option
            value="${b}"
            ${(SUGGESTED[code] ?? 'direct') === b ? raw('selected') : ''}
          >
            ${b === 'direct' ? 'Nothing shared: direct only' : info.title}
          </option>`;
        })}
      </select>
    </div>
    <div class="cost-measures">
      ${numberInput(id('service_measure'), "The service's measure", 'Square metres, staff, service users or per cent, as the basis counts. By direct staff cost, it is taken from the direct staff cost above.')}
      ${numberInput(id('other_measure'), "The rest of the organisation's measure", "The same measure for all the organisation's other work.")}
    </div>
  </fieldset>`;
}

export function renderPricingPage(
  site: SiteInfo,
  categories: CategoryTitles,
  descriptions: Readonly<Record<string, string>>,
): string {
  const url = (path: string) => href(site, path);
  const file = (name: string) => url(contractPaths.pricingFile(name));
  const example = calculateFullCost(WORKED_EXAMPLE, categories);
  if (!example.ok)
    throw new Error(`The worked example does not work: ${JSON.stringify(example.issues)}`);
  const statement = makeCostStatement(WORKED_EXAMPLE_DETAILS, example.result);
  const codes = orderedCategories(categories).filter((c) => c !== CONTINGENCY_CATEGORY);

  const body = html`${stylesheet(site)}
    <h1>Price a service at full cost</h1>
    <p class="lede">
      Work out what a service really costs to run, overheads included, so that a price recovers its
      full cost instead of only its direct cost. The result is a cost statement you can give a
      commissioner and put in the pricing schedule of a standard contract.
    </p>
    <h2 id="method">How full cost recovery works</h2>
    <ol class="cost-method">
      <li>
        <strong>Direct costs.</strong> Add up what the service alone causes: the pay of the staff
        who deliver it, their travel, materials and anything else used only for it.
      </li>
      <li>
        <strong>Shared costs.</strong> List what the organisation spends on things every service
        relies on: premises, management and governance, support services such as finance and HR,
        volunteer costs and depreciation.
      </li>
      <li>
        <strong>Share them out.</strong> Give the service a fair share of each shared cost, in
        proportion to something that drives it: direct staff cost, staff time, headcount, floor
        area, the number of service users, or a percentage you state (the service's and the rest of
        the organisation's adding up to 100).
      </li>
      <li>
        <strong>Contingency.</strong> Add a stated percentage of those costs for contingency and
        reserves.
      </li>
      <li>
        <strong>Price per unit.</strong> Divide the full cost by the service's volume in the year:
        hours, sessions, places or people.
      </li>
    </ol>
    <p>
      Money is worked in whole pence. A shared cost is split between the service and the rest of the
      organisation by the largest remainder method, so the two parts always add up to it: the
      service's share is its exact share rounded half up to the penny. Contingency and the price per
      unit are each rounded half up to the penny once.
    </p>
    <h2 id="example">A worked example</h2>
    <p>
      ${WORKED_EXAMPLE_DETAILS.service_name}: 1,200 sessions a year. The organisation's premises are
      shared by floor area (the service uses 120 of 800 square metres), management by direct staff
      cost, support services by staff time, volunteer costs by a stated 25%, and depreciation by
      headcount; contingency is 3%.
    </p>
    ${raw(renderCostTable(statement, categories, { caption: 'The worked example, line by line', result: example.result }))}
    ${raw(renderCostSummary(statement))}
    <h2 id="templates">Blank templates</h2>
    <p>
      Fill in a template in a spreadsheet, one line per cost category, then open it in the
      calculator below or give it to <code>kitemark price</code>. Amounts are in pounds.
    </p>
    <ul class="contract-downloads">
      <li>
        <a href="${file(PRICING_FILES.xlsx)}" download>Blank cost statement template (XLSX)</a>
      </li>
      <li><a href="${file(PRICING_FILES.csv)}" download>Blank cost statement template (CSV)</a></li>
      <li>
        <a href="${file(PRICING_FILES.exampleCsv)}" download
          >The worked example as a cost statement (CSV)</a
        >
      </li>
      <li>
        <a href="${file(PRICING_FILES.exampleJson)}" download
          >The worked example as a cost statement (JSON)</a
        >
      </li>
    </ul>
    <div class="notice contract-needs-script" id="pricing-needs-script">
      <p>
        The calculator needs JavaScript, which is turned off or has not loaded. You can still work
        out a price by hand with the method and a blank template above.
      </p>
    </div>
    <form
      class="contract-fill-form cost-form no-print"
      id="pricing-form"
      novalidate
      hidden
      data-categories="${JSON.stringify(categories)}"
    >
      <h2 id="calculator">Work out your price</h2>
      <p>
        Your figures stay in this browser: nothing is sent to the Kitemark Register or anyone else.
      </p>
      <div class="error-summary" id="error-summary" tabindex="-1" role="alert" hidden>
        <h2 class="error-summary__title">There is a problem</h2>
        <ul class="error-summary__list" id="error-summary-list"></ul>
      </div>
      <div class="field">
        <label class="field__label" for="statement-file"
          >Open a filled template or cost statement
          <span class="field__optional">(optional)</span></label
        >
        <div class="field__hint" id="statement-file-hint">
          <p>
            A CSV in the layout of the blank template, or a cost statement saved from this page
            (JSON or CSV).
          </p>
        </div>
        <p class="field__error" id="statement-file-error" hidden></p>
        <input
          class="field__file"
          type="file"
          id="statement-file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="statement-file-hint"
        />
      </div>
      <h3>The service</h3>
      <div class="field" id="field-provider_name">
        <label class="field__label" for="provider_name">Your organisation's name</label>
        <p class="field__error" id="provider_name-error" hidden></p>
        <input
          class="field__input"
          type="text"
          id="provider_name"
          name="provider_name"
          autocomplete="organization"
        />
      </div>
      <div class="field" id="field-service_name">
        <label class="field__label" for="service_name">The service</label>
        <p class="field__error" id="service_name-error" hidden></p>
        <input
          class="field__input"
          type="text"
          id="service_name"
          name="service_name"
          autocomplete="off"
        />
      </div>
      <fieldset class="field" id="field-unit">
        <legend class="field__label">What the service counts</legend>
        <p class="field__error" id="unit-error" hidden></p>
        <div class="field__radios">
          ${UNITS.map(
            (u, i) =>
              html`<div class="field__radio">
                <input
                  type="radio"
                  id="unit-${i + 1}"
                  name="unit"
                  value="${u.code}"
                  ${u.code === 'hour' ? raw('checked') : ''}
                /><label for="unit-${i + 1}">${u.many[0]!.toUpperCase()}${u.many.slice(1)}</label>
              </div>`,
          )}
        </div>
      </fieldset>
      ${numberInput('volume', 'Volume in the year', 'How many of them the service delivers in the year the price is for.')}
      <h3>Costs by category</h3>
      <p>
        For each category, the service's direct cost, then any shared cost of the organisation and
        how to share it out.
      </p>
      ${codes.map((c) => categoryFields(c, categories[c] ?? c, descriptions[c] ?? ''))}
      <h3>${categories[CONTINGENCY_CATEGORY] ?? 'Contingency and reserves'}</h3>
      ${numberInput(`c-${CONTINGENCY_CATEGORY}-service_measure`, 'Contingency, per cent of the other costs', 'Most providers use 2 to 10 per cent.')}
      <p class="contract-actions">
        <button type="submit" class="button" id="pricing-submit">Work out the price</button>
      </p>
    </form>
    <section class="cost-result" id="cost-result" aria-labelledby="result-heading" hidden>
      <h2 id="result-heading" tabindex="-1">Your price</h2>
      <div id="cost-result-body"></div>
      <ul class="contract-actions no-print">
        <li>
          <button type="button" class="button" data-export="json">
            Save the cost statement (JSON)
          </button>
        </li>
        <li>
          <button type="button" class="button button--secondary" data-export="csv">
            Save the cost statement (CSV)
          </button>
        </li>
      </ul>
      <p>
        To put this price in a contract, save the cost statement, then open it in the fill-in form
        of a <a href="${url(contractPaths.index)}">standard contract</a>.
      </p>
      <p class="contract-muted" id="export-status" role="status" aria-live="polite"></p>
    </section>
    <section
      class="cost-compare-section no-print"
      id="compare"
      aria-labelledby="compare-heading"
      hidden
    >
      <h2 id="compare-heading">Compare two cost statements</h2>
      <p>
        For a commissioner weighing bids: open two cost statements to see them side by side, line by
        line.
      </p>
      <div class="field">
        <label class="field__label" for="compare-a">First statement (A)</label>
        <input
          class="field__file"
          type="file"
          id="compare-a"
          accept=".csv,.json,text/csv,application/json"
        />
      </div>
      <div class="field">
        <label class="field__label" for="compare-b">Second statement (B)</label>
        <input
          class="field__file"
          type="file"
          id="compare-b"
          accept=".csv,.json,text/csv,application/json"
        />
      </div>
      <p class="field__error" id="compare-error" role="alert" hidden></p>
      <div id="compare-result" tabindex="-1"></div>
    </section>`;

  return renderPage(site, {
    title: 'Price a service at full cost',
    path: contractPaths.pricing,
    section: 'contracts',
    description:
      'A full cost recovery calculator: price a service with its fair share of overheads, and make a cost statement for a contract.',
    breadcrumbs: [{ title: 'Contracts', path: contractPaths.index }],
    scripts: ['contracts/pricing.js'],
    bodyClass: 'contract-pricing-page',
    body,
  });
}
