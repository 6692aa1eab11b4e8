/**
 * A contract as HTML: the pieces the site's pages place in their own layout (contents, key
 * details, parts, history) and a standalone document for download and printing. Every piece of
 * text is escaped here, once: clause text, headings, guidance and filled values can hold
 * anything a pull request or a person filling in the form puts there, and `<b>` in a clause is
 * shown as the characters `<b>`. Pure; bundled into the browser for the fill-in form.
 */
import type { ContractTemplate } from '../types.generated.ts';
import {
  describeContract,
  type ContractDocument,
  type DescribeOptions,
  type DocumentPart,
  type Paragraph,
} from './describeContract.ts';
import { escapeHtml } from '../escapeHtml.ts';
import { renderCostTable } from '../costs/renderCostStatementHtml.ts';
import { formatDate } from './formatValue.ts';

export { escapeHtml };

export function renderInlineHtml(paragraph: Paragraph): string {
  return paragraph
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
          return escapeHtml(piece.text);
        case 'break':
          return '<br>';
        case 'placeholder':
          return `<span class="placeholder" data-parameter="${escapeHtml(piece.name)}">[${escapeHtml(piece.label)}]</span>`;
        case 'value':
          return `<span class="value${piece.blank ? ' value--blank' : ''}" data-parameter="${escapeHtml(piece.name)}">${escapeHtml(piece.text)}</span>`;
        case 'reference':
          return piece.anchor
            ? `<a href="#${escapeHtml(piece.anchor)}">${escapeHtml(piece.text)}</a>`
            : escapeHtml(piece.text);
      }
    })
    .join('');
}

function paragraphs(list: readonly Paragraph[], className?: string): string {
  const open = className ? `<p class="${className}">` : '<p>';
  return list.map((p) => `${open}${renderInlineHtml(p)}</p>`).join('\n');
}

/**
 * Heading levels: the title is `level`, contents, key details and parts `level + 1`, clauses
 * `level + 2`. A page with its own `<h1>` passes 2 so the outline stays in order.
 */
export interface LevelOption {
  level?: number;
}

function tag(level: number): string {
  return `h${Math.min(Math.max(level, 1), 6)}`;
}

export interface TocOptions extends LevelOption {
  /** List each part's clauses under it (the page does; a short document need not). */
  clauses?: boolean;
  /** Links to other parts of the page, before and after the contract's own parts. */
  before?: { anchor: string; title: string }[];
  after?: { anchor: string; title: string }[];
}

function links(list: readonly { anchor: string; title: string }[] | undefined): string {
  return (list ?? [])
    .map((l) => `<li><a href="#${escapeHtml(l.anchor)}">${escapeHtml(l.title)}</a></li>\n`)
    .join('');
}

export function renderContractToc(doc: ContractDocument, options: TocOptions = {}): string {
  const item = (part: DocumentPart) => {
    const clauses = options.clauses
      ? `\n<ol class="contract-toc__clauses">${part.clauses
          .map(
            (c) =>
              `<li data-topics="${escapeHtml(c.topics.map((t) => t.code).join(' '))}"><a href="#${c.anchor}"><span class="contract-number">${escapeHtml(c.number)}</span> ${escapeHtml(c.heading)}</a></li>`,
          )
          .join('')}</ol>`
      : '';
    return `<li data-topics="${escapeHtml(part.topics.join(' '))}"><a href="#${part.anchor}">${escapeHtml(part.heading)}</a>${clauses}</li>`;
  };
  const h = tag((options.level ?? 1) + 1);
  return `<nav class="contract-toc" aria-labelledby="contract-contents">
<${h} id="contract-contents">Contents</${h}>
<ol>
${links(options.before)}${doc.parts.map(item).join('\n')}
${links(options.after)}
</ol>
</nav>`;
}

/**
 * A wide table scrolls inside its own box on a narrow screen instead of making the page
 * scroll sideways; the box can take focus so the keyboard can scroll it too.
 */
export function tableRegion(label: string, table: string): string {
  return `<div class="contract-table-wrap" role="region" aria-label="${escapeHtml(label)}" tabindex="0">\n${table}\n</div>`;
}

export function renderKeyDetails(doc: ContractDocument, options: LevelOption = {}): string {
  const h = tag((options.level ?? 1) + 1);
  const rows = doc.keyDetails
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.label)}</th><td>${renderInlineHtml(d.value)}</td></tr>`,
    )
    .join('\n');
  return `<${h} id="key-details">Key details</${h}>
${tableRegion(
  'Key details',
  `<table class="contract-details">
<caption class="visually-hidden">Key details of the contract</caption>
<thead><tr><th scope="col">Detail</th><th scope="col">${doc.filled ? 'Value' : 'To be filled in'}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}`;
}

export interface PartsOptions extends LevelOption {
  /** Print each clause's topics (the page does, for the topic filter; documents do not). */
  topics?: boolean;
}

function renderCostLines(doc: ContractDocument, part: DocumentPart): string {
  if (part.costLines.length === 0) return '';
  const guidance = doc.guidance && part.costLines.some((l) => l.guidance);
  const rows = part.costLines
    .map(
      (l) =>
        `<tr><th scope="row">${escapeHtml(l.title)}</th><td>${escapeHtml(l.description)}</td>${
          guidance ? `<td class="guidance">${escapeHtml(l.guidance ?? '')}</td>` : ''
        }</tr>`,
    )
    .join('\n');
  return tableRegion(
    `Cost lines of ${part.label}`,
    `<table class="contract-costs">
<caption>Cost lines of ${escapeHtml(part.label)}, in the common cost language of full cost recovery</caption>
<thead><tr><th scope="col">Cost category</th><th scope="col">What to include</th>${
      guidance ? '<th scope="col" class="guidance">Guidance for commissioners</th>' : ''
    }</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export function renderContractParts(doc: ContractDocument, options: PartsOptions = {}): string {
  const h2 = tag((options.level ?? 1) + 1);
  const h3 = tag((options.level ?? 1) + 2);
  return doc.parts
    .map((part) => {
      const clauses = part.clauses
        .map((c) => {
          const topics = options.topics
            ? `\n<p class="clause__topics">Topics: ${c.topics.map((t) => escapeHtml(t.title)).join(', ')}</p>`
            : '';
          const guidance =
            doc.guidance && c.guidance.length > 0
              ? `\n<div class="guidance" role="note" aria-label="Guidance on clause ${escapeHtml(c.number)}">
<p class="guidance__label">Guidance for commissioners</p>
${paragraphs(c.guidance)}
</div>`
              : '';
          return `<div class="clause" id="${c.anchor}" data-topics="${escapeHtml(c.topics.map((t) => t.code).join(' '))}">
<${h3}><span class="contract-number">${escapeHtml(c.number)}</span> ${escapeHtml(c.heading)}</${h3}>
${paragraphs(c.paragraphs)}${topics}${guidance}
</div>`;
        })
        .join('\n');
      const statement = part.costStatement
        ? `\n${tableRegion(
            `Cost statement of ${part.label}`,
            renderCostTable(part.costStatement, doc.costCategories, {
              caption: `The Provider's cost statement: ${part.costStatement.service_name}, prepared on ${formatDate(part.costStatement.prepared_on)}`,
            }),
          )}`
        : '';
      const costs = renderCostLines(doc, part) + statement;
      return `<div class="contract-part contract-part--${part.kind}" id="${part.anchor}" data-topics="${escapeHtml(part.topics.join(' '))}">
<${h2}>${escapeHtml(part.heading)}</${h2}>
${clauses}${costs ? `\n${costs}` : ''}
</div>`;
    })
    .join('\n');
}

export function renderHistory(doc: ContractDocument, options: LevelOption = {}): string {
  if (doc.history.length === 0) return '';
  const h = tag((options.level ?? 1) + 1);
  return `<${h} id="version-history">Version history</${h}>
<dl class="contract-history">
${doc.history
  .map(
    (h) =>
      `<dt>Version ${escapeHtml(h.version)}, ${escapeHtml(h.date)}</dt>\n<dd>${escapeHtml(h.summary)}</dd>`,
  )
  .join('\n')}
</dl>`;
}

/**
 * The execution block, last in every contract: a place for each party to sign, and the
 * template, version and SHA-256 it was made from. Printed on a page of its own.
 */
export function renderExecution(doc: ContractDocument, options: LevelOption = {}): string {
  const h2 = tag((options.level ?? 1) + 1);
  const h3 = tag((options.level ?? 1) + 2);
  const parties = doc.execution.parties
    .map(
      (p) => `<div class="execution-party">
<${h3}>Signed for the ${escapeHtml(p.role)}: ${renderInlineHtml(p.name)}</${h3}>
${p.address ? `<p class="execution-address">Address: ${escapeHtml(p.address)}</p>\n` : ''}<dl class="execution-lines">
${doc.execution.lines.map((line) => `<div><dt>${escapeHtml(line)}</dt><dd></dd></div>`).join('\n')}
</dl>
</div>`,
    )
    .join('\n');
  return `<section class="contract-execution" id="execution" aria-labelledby="execution-heading">
<${h2} id="execution-heading">Execution</${h2}>
<p>This contract is made when both parties have signed it. Each person signing confirms that they are authorised to sign for the party named.</p>
${parties}
<p class="contract-provenance">${escapeHtml(doc.execution.provenance)}</p>
</section>`;
}

export function renderFacts(doc: ContractDocument): string {
  return `<dl class="contract-facts">
${doc.facts.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`).join('\n')}
</dl>`;
}

/**
 * The body of a contract document: title, facts, notice, contents, key details, parts and
 * (for a template) version history. The standalone download wraps it; the fill-in page puts it
 * in its result area.
 */
export function renderContractArticle(doc: ContractDocument, options: LevelOption = {}): string {
  const level = options.level ?? 1;
  const h1 = tag(level);
  const notice = doc.notice
    ? `<p class="contract-notice"><strong>${escapeHtml(doc.notice)}</strong></p>\n`
    : '';
  const summary = doc.filled ? '' : `<p class="contract-summary">${escapeHtml(doc.summary)}</p>\n`;
  return `<article class="contract" data-template="${escapeHtml(doc.id)}" data-version="${escapeHtml(doc.version)}">
<header class="contract-header">
<${h1}>${escapeHtml(doc.title)}</${h1}>
${summary}${renderFacts(doc)}
${notice}</header>
${renderContractToc(doc, {
  level,
  before: [{ anchor: 'key-details', title: 'Key details' }],
  after: [
    ...(!doc.filled && doc.history.length > 0
      ? [{ anchor: 'version-history', title: 'Version history' }]
      : []),
    { anchor: 'execution', title: 'Execution' },
  ],
})}
${renderKeyDetails(doc, { level })}
${renderContractParts(doc, { level })}
${doc.filled ? '' : renderHistory(doc, { level })}
${renderExecution(doc, { level })}
</article>`;
}

/** Styles for the standalone document: readable on screen, tidy on paper, no external files. */
const DOCUMENT_CSS = `
body { font: 16px/1.5 Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; padding: 1rem; }
.contract { max-width: 46rem; margin: 0 auto; }
h1 { font-size: 2rem; line-height: 1.2; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
h3 { font-size: 1.1875rem; margin: 1.5rem 0 0.5rem; }
.contract-number { display: inline-block; min-width: 3rem; }
.contract-toc ol { list-style: none; padding-left: 0; }
.contract-facts div { display: flex; gap: 0.5rem; }
.contract-facts dt { font-weight: bold; }
.contract-facts dd { margin: 0; }
.contract-notice { border-left: 5px solid #d4351c; padding: 0.5rem 1rem; background: #fef7f6; }
.placeholder { background: #fff7bf; border-bottom: 2px dashed #594d00; padding: 0 0.15em; }
.value--blank { font-style: italic; }
.guidance { border-left: 5px solid #1d70b8; background: #f3f2f1; padding: 0.25rem 1rem; margin: 0.75rem 0; }
.guidance__label { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.5rem 1rem 0.5rem 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
.contract-table-wrap { position: relative; overflow-x: auto; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a { color: #1d70b8; }
@media print {
  body { font-size: 11pt; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .contract-toc { break-after: page; }
  .contract-part--schedule { break-before: page; }
  h2, h3 { break-after: avoid; }
  .clause { break-inside: avoid-page; }
  .contract-execution { break-before: page; }
  .execution-party { break-inside: avoid-page; }
}
.execution-lines div { display: flex; gap: 1rem; align-items: flex-end; margin: 1.25rem 0; }
.execution-lines dt { flex: 0 0 14rem; font-weight: bold; }
.execution-lines dd { flex: 1; margin: 0; border-bottom: 1px solid #0b0c0c; min-height: 1.5rem; }
.contract-provenance { font-size: 0.875rem; overflow-wrap: anywhere; }
.cost-amount { text-align: right; white-space: nowrap; }
`;

export interface HtmlDocumentOptions extends DescribeOptions {
  /** Shown in the document's <title> after the contract's title. */
  siteName?: string;
}

/** A complete, self-contained HTML document for download, printing or saving. */
export function renderContractHtml(
  template: ContractTemplate,
  options: HtmlDocumentOptions = {},
): string {
  const doc = describeContract(template, options);
  const what = doc.filled ? 'contract' : `template version ${doc.version}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.title}: ${what}${options.siteName ? ` – ${options.siteName}` : ''}`)}</title>
<style>${DOCUMENT_CSS}</style>
</head>
<body>
<main>
${renderContractArticle(doc)}
</main>
</body>
</html>
`;
}
