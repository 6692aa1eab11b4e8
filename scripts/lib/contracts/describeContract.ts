/**
 * One description of a contract document that every format is drawn from: the words of the
 * front page, the key details, the parts and clauses split into paragraphs of inline pieces
 * (text, placeholders or filled values, cross-references with their targets), cost lines and
 * version history. HTML, Markdown, JSON and DOCX each only lay this out, so they cannot say
 * different things. Pure; bundled into the browser for the fill-in form.
 */
import type { ContractTemplate, CostStatement } from '../types.generated.ts';
import type { FilledContract } from './fillContract.ts';
import { formatDate } from './formatValue.ts';
import { clauseAnchor, listParts, parameterUses, partAnchor, type Part } from './listClauses.ts';
import { segmentText } from './segmentText.ts';

/** Titles of the codes a contract uses, from the codelists (plain objects: they go to the browser). */
export interface CodeTitles {
  topics: Readonly<Record<string, string>>;
  costCategories: Readonly<Record<string, string>>;
  statuses: Readonly<Record<string, { title: string; description: string }>>;
}

export const NO_TITLES: CodeTitles = { topics: {}, costCategories: {}, statuses: {} };

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  /** A blank for the reader to fill: shown as `[label]`. */
  | { kind: 'placeholder'; name: string; label: string }
  /** A filled value (or, in a DOCX skeleton, the marker the browser replaces). */
  | { kind: 'value'; name: string; text: string; blank: boolean }
  /** A cross-reference; `anchor` only when it points at something in this contract. */
  | { kind: 'reference'; text: string; anchor?: string };

export type Paragraph = Inline[];

export interface DocumentClause {
  number: string;
  heading: string;
  anchor: string;
  paragraphs: Paragraph[];
  guidance: Paragraph[];
  topics: { code: string; title: string }[];
}

export interface DocumentCostLine {
  category: string;
  title: string;
  description: string;
  guidance?: string;
}

export interface DocumentPart {
  kind: Part['kind'];
  number: string;
  title: string;
  label: string;
  /** "1 Parties and interpretation" or "Schedule 2: Pricing": the heading as printed. */
  heading: string;
  anchor: string;
  /** Every topic of the part's clauses, for filtering the part as a whole. */
  topics: string[];
  clauses: DocumentClause[];
  costLines: DocumentCostLine[];
  /** The provider's cost statement, in the pricing schedule of a contract that has one. */
  costStatement?: CostStatement;
}

/** One party's part of the execution block: who signs for it, signing by hand. */
export interface ExecutionParty {
  /** `Commissioner`, `Funder`, `Provider`, `Grant holder`: from the template's own labels. */
  role: string;
  /** The organisation's name: its filled value, or a blank. */
  name: Paragraph;
  /** Its address, when known; in a DOCX skeleton, the marker for it. */
  address?: string;
}

/** The end of every contract: the parties' signatures, and the exact template it was made from. */
export interface Execution {
  parties: ExecutionParty[];
  /** What each signatory writes, by hand or by an electronic signature. */
  lines: readonly string[];
  /** `Made from template standard-services-contract, version 1.1.0. SHA-256 of …`. */
  provenance: string;
  sha256?: string;
}

export interface KeyDetail {
  name: string;
  label: string;
  value: Paragraph;
}

export interface DocumentParameter {
  name: string;
  label: string;
  type: string;
  required: boolean;
  /** Guidance for the person filling it in, with cross-references resolved. */
  guidance: Paragraph[];
  /** The clauses whose text uses it, in order. */
  usedIn: { number: string; anchor: string }[];
}

export interface ContractDocument {
  id: string;
  version: string;
  title: string;
  summary: string;
  status: string;
  statusTitle: string;
  /** Whether values fill the placeholders (a contract), or it is the template itself. */
  filled: boolean;
  /** Facts under the title: version, status, dates, licence. */
  facts: { label: string; value: string }[];
  /** A warning for any status other than published: what the reader may and may not do. */
  notice?: string;
  keyDetails: KeyDetail[];
  parameters: DocumentParameter[];
  parts: DocumentPart[];
  history: { version: string; date: string; summary: string }[];
  execution: Execution;
  /** Cost category titles, for a cost statement's table. */
  costCategories: Readonly<Record<string, string>>;
  /** Whether guidance notes are to be shown (they are kept in the description either way). */
  guidance: boolean;
}

export interface DescribeOptions {
  /** Values for the placeholders; or `skeleton` to put DOCX fill markers where they go. */
  contract?: FilledContract | 'skeleton';
  /** Whether guidance notes are shown. Default: yes for a template, no for a filled contract. */
  guidance?: boolean;
  titles?: CodeTitles;
  /** SHA-256 (hex) of the published template JSON, so a signed copy can be traced to its text. */
  templateSha256?: string;
}

/** The parameters that name the parties, in the order they sign. */
const PARTY_PARAMETERS = ['commissioner_name', 'provider_name'] as const;
export const SIGNATURE_LINES = [
  'Signature',
  'Name of the person signing',
  'Position',
  'Date',
] as const;

/** `Funder's legal name` → `Funder`; `Grant holder's legal name` → `Grant holder`. */
function partyRole(label: string, fallback: string): string {
  return /^(.+?)['’]s\b/.exec(label)?.[1] ?? fallback;
}

/** The fill marker of a party's address: `provider_name` → `provider_address`. */
export function addressKey(parameter: string): string {
  return parameter.replace(/_name$/, '_address');
}

/** The marker a DOCX skeleton holds in place of a value: private-use characters no text may hold. */
export function skeletonToken(name: string): string {
  return `\uE000${name}\uE001`;
}

/** Text with `\n\n` paragraph breaks and `\n` line breaks, as inline pieces. */
function lines(text: string, make: (line: string) => Inline[]): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .flatMap((line, i): Inline[] =>
          i === 0 ? make(line) : [{ kind: 'break' }, ...make(line)],
        ),
    );
}

export function describeContract(
  template: ContractTemplate,
  options: DescribeOptions = {},
): ContractDocument {
  const titles = options.titles ?? NO_TITLES;
  const title = (map: Readonly<Record<string, string>>, code: string) =>
    (Object.hasOwn(map, code) ? map[code] : undefined) ?? code.replace(/-/g, ' ');
  const parts = listParts(template);
  const anchors = new Map<string, string>();
  for (const part of parts) {
    anchors.set(`${part.kind}:${part.number}`, part.anchor);
    for (const c of part.clauses) anchors.set(`clause:${c.number}`, c.anchor);
  }
  const parameters = new Map(template.parameters.map((p) => [p.name, p]));
  const contract = options.contract;
  const filled = contract !== undefined;

  /** One placeholder as it prints: a value, a fill marker or a labelled blank. */
  const placeholder = (name: string, raw: string): Inline[] => {
    const parameter = parameters.get(name);
    if (!parameter) return [{ kind: 'text', text: raw }];
    if (contract === 'skeleton') {
      return [{ kind: 'value', name, text: skeletonToken(name), blank: false }];
    }
    const value = contract?.values.get(name);
    if (!value) return [{ kind: 'placeholder', name, label: parameter.label }];
    // A long value keeps its line breaks; each renderer lays out `break` its own way.
    const pieces: Inline[] = [];
    value.text.split('\n').forEach((line, i) => {
      if (i > 0) pieces.push({ kind: 'break' });
      if (line !== '') pieces.push({ kind: 'value', name, text: line, blank: value.blank });
    });
    return pieces;
  };
  const inline = (text: string, withPlaceholders: boolean): Inline[] =>
    segmentText(text).flatMap((segment): Inline[] => {
      if (segment.kind === 'placeholder' && withPlaceholders) {
        return placeholder(segment.name, segment.text);
      }
      if (segment.kind === 'reference') {
        const { kind, number } = segment.reference;
        const anchor = anchors.get(`${kind}:${number}`);
        return [
          anchor
            ? { kind: 'reference', text: segment.text, anchor }
            : { kind: 'text', text: segment.text },
        ];
      }
      return [{ kind: 'text', text: segment.text }];
    });
  const prose = (text: string, withPlaceholders = false) =>
    lines(text, (line) => inline(line, withPlaceholders));

  const uses = parameterUses(template);
  const keyDetails: KeyDetail[] = template.parameters.map((p) => {
    // A long description would swamp the table: point to the clause that holds it instead.
    const where = uses.get(p.name) ?? [];
    const value: Paragraph =
      p.type === 'long_text' && where.length > 0
        ? inline(`Set out in clause ${where.join(', clause ')}.`, false)
        : placeholder(p.name, `{{${p.name}}}`);
    return { name: p.name, label: p.label, value };
  });

  const status = titles.statuses[template.status];
  const statusTitle = status?.title ?? template.status;
  const published = template.published_on ? formatDate(template.published_on) : undefined;
  // A contract names the template it was made from; the template's own history is not its concern.
  const facts: { label: string; value: string }[] = filled
    ? [
        {
          label: 'Made from',
          value: `${template.title}, version ${template.version} (${statusTitle.toLowerCase()}${published ? `, ${published}` : ''})`,
        },
      ]
    : [
        { label: 'Template version', value: template.version },
        { label: 'Status', value: statusTitle },
        ...(published ? [{ label: 'Published', value: published }] : []),
        ...(template.supersedes ? [{ label: 'Replaces version', value: template.supersedes }] : []),
      ];
  facts.push({ label: 'Licence', value: licenceTitle(template.licence) });

  return {
    id: template.id,
    version: template.version,
    title: template.title,
    summary: template.summary,
    status: template.status,
    statusTitle: status?.title ?? template.status,
    filled,
    facts,
    ...(template.status !== 'published' && status
      ? { notice: `${status.title}: ${status.description}` }
      : template.status !== 'published'
        ? {
            notice: `This version's status is ${template.status}. Check before using it for a contract.`,
          }
        : {}),
    keyDetails,
    parameters: template.parameters.map((p) => ({
      name: p.name,
      label: p.label,
      type: p.type,
      required: p.required,
      guidance: p.guidance ? prose(p.guidance) : [],
      usedIn: (uses.get(p.name) ?? []).map((number) => ({
        number,
        anchor: anchors.get(`clause:${number}`) ?? clauseAnchor(number),
      })),
    })),
    parts: parts.map((part) => ({
      kind: part.kind,
      number: part.number,
      title: part.title,
      label: part.label,
      heading:
        part.kind === 'section' ? `${part.number} ${part.title}` : `${part.label}: ${part.title}`,
      anchor: part.anchor ?? partAnchor(part.kind, part.number),
      topics: [...new Set(part.clauses.flatMap((c) => c.topics))],
      clauses: part.clauses.map((c) => ({
        number: c.number,
        heading: c.heading,
        anchor: c.anchor ?? clauseAnchor(c.number),
        paragraphs: prose(c.text, true),
        guidance: c.guidance ? prose(c.guidance) : [],
        topics: c.topics.map((code) => ({ code, title: title(titles.topics, code) })),
      })),
      costLines: part.costLines.map((line) => ({
        category: line.category,
        title: title(titles.costCategories, line.category),
        description: line.description,
        ...(line.guidance ? { guidance: line.guidance } : {}),
      })),
      ...(part.costLines.length > 0 && typeof contract === 'object' && contract.costStatement
        ? { costStatement: contract.costStatement }
        : {}),
    })),
    costCategories: titles.costCategories,
    execution: {
      parties: PARTY_PARAMETERS.map((name) => {
        const parameter = parameters.get(name);
        const role = partyRole(
          parameter?.label ?? '',
          name === 'provider_name' ? 'Provider' : 'Commissioner',
        );
        const address =
          contract === 'skeleton' ? skeletonToken(addressKey(name)) : contract?.addresses?.[name];
        return {
          role,
          ...(address ? { address } : {}),
          name: parameter
            ? placeholder(name, `{{${name}}}`)
            : [{ kind: 'placeholder', name, label: `${role}'s legal name` }],
        };
      }),
      lines: SIGNATURE_LINES,
      provenance: `Made from the template ${template.id}, version ${template.version}${
        options.templateSha256
          ? `. SHA-256 of the published template (${template.id}-${template.version}.json): ${options.templateSha256}`
          : ''
      }.`,
      ...(options.templateSha256 ? { sha256: options.templateSha256 } : {}),
    },
    history: template.change_notes.map((n) => ({
      version: n.version,
      date: formatDate(n.date),
      summary: n.summary,
    })),
    guidance: options.guidance ?? !filled,
  };
}

const LICENCES: Record<string, string> = {
  'OGL-UK-3.0': 'Open Government Licence v3.0',
};

export function licenceTitle(code: string): string {
  return (Object.hasOwn(LICENCES, code) ? LICENCES[code] : undefined) ?? code;
}
