/**
 * Fills a DOCX skeleton: the XML parts of a contract's DOCX with a private-use marker where
 * each value goes (see `skeletonToken`). Both the build and the fill-in form make a filled DOCX
 * this way, so the browser's download is byte for byte the one the build would make, without
 * shipping the `docx` library to the browser. Pure.
 */
import type { FilledContract } from './fillContract.ts';
import type { ZipEntry } from './zipFiles.ts';
import type { CostStatement } from '../types.generated.ts';
import { basisInfo } from '../costs/costBases.ts';
import { formatPence } from '../costs/money.ts';
import { unitWords, volumeWords } from '../costs/renderCostStatementHtml.ts';
import { formatDate } from './formatValue.ts';

/** The paragraph of a skeleton where the provider's cost statement table goes. */
export const COST_STATEMENT_MARKER = '\uE000@cost_statement\uE001';

export interface DocxSkeleton {
  id: string;
  version: string;
  /** Cost category titles, for the cost statement's table. */
  costCategories?: Readonly<Record<string, string>>;
  /** The DOCX's parts in ZIP order: XML as text, anything else as base64. */
  parts: { path: string; text?: string; base64?: string }[];
}

const TOKEN = /\uE000([a-z][a-z0-9_]*)\uE001/g;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/**
 * A value's text as the inside of a `<w:t xml:space="preserve">`: escaped, with each line
 * break closing the text, adding a Word line break and opening the text again.
 */
export function docxRunText(text: string): string {
  return text.split('\n').map(escapeXml).join('</w:t><w:br/><w:t xml:space="preserve">');
}

function textRun(text: string, options: { bold?: boolean; right?: boolean } = {}): string {
  const props = options.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  const align = options.right ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : '';
  return `<w:p>${align}<w:r>${props}<w:t xml:space="preserve">${docxRunText(text)}</w:t></w:r></w:p>`;
}

function tableCell(
  text: string,
  options: { bold?: boolean; right?: boolean; header?: boolean } = {},
): string {
  const shading = options.header ? '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' : '';
  return `<w:tc><w:tcPr>${shading}</w:tcPr>${textRun(text, options)}</w:tc>`;
}

/**
 * The provider's cost statement as a Word table (WordprocessingML written out: the skeleton is
 * filled without the `docx` library), with a caption paragraph before it.
 */
export function costStatementDocxXml(
  statement: CostStatement,
  categories: Readonly<Record<string, string>>,
): string {
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="B1B4B6"/>`;
  const row = (cells: string[], header = false) =>
    `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
  const t = statement.totals;
  const lines = statement.lines.map((l) =>
    row([
      tableCell(categories[l.category] ?? l.category, { bold: true }),
      tableCell(basisInfo(l.basis)?.title ?? l.basis),
      tableCell(formatPence(l.service_total_pence), { right: true }),
    ]),
  );
  return `${textRun(`The Provider's cost statement: ${statement.service_name}, prepared on ${formatDate(statement.prepared_on)}`, { bold: true })}<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${['top', 'bottom', 'insideH'].map(border).join('')}</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="3600"/><w:gridCol w:w="3600"/><w:gridCol w:w="1800"/></w:tblGrid>${row(
    [
      tableCell('Cost category', { bold: true, header: true }),
      tableCell('How it is shared out', { bold: true, header: true }),
      tableCell('Amount', { bold: true, header: true, right: true }),
    ],
    true,
  )}${lines.join('')}${row([
    tableCell('Full cost', { bold: true }),
    tableCell(volumeWords(statement)),
    tableCell(formatPence(t.full_cost_pence), { bold: true, right: true }),
  ])}${row([
    tableCell(`Price per ${unitWords(statement.unit, 1)}`, { bold: true }),
    tableCell('to the nearest penny'),
    tableCell(formatPence(t.unit_price_pence), { bold: true, right: true }),
  ])}</w:tbl>`;
}

/** Replaces the paragraph holding the cost statement marker with the table, or removes it. */
function placeCostStatement(
  xml: string,
  statement: CostStatement | undefined,
  categories: Readonly<Record<string, string>>,
): string {
  const at = xml.indexOf(COST_STATEMENT_MARKER);
  if (at < 0) return xml;
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at);
  if (start < 0 || end < 0) return xml;
  const table = statement ? costStatementDocxXml(statement, categories) : '';
  return xml.slice(0, start) + table + xml.slice(end + '</w:p>'.length);
}

export function fillDocxXml(
  xml: string,
  contract: FilledContract,
  categories: Readonly<Record<string, string>> = {},
): string {
  // An address marker (provider_address) takes the address chosen from the register, if any.
  const addresses = new Map(
    Object.entries(contract.addresses ?? {}).map(([name, address]) => [
      name.replace(/_name$/, '_address'),
      address,
    ]),
  );
  return placeCostStatement(xml, contract.costStatement, categories).replace(
    TOKEN,
    (_, name: string) => docxRunText(contract.values.get(name)?.text ?? addresses.get(name) ?? ''),
  );
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The skeleton's parts with every marker replaced by its value, ready to zip. */
export function fillDocxSkeleton(skeleton: DocxSkeleton, contract: FilledContract): ZipEntry[] {
  const encoder = new TextEncoder();
  return skeleton.parts.map((part) => ({
    path: part.path,
    data:
      part.text !== undefined
        ? encoder.encode(fillDocxXml(part.text, contract, skeleton.costCategories))
        : fromBase64(part.base64 ?? ''),
  }));
}
