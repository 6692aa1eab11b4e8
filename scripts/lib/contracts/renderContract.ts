/**
 * One call for any text format: the template as it stands, or, given values, the completed
 * contract. Values are checked first; if any is wrong, the problems come back instead of a
 * document, so nothing half-filled is ever rendered. (DOCX is `renderContractDocx`: it is
 * binary and asynchronous.)
 */
import type { ContractTemplate } from '../types.generated.ts';
import type { CodeTitles } from './describeContract.ts';
import { fillContract, type ValueIssue, type ValuesInput } from './fillContract.ts';
import { renderContractHtml } from './renderContractHtml.ts';
import { renderContractJson } from './renderContractJson.ts';
import { renderContractMarkdown } from './renderContractMarkdown.ts';

export type ContractFormat = 'html' | 'markdown' | 'json';

export type RenderResult = { ok: true; text: string } | { ok: false; errors: ValueIssue[] };

export function renderContract(
  template: ContractTemplate,
  format: ContractFormat,
  values?: ValuesInput,
  titles?: CodeTitles,
): RenderResult {
  let contract;
  if (values !== undefined) {
    const filled = fillContract(template, values);
    if (!filled.ok) return { ok: false, errors: filled.errors };
    contract = filled.contract;
  }
  const options = { ...(contract ? { contract } : {}), ...(titles ? { titles } : {}) };
  switch (format) {
    case 'html':
      return { ok: true, text: renderContractHtml(template, options) };
    case 'markdown':
      return { ok: true, text: renderContractMarkdown(template, options) };
    case 'json':
      return { ok: true, text: renderContractJson(template, contract, titles) };
  }
}
