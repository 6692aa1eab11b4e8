/**
 * The full cost recovery calculator, in the browser: reads the form into the same
 * `calculateFullCost` the build and `kitemark price` use, shows problems in the GOV.UK error
 * summary pattern linked to their fields, and shows the working line by line. Saves the cost
 * statement as JSON or CSV; opens a filled template or statement; compares two statements.
 * Every value reaches the page through the escaping renderers or `textContent`.
 *
 * Bundled by esbuild at build time into /assets/contracts/pricing.js.
 */
import {
  calculateFullCost,
  type CategoryTitles,
  type CostLineInput,
} from '../../../scripts/lib/costs/calculateFullCost.ts';
import { CONTINGENCY_CATEGORY } from '../../../scripts/lib/costs/costBases.ts';
import {
  makeCostStatement,
  readCostStatement,
  type CostStatement,
} from '../../../scripts/lib/costs/costStatement.ts';
import {
  formatCostStatementCsv,
  orderedCategories,
} from '../../../scripts/lib/costs/costStatementCsv.ts';
import { compareCostStatements } from '../../../scripts/lib/costs/compareCostStatements.ts';
import { parsePounds, penceToPounds } from '../../../scripts/lib/costs/money.ts';
import {
  renderComparisonTable,
  renderCostSummary,
  renderCostTable,
} from '../../../scripts/lib/costs/renderCostStatementHtml.ts';
import { fileSlug, saveFile } from './browserFiles.ts';
import { readStatementFile } from './readStatementFile.ts';

/** Where the last statement worked out waits for the contract fill-in form. */
export const STATEMENT_KEY = 'kitemark:cost-statement';

const form = document.getElementById('pricing-form') as HTMLFormElement | null;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function setup(form: HTMLFormElement): void {
  const categories = JSON.parse(form.dataset['categories'] ?? '{}') as CategoryTitles;
  const codes = orderedCategories(categories);
  const summary = document.getElementById('error-summary')!;
  const summaryList = document.getElementById('error-summary-list')!;
  const result = document.getElementById('cost-result')!;
  const resultBody = document.getElementById('cost-result-body')!;
  const resultHeading = document.getElementById('result-heading')!;
  const exportStatus = document.getElementById('export-status')!;
  const fileInput = document.getElementById('statement-file') as HTMLInputElement;
  const fileError = document.getElementById('statement-file-error')!;
  form.hidden = false;
  document.getElementById('compare')!.hidden = false;
  document.getElementById('pricing-needs-script')!.hidden = true;
  let statement: CostStatement | undefined;

  const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;
  const text = (id: string) => input(id)?.value.trim() ?? '';
  const unitControl = () => form.elements.namedItem('unit') as RadioNodeList;

  const clearErrors = () => {
    summary.hidden = true;
    summaryList.replaceChildren();
    for (const el of form.querySelectorAll<HTMLElement>('.field--error'))
      el.classList.remove('field--error');
    for (const el of form.querySelectorAll<HTMLElement>('.field__error')) {
      if (el === fileError) continue;
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };

  const showErrors = (errors: { id: string; message: string }[]) => {
    clearErrors();
    for (const e of errors) {
      const control = input(e.id);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${e.id}`;
      link.textContent = e.message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control?.focus();
      });
      item.append(link);
      summaryList.append(item);
      const fieldId = e.id === 'unit-1' ? 'field-unit' : `field-${e.id}`;
      const field = document.getElementById(fieldId);
      const message = document.getElementById(`${e.id === 'unit-1' ? 'unit' : e.id}-error`);
      field?.classList.add('field--error');
      if (message) {
        message.hidden = false;
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = 'Error: ';
        message.replaceChildren(hidden, document.createTextNode(e.message));
        control?.setAttribute('aria-invalid', 'true');
        control?.setAttribute(
          'aria-describedby',
          [message.id, input(e.id)?.getAttribute('aria-describedby')?.replace(message.id, '')]
            .filter(Boolean)
            .join(' ')
            .trim(),
        );
      }
    }
    summary.hidden = false;
    summary.focus();
  };

  /** The form's figures as the calculator takes them; amounts people typed in pounds. */
  const read = () => {
    const errors: { id: string; message: string }[] = [];
    const lines: CostLineInput[] = codes.map((code) => {
      const id = (f: string) => `c-${code}-${f}`;
      const pounds = (f: string) => {
        const t = text(id(f));
        if (t === '') return undefined;
        const pence = parsePounds(t);
        if (pence === undefined)
          errors.push({
            id: id(f),
            message: `${categories[code]}: "${t}" is not an amount in pounds, like 86400 or 1,250.50`,
          });
        return pence ?? 0;
      };
      if (code === CONTINGENCY_CATEGORY) {
        return {
          category: code,
          basis: 'contingency',
          service_measure: text(id('service_measure')) || '0',
        };
      }
      const basis = (input(id('basis')) as unknown as HTMLSelectElement | null)?.value ?? 'direct';
      return {
        category: code,
        basis,
        service_direct_pence: pounds('service_direct'),
        organisation_shared_pence: pounds('organisation_shared'),
        ...(text(id('service_measure')) && basis !== 'direct-staff-cost'
          ? { service_measure: text(id('service_measure')) }
          : {}),
        ...(text(id('other_measure')) ? { other_measure: text(id('other_measure')) } : {}),
      };
    });
    return { errors, lines };
  };

  const fieldFor = (line: number | undefined, field: string) => {
    if (line === undefined) return field === 'unit' ? 'unit-1' : 'volume';
    const code = codes[line]!;
    const f = field.replace(/_pence$/, '');
    return `c-${code}-${f === 'category' || f === 'lines' ? 'service_direct' : f}`;
  };

  const calculate = (focus: boolean) => {
    const { errors, lines } = read();
    const details = {
      provider_name: text('provider_name'),
      service_name: text('service_name'),
      prepared_on: today(),
    };
    if (!details.provider_name)
      errors.unshift({ id: 'provider_name', message: "Enter your organisation's name" });
    if (!details.service_name && errors.length <= 1)
      errors.splice(details.provider_name ? 0 : 1, 0, {
        id: 'service_name',
        message: 'Enter the name of the service',
      });
    const unit = unitControl().value;
    const worked = calculateFullCost({ unit, volume: text('volume'), lines }, categories);
    if (!worked.ok)
      for (const i of worked.issues)
        errors.push({
          id: i.code === 'cost/empty' ? `c-direct-staff-service_direct` : fieldFor(i.line, i.field),
          message: i.message,
        });
    if (errors.length > 0 || !worked.ok) {
      statement = undefined;
      result.hidden = true;
      if (focus) showErrors(errors);
      return;
    }
    const made = makeCostStatement(details, worked.result);
    // The statement's own checks (a name a spreadsheet would run, and the like).
    const checked = readCostStatement(made, categories);
    if (!checked.ok) {
      if (focus)
        showErrors(checked.issues.map((i) => ({ id: i.path.slice(1), message: i.message })));
      return;
    }
    clearErrors();
    statement = made;
    resultBody.innerHTML =
      renderCostTable(made, categories, {
        caption: `${made.service_name}, line by line`,
        result: worked.result,
      }) + renderCostSummary(made);
    result.hidden = false;
    try {
      sessionStorage.setItem(STATEMENT_KEY, JSON.stringify(made));
    } catch {
      // Storage may be full or turned off; saving the file still works.
    }
    if (focus) resultHeading.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    calculate(true);
  });

  result.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !statement) return;
    const base = `${fileSlug(statement.service_name)}-cost-statement`;
    if (button.dataset['export'] === 'json') {
      saveFile(`${base}.json`, 'application/json', `${JSON.stringify(statement, null, 2)}\n`);
    } else {
      saveFile(`${base}.csv`, 'text/csv', formatCostStatementCsv(statement, categories));
    }
    exportStatus.textContent = 'The cost statement has been saved.';
  });

  /** Fills the form from a statement's fields, as far as they go. */
  const fill = (value: Record<string, unknown>) => {
    const set = (id: string, v: unknown) => {
      const el = input(id);
      if (el) el.value = v === undefined || v === null ? '' : String(v);
    };
    set('provider_name', value['provider_name']);
    set('service_name', value['service_name']);
    set('volume', value['volume']);
    for (const radio of unitControl()) {
      const r = radio as HTMLInputElement;
      r.checked = r.value === value['unit'];
    }
    const lines = Array.isArray(value['lines'])
      ? (value['lines'] as Record<string, unknown>[])
      : [];
    for (const code of codes) {
      const line = lines.find((l) => l['category'] === code) ?? {};
      const id = (f: string) => `c-${code}-${f}`;
      const pounds = (v: unknown) => (typeof v === 'number' ? penceToPounds(v) : '');
      if (code === CONTINGENCY_CATEGORY) {
        set(id('service_measure'), line['service_measure']);
        continue;
      }
      set(id('service_direct'), pounds(line['service_direct_pence']));
      set(id('organisation_shared'), pounds(line['organisation_shared_pence']));
      const basis = document.getElementById(id('basis')) as HTMLSelectElement | null;
      if (basis && typeof line['basis'] === 'string') basis.value = line['basis'];
      set(
        id('service_measure'),
        line['basis'] === 'direct-staff-cost' ? '' : line['service_measure'],
      );
      set(id('other_measure'), line['other_measure']);
    }
  };

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    fileError.hidden = true;
    readStatementFile(file, categories)
      .then((r) => {
        if (r.ok) {
          fill(r.statement as unknown as Record<string, unknown>);
          calculate(true);
          return;
        }
        if (r.value) fill(r.value);
        calculate(true);
      })
      .catch(() => {
        fileError.hidden = false;
        fileError.textContent = 'The file could not be read. Choose a CSV or JSON cost statement.';
      });
  });

  // Comparing two statements.
  const compareA = document.getElementById('compare-a') as HTMLInputElement;
  const compareB = document.getElementById('compare-b') as HTMLInputElement;
  const compareError = document.getElementById('compare-error')!;
  const compareResult = document.getElementById('compare-result')!;
  const compare = async () => {
    const a = compareA.files?.[0];
    const b = compareB.files?.[0];
    compareError.hidden = true;
    if (!a || !b) return;
    const [ra, rb] = await Promise.all([
      readStatementFile(a, categories),
      readStatementFile(b, categories),
    ]);
    if (!ra.ok || !rb.ok) {
      const problems = [
        ...(ra.ok ? [] : ra.problems.map((p) => `A: ${p}`)),
        ...(rb.ok ? [] : rb.problems.map((p) => `B: ${p}`)),
      ];
      compareError.hidden = false;
      compareError.textContent = problems.slice(0, 5).join(' ');
      compareResult.replaceChildren();
      return;
    }
    compareResult.innerHTML = renderComparisonTable(
      compareCostStatements(ra.statement, rb.statement, categories),
      ra.statement,
      rb.statement,
    );
  };
  compareA.addEventListener('change', () => void compare());
  compareB.addEventListener('change', () => void compare());
}

if (form) setup(form);
