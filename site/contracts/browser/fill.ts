/**
 * The fill-in form, in the browser. It checks the answers with the same `fillContract` the
 * build uses, shows problems in the GOV.UK error summary pattern, and renders the completed
 * contract with the same renderers as the downloads. Every value reaches the page through
 * those renderers, which escape it, or through `textContent`.
 *
 * The DOCX is made by filling the build's DOCX skeleton and zipping it with a few kilobytes of
 * code, rather than shipping the `docx` library to the browser.
 *
 * Bundled by esbuild at build time (scripts/publish/contracts/bundleBrowserScripts.ts) into
 * /assets/contracts/fill.js.
 */
import type { ContractTemplate } from '../../../scripts/lib/types.generated.ts';
import {
  fillContract,
  type FilledContract,
  type ValueIssue,
} from '../../../scripts/lib/contracts/fillContract.ts';
import {
  describeContract,
  type CodeTitles,
} from '../../../scripts/lib/contracts/describeContract.ts';
import {
  renderContractArticle,
  renderContractHtml,
} from '../../../scripts/lib/contracts/renderContractHtml.ts';
import { renderContractMarkdown } from '../../../scripts/lib/contracts/renderContractMarkdown.ts';
import { renderContractJson } from '../../../scripts/lib/contracts/renderContractJson.ts';
import { fillDocxSkeleton, type DocxSkeleton } from '../../../scripts/lib/contracts/fillDocx.ts';
import { zipFiles } from '../../../scripts/lib/contracts/zipFiles.ts';
import { getJson, saveFile } from './browserFiles.ts';
import { readCostStatement, type CostStatement } from '../../../scripts/lib/costs/costStatement.ts';
import { penceToPounds, formatPence } from '../../../scripts/lib/costs/money.ts';
import type {
  ContractParties,
  ContractParty,
} from '../../../scripts/lib/contracts/listContractParties.ts';

/** Where the calculator leaves its last statement (pricing.ts). */
const CALCULATOR_STATEMENT = 'kitemark:cost-statement';

interface SavedAnswers {
  values: Record<string, string>;
  made: boolean;
  costStatement?: CostStatement;
  addresses?: Record<string, string>;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const form = document.getElementById('fill-form') as HTMLFormElement | null;

/** Raw DEFLATE through the browser's own compressor, where it has one. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function canDeflate(): boolean {
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

function setup(form: HTMLFormElement): void {
  const status = document.getElementById('fill-status')!;
  const summary = document.getElementById('error-summary')!;
  const summaryList = document.getElementById('error-summary-list')!;
  const heading = document.getElementById('preview-heading')!;
  const documentArea = document.getElementById('contract-document')!;
  const actions = document.getElementById('filled-actions')!;
  const downloadStatus = document.getElementById('download-status')!;
  const submit = document.getElementById('fill-submit') as HTMLButtonElement;

  form.hidden = false;
  document.getElementById('fill-needs-script')?.setAttribute('hidden', '');
  submit.disabled = true;
  status.textContent = 'Loading the template…';

  let template: ContractTemplate | undefined;
  let titles: CodeTitles | undefined;
  let filled: FilledContract | undefined;
  let skeleton: Promise<DocxSkeleton> | undefined;
  let costStatement: CostStatement | undefined;
  /** Addresses of parties chosen from the register, for the execution block. */
  let addresses: Record<string, string> = {};
  /** Answers changed since the contract was last printed or downloaded. */
  let dirty = false;
  const sha256 = form.dataset['templateSha256'];
  const storageKey = form.dataset['storageKey'] ?? 'kitemark:fill';
  const savedStatus = document.getElementById('fill-saved')!;
  const blankContract = documentArea.innerHTML;
  const blankHeading = heading.textContent;

  const control = (name: string): HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null =>
    form.elements.namedItem(`p-${name}`) as
      HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null;

  const dateParts = (name: string) =>
    (['day', 'month', 'year'] as const).map(
      (part) => form.elements.namedItem(`p-${name}-${part}`) as HTMLInputElement | null,
    );
  /** Day, month and year as YYYY-MM-DD; parts that are not numbers are kept, to be refused. */
  const dateValue = (name: string): string => {
    const [d = '', m = '', y = ''] = dateParts(name).map((i) => i?.value.trim() ?? '');
    if (!d && !m && !y) return '';
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return `${y}-${m}-${d}`;
  };
  const setDate = (name: string, value: string) => {
    const [day, month, year] = dateParts(name);
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    if (day) day.value = match ? String(Number(match[3])) : '';
    if (month) month.value = match ? String(Number(match[2])) : '';
    if (year) year.value = match ? match[1]! : value;
  };

  const values = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const p of template?.parameters ?? []) {
      if (p.type === 'date') {
        map.set(p.name, dateValue(p.name));
        continue;
      }
      const c = control(p.name);
      if (c) map.set(p.name, c.value);
    }
    return map;
  };

  /** Puts one answer in its field, whatever kind of field it is. */
  const setValue = (name: string, value: string) => {
    const parameter = template?.parameters.find((p) => p.name === name);
    if (parameter?.type === 'date') {
      setDate(name, value);
      return;
    }
    const c = control(name);
    if (!c) return;
    if (c instanceof RadioNodeList) {
      for (const radio of c) {
        const input = radio as HTMLInputElement;
        input.checked = input.value === value;
      }
    } else c.value = value;
  };

  const save = () => {
    const saved: SavedAnswers = {
      values: Object.fromEntries(values()),
      made: filled !== undefined,
      ...(costStatement ? { costStatement } : {}),
      addresses,
    };
    try {
      storage()?.setItem(storageKey, JSON.stringify(saved));
    } catch {
      // Storage full or turned off: the form still works, answers just do not survive a reload.
    }
  };

  const clearErrors = () => {
    summary.hidden = true;
    summaryList.replaceChildren();
    for (const field of form.querySelectorAll<HTMLElement>('.field')) {
      field.classList.remove('field--error');
      const error = field.querySelector<HTMLElement>('.field__error');
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
      const hintId = `p-${field.dataset['parameter'] ?? ''}-hint`;
      if (field.tagName === 'FIELDSET') field.setAttribute('aria-describedby', hintId);
      for (const input of field.querySelectorAll('input, textarea')) {
        input.removeAttribute('aria-invalid');
        if (input.getAttribute('aria-describedby')) input.setAttribute('aria-describedby', hintId);
      }
    }
  };

  const showErrors = (errors: readonly ValueIssue[]) => {
    clearErrors();
    for (const e of errors) {
      const field = document.getElementById(`field-${e.parameter}`);
      const inputs = field?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input, textarea',
      );
      const first = inputs?.[0];
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${first?.id ?? `field-${e.parameter}`}`;
      link.textContent = e.message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        first?.focus();
        field?.scrollIntoView({ block: 'center' });
      });
      item.append(link);
      summaryList.append(item);
      if (!field) continue;
      field.classList.add('field--error');
      const error = field.querySelector<HTMLElement>('.field__error');
      if (error) {
        error.hidden = false;
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = 'Error: ';
        error.replaceChildren(hidden, document.createTextNode(e.message));
      }
      // The error is read out with the field: first the error, then the hint.
      const describedBy = `p-${e.parameter}-error p-${e.parameter}-hint`;
      if (field.tagName === 'FIELDSET') field.setAttribute('aria-describedby', describedBy);
      for (const input of inputs ?? []) {
        input.setAttribute('aria-invalid', 'true');
        if (input.getAttribute('aria-describedby'))
          input.setAttribute('aria-describedby', describedBy);
      }
    }
    summary.hidden = false;
    summary.focus();
  };

  const render = (focus: boolean) => {
    if (!template || !titles) return;
    const result = fillContract(template, values());
    if (!result.ok) {
      filled = undefined;
      if (focus) showErrors(result.errors);
      return;
    }
    clearErrors();
    filled = {
      ...result.contract,
      ...(costStatement ? { costStatement } : {}),
      ...(Object.keys(addresses).length ? { addresses } : {}),
    };
    const doc = describeContract(template, {
      contract: filled,
      titles,
      ...(sha256 ? { templateSha256: sha256 } : {}),
    });
    // The renderer escapes every value; nothing typed into the form is markup.
    documentArea.innerHTML = renderContractArticle(doc, { level: 3 });
    heading.textContent = 'Your completed contract';
    actions.hidden = false;
    status.textContent = 'The contract is ready below.';
    save();
    if (focus) heading.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render(true);
  });

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    // The search boxes and file inputs are not answers.
    if (target.closest('.party-picker') || (target as HTMLInputElement).type === 'file') return;
    // A name typed by hand is no longer the register's: its address no longer applies.
    const name = (target as HTMLInputElement).name?.replace(/^p-/, '');
    if (name && Object.hasOwn(addresses, name)) delete addresses[name];
    dirty = true;
    save();
  });

  window.addEventListener('beforeunload', (event) => {
    if (!dirty) return;
    // Answers are kept for this tab, but a closed tab loses them: ask before leaving.
    event.preventDefault();
    event.returnValue = '';
  });

  document.getElementById('fill-clear')?.addEventListener('click', () => {
    storage()?.removeItem(storageKey);
    form.reset();
    costStatement = undefined;
    addresses = {};
    filled = undefined;
    dirty = false;
    clearErrors();
    showStatement();
    documentArea.innerHTML = blankContract;
    heading.textContent = blankHeading;
    actions.hidden = true;
    status.textContent = '';
    savedStatus.textContent = 'Your answers have been cleared.';
  });

  // Choosing a party from the register.
  let parties: Promise<ContractParties> | undefined;
  const choose = (kind: string, party: ContractParty) => {
    const has = (name: string) => template?.parameters.some((p) => p.name === name);
    if (party.address) addresses[`${kind}_name`] = party.address;
    else delete addresses[`${kind}_name`];
    if (kind === 'provider') {
      setValue('provider_name', party.name);
      if (party.number && has('provider_charity_number'))
        setValue('provider_charity_number', party.number);
    } else setValue('commissioner_name', party.name);
    dirty = true;
    save();
    const target = document.getElementById(`p-${kind}_name`);
    document.getElementById(`pick-${kind}-status`)!.textContent =
      `Filled in the details of ${party.name}.`;
    document.getElementById(`pick-${kind}-results`)!.replaceChildren();
    target?.focus();
  };
  const find = (kind: string) => {
    const search = document.getElementById(`pick-${kind}`) as HTMLInputElement;
    const results = document.getElementById(`pick-${kind}-results`)!;
    const pickStatus = document.getElementById(`pick-${kind}-status`)!;
    const query = search.value.trim().toLowerCase();
    if (query.length < 2) {
      pickStatus.textContent = 'Type at least two letters of the name.';
      return;
    }
    parties ??= getJson<ContractParties>(form.dataset['partiesUrl']!);
    parties
      .then((all) => {
        const list = kind === 'provider' ? all.providers : all.commissioners;
        const matches = list.filter(
          (p) =>
            p.name.toLowerCase().includes(query) ||
            p.id.toLowerCase() === query ||
            p.number === query,
        );
        results.replaceChildren(
          ...matches.slice(0, 10).map((party) => {
            const item = document.createElement('li');
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'button button--secondary';
            button.textContent = `Choose ${party.name}`;
            button.addEventListener('click', () => choose(kind, party));
            const about = document.createElement('span');
            about.className = 'contract-muted';
            about.textContent = [party.numberLabel, party.address].filter(Boolean).join(', ');
            item.append(button, ' ', about);
            return item;
          }),
        );
        pickStatus.textContent =
          matches.length === 0
            ? `Nothing on the register matches "${search.value.trim()}".`
            : matches.length > 10
              ? `${matches.length} match; the first 10 are shown. Type more of the name to narrow them.`
              : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}.`;
      })
      .catch(() => {
        parties = undefined;
        pickStatus.textContent = 'The register could not be loaded. Type the details instead.';
      });
  };
  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-find]')) {
    const kind = button.dataset['find']!;
    button.addEventListener('click', () => find(kind));
    document.getElementById(`pick-${kind}`)?.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      // Enter in the search box finds; it does not make the contract.
      event.preventDefault();
      find(kind);
    });
  }

  // Importing a cost statement into the pricing schedule.
  const statementFile = document.getElementById('cost-statement-file') as HTMLInputElement | null;
  const statementStatus = document.getElementById('cost-statement-status');
  const statementError = document.getElementById('cost-statement-file-error');
  const lastButton = document.getElementById('cost-statement-last');
  const removeButton = document.getElementById('cost-statement-remove');
  const showStatement = () => {
    if (removeButton) removeButton.hidden = !costStatement;
    if (statementStatus)
      statementStatus.textContent = costStatement
        ? `The cost statement for ${costStatement.service_name} (${costStatement.provider_name}), full cost ${formatPence(costStatement.totals.full_cost_pence)}, goes in the pricing schedule.`
        : '';
  };
  const useStatement = (statement: CostStatement) => {
    costStatement = statement;
    const has = (name: string, type: string) =>
      template?.parameters.some((p) => p.name === name && p.type === type);
    if (has('contract_value', 'money'))
      setValue('contract_value', penceToPounds(statement.totals.full_cost_pence));
    if (has('indicative_annual_volume', 'integer') && Number.isInteger(statement.volume))
      setValue('indicative_annual_volume', String(statement.volume));
    if (statementError) statementError.hidden = true;
    dirty = true;
    showStatement();
    save();
    if (filled) render(false);
  };
  const showProblem = (message: string) => {
    if (!statementError) return;
    statementError.hidden = false;
    statementError.textContent = message;
  };
  statementFile?.addEventListener('change', () => {
    const file = statementFile.files?.[0];
    if (!file || !titles) return;
    const categories = titles.costCategories;
    // JSON only: the CSV reader stays with the calculator, which opens a CSV and saves JSON.
    file
      .text()
      .then((text) => {
        const read = readCostStatement(JSON.parse(text), categories);
        if (read.ok) useStatement(read.statement);
        else
          showProblem(
            `The cost statement cannot be used: ${read.issues
              .slice(0, 3)
              .map((i) => `${i.message} ${i.fix}`)
              .join(' ')}`,
          );
      })
      .catch(() =>
        showProblem(
          'The file is not a cost statement in JSON. Open it in the calculator and save it as JSON.',
        ),
      );
  });
  lastButton?.addEventListener('click', () => {
    const text = storage()?.getItem(CALCULATOR_STATEMENT);
    if (!text || !titles) return;
    try {
      const read = readCostStatement(JSON.parse(text), titles.costCategories);
      if (read.ok) useStatement(read.statement);
      else showProblem('The statement from the calculator cannot be used: work it out again.');
    } catch {
      showProblem('The statement from the calculator cannot be used: work it out again.');
    }
  });
  removeButton?.addEventListener('click', () => {
    costStatement = undefined;
    showStatement();
    save();
    if (filled) render(false);
  });

  actions.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !template || !titles || !filled) return;
    dirty = false;
    if (button.dataset['action'] === 'print') {
      window.print();
      return;
    }
    const format = button.dataset['download'];
    const base = `${template.id}-${template.version}-completed`;
    const contract = filled;
    const siteName = form.dataset['siteName'];
    if (format === 'html') {
      const options = {
        contract,
        titles,
        ...(siteName ? { siteName } : {}),
        ...(sha256 ? { templateSha256: sha256 } : {}),
      };
      saveFile(`${base}.html`, 'text/html', renderContractHtml(template, options));
    } else if (format === 'md') {
      saveFile(
        `${base}.md`,
        'text/markdown',
        renderContractMarkdown(template, {
          contract,
          titles,
          ...(sha256 ? { templateSha256: sha256 } : {}),
        }),
      );
    } else if (format === 'json') {
      saveFile(`${base}.json`, 'application/json', renderContractJson(template, contract, titles));
    } else if (format === 'docx') {
      downloadStatus.textContent = 'Making the Word document…';
      skeleton ??= getJson<DocxSkeleton>(form.dataset['docxUrl']!);
      const id = template.id;
      skeleton
        .then((s) => zipFiles(fillDocxSkeleton(s, contract), canDeflate() ? deflate : undefined))
        .then((bytes) => {
          saveFile(
            `${base}.docx`,
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            bytes as BlobPart,
          );
          downloadStatus.textContent = 'The Word document has been made.';
        })
        .catch(() => {
          skeleton = undefined;
          downloadStatus.textContent = `The Word document could not be made. Try again, or download the ${id} template instead.`;
        });
    }
  });

  Promise.all([
    getJson<ContractTemplate>(form.dataset['templateUrl']!),
    getJson<CodeTitles>(form.dataset['titlesUrl']!),
  ])
    .then(([t, c]) => {
      template = t;
      titles = c;
      submit.disabled = false;
      status.textContent = '';
      if (lastButton && storage()?.getItem(CALCULATOR_STATEMENT)) lastButton.hidden = false;
      // Answers in the address (a shared link) fill the form; they are only ever values.
      const query = new URLSearchParams(window.location.search);
      let given = false;
      for (const p of t.parameters) {
        const value = query.get(p.name);
        if (value === null) continue;
        given = true;
        setValue(p.name, value);
      }
      if (given) {
        render(false);
        return;
      }
      // Otherwise the answers this tab kept, so a reload loses nothing.
      let saved: SavedAnswers | undefined;
      try {
        saved = JSON.parse(storage()?.getItem(storageKey) ?? 'null') as SavedAnswers | undefined;
      } catch {
        saved = undefined;
      }
      if (!saved || typeof saved.values !== 'object' || saved.values === null) return;
      for (const [name, value] of Object.entries(saved.values))
        if (typeof value === 'string') setValue(name, value);
      if (saved.addresses && typeof saved.addresses === 'object') {
        for (const [name, address] of Object.entries(saved.addresses))
          if (typeof address === 'string') addresses[name] = address;
      }
      if (saved.costStatement) {
        const read = readCostStatement(saved.costStatement, c.costCategories);
        if (read.ok) costStatement = read.statement;
        showStatement();
      }
      savedStatus.textContent = 'Your answers from earlier in this tab have been put back.';
      if (saved.made) render(false);
    })
    .catch(() => {
      status.textContent =
        'The template could not be loaded, so the form cannot be used. Reload the page to try again.';
    });
}

if (form) setup(form);
