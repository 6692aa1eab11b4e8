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

const form = document.getElementById('fill-form') as HTMLFormElement | null;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

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

function saveFile(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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

  const control = (name: string): HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null =>
    form.elements.namedItem(`p-${name}`) as
      HTMLInputElement | HTMLTextAreaElement | RadioNodeList | null;

  const values = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const p of template?.parameters ?? []) {
      const c = control(p.name);
      if (c) map.set(p.name, c.value);
    }
    return map;
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
    filled = result.contract;
    const doc = describeContract(template, { contract: filled, titles });
    // The renderer escapes every value; nothing typed into the form is markup.
    documentArea.innerHTML = renderContractArticle(doc, { level: 3 });
    heading.textContent = 'Your completed contract';
    actions.hidden = false;
    status.textContent = 'The contract is ready below.';
    if (focus) heading.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render(true);
  });

  actions.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button || !template || !titles || !filled) return;
    if (button.dataset['action'] === 'print') {
      window.print();
      return;
    }
    const format = button.dataset['download'];
    const base = `${template.id}-${template.version}-completed`;
    const contract = filled;
    const siteName = form.dataset['siteName'];
    if (format === 'html') {
      const options = siteName ? { contract, titles, siteName } : { contract, titles };
      saveFile(`${base}.html`, 'text/html', renderContractHtml(template, options));
    } else if (format === 'md') {
      saveFile(
        `${base}.md`,
        'text/markdown',
        renderContractMarkdown(template, { contract, titles }),
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
      // Answers in the address (a shared link) fill the form; they are only ever values.
      const query = new URLSearchParams(window.location.search);
      let given = false;
      for (const p of t.parameters) {
        const value = query.get(p.name);
        const c = control(p.name);
        if (value === null || !c) continue;
        given = true;
        if (c instanceof RadioNodeList) {
          for (const radio of c) {
            const input = radio as HTMLInputElement;
            input.checked = input.value === value;
          }
        } else c.value = value;
      }
      if (given) render(false);
    })
    .catch(() => {
      status.textContent =
        'The template could not be loaded, so the form cannot be used. Reload the page to try again.';
    });
}

if (form) setup(form);
