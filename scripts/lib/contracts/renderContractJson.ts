/**
 * A contract as JSON. A template is published exactly as it is stored (it is already the
 * structured form, validated by schema/contract-template.schema.json). A filled-in contract is
 * the same structure with the values in place: each clause's text as it reads, and the values
 * given, so another system can take the contract in without parsing prose. Pure; bundled into
 * the browser.
 */
import type { ContractTemplate } from '../types.generated.ts';
import { describeContract, type CodeTitles, type Paragraph } from './describeContract.ts';
import type { FilledContract } from './fillContract.ts';

export interface FilledContractJson {
  template: { id: string; version: string; title: string; status: string; licence: string };
  /** Each parameter's value in canonical form; null where an optional value was left blank. */
  values: Record<string, string | null>;
  key_details: { name: string; label: string; text: string }[];
  sections: {
    number: string;
    title: string;
    clauses: { number: string; heading: string; text: string }[];
  }[];
  schedules: {
    number: string;
    title: string;
    kind: string;
    clauses: { number: string; heading: string; text: string }[];
    cost_lines?: { category: string; title: string; description: string }[];
  }[];
}

/** The words of a paragraph as plain text: values in place, line breaks as `\n`. */
export function plainText(paragraph: Paragraph): string {
  return paragraph
    .map((piece) =>
      piece.kind === 'break'
        ? '\n'
        : piece.kind === 'placeholder'
          ? `[${piece.label}]`
          : piece.text,
    )
    .join('');
}

export function filledContractJson(
  template: ContractTemplate,
  contract: FilledContract,
  titles?: CodeTitles,
): FilledContractJson {
  const doc = describeContract(template, { contract, ...(titles ? { titles } : {}) });
  const values: Record<string, string | null> = {};
  for (const [name, v] of contract.values) values[name] = v.value ?? null;
  const clauses = (part: (typeof doc.parts)[number]) =>
    part.clauses.map((c) => ({
      number: c.number,
      heading: c.heading,
      text: c.paragraphs.map(plainText).join('\n\n'),
    }));
  return {
    template: {
      id: template.id,
      version: template.version,
      title: template.title,
      status: template.status,
      licence: template.licence,
    },
    values,
    key_details: doc.keyDetails.map((d) => ({
      name: d.name,
      label: d.label,
      text: plainText(d.value),
    })),
    sections: doc.parts
      .filter((p) => p.kind === 'section')
      .map((p) => ({ number: p.number, title: p.title, clauses: clauses(p) })),
    schedules: doc.parts
      .filter((p) => p.kind === 'schedule')
      .map((p, i) => ({
        number: p.number,
        title: p.title,
        kind: template.schedules[i]?.kind ?? 'other',
        clauses: clauses(p),
        ...(p.costLines.length > 0
          ? {
              cost_lines: p.costLines.map((l) => ({
                category: l.category,
                title: l.title,
                description: l.description,
              })),
            }
          : {}),
      })),
  };
}

/** The template as stored, or the filled-in contract; pretty-printed, ending with a newline. */
export function renderContractJson(
  template: ContractTemplate,
  contract?: FilledContract,
  titles?: CodeTitles,
): string {
  const value = contract ? filledContractJson(template, contract, titles) : template;
  return `${JSON.stringify(value, null, 2)}\n`;
}
