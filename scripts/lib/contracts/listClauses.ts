/**
 * The shape every renderer walks: the contract's parts (sections, then schedules) and their
 * clauses, each with its anchor, so that the page, the downloads and the compare view link the
 * same way. Pure; bundled into the browser too.
 */
import type {
  Clause,
  ContractTemplate,
  CostLine,
  Schedule,
  ScheduleClause,
} from '../types.generated.ts';
import { findPlaceholders } from './segmentText.ts';

export type PartKind = 'section' | 'schedule';

export interface Part {
  kind: PartKind;
  number: string;
  title: string;
  /** "Section 4" or "Schedule 3": how the contract's own text names it. */
  label: string;
  anchor: string;
  /** JSON pointer to the part in the template file. */
  pointer: string;
  /** A schedule's kind (pricing, risk-allocation…); absent for a section. */
  scheduleKind?: Schedule['kind'];
  costLines: CostLine[];
  clauses: ClauseEntry[];
}

export interface ClauseEntry {
  number: string;
  heading: string;
  text: string;
  guidance?: string;
  topics: string[];
  anchor: string;
  pointer: string;
  part: Part;
}

/** `4.2` → `clause-4-2`; `S3.1` → `clause-s3-1`: valid ids that need no escaping in CSS. */
export function clauseAnchor(number: string): string {
  return `clause-${number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function partAnchor(kind: PartKind, number: string): string {
  return `${kind}-${number.replace(/[^0-9A-Za-z]+/g, '-')}`;
}

export function listParts(template: ContractTemplate): Part[] {
  const parts: Part[] = [];
  const add = (
    kind: PartKind,
    index: number,
    number: string,
    title: string,
    clauses: readonly (Clause | ScheduleClause)[],
    schedule?: Schedule,
  ) => {
    const pointer = `/${kind === 'section' ? 'sections' : 'schedules'}/${index}`;
    const part: Part = {
      kind,
      number,
      title,
      label: `${kind === 'section' ? 'Section' : 'Schedule'} ${number}`,
      anchor: partAnchor(kind, number),
      pointer,
      costLines: schedule?.cost_lines ?? [],
      clauses: [],
    };
    if (schedule) part.scheduleKind = schedule.kind;
    part.clauses = clauses.map((c, i) => {
      const entry: ClauseEntry = {
        number: c.number,
        heading: c.heading,
        text: c.text,
        topics: c.topics,
        anchor: clauseAnchor(c.number),
        pointer: `${pointer}/clauses/${i}`,
        part,
      };
      if (c.guidance !== undefined) entry.guidance = c.guidance;
      return entry;
    });
    parts.push(part);
  };
  template.sections.forEach((s, i) => add('section', i, s.number, s.title, s.clauses));
  template.schedules.forEach((s, i) => add('schedule', i, s.number, s.title, s.clauses, s));
  return parts;
}

export function listClauses(template: ContractTemplate): ClauseEntry[] {
  return listParts(template).flatMap((p) => p.clauses);
}

/**
 * Whether every part and clause is numbered 1, 2, 3… in order, so a word processor's automatic
 * numbering would print exactly the numbers the text cross-refers to.
 */
export function isNumberedInOrder(template: ContractTemplate): boolean {
  return listParts(template).every((part, _i, parts) => {
    const position = parts.filter((p) => p.kind === part.kind).indexOf(part) + 1;
    if (part.number !== String(position)) return false;
    const prefix = part.kind === 'section' ? part.number : `S${part.number}`;
    return part.clauses.every((c, j) => c.number === `${prefix}.${j + 1}`);
  });
}

/** Where each parameter is used, by clause number, in document order. */
export function parameterUses(template: ContractTemplate): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const clause of listClauses(template)) {
    for (const { name } of findPlaceholders(clause.text)) {
      const list = uses.get(name) ?? [];
      if (!list.includes(clause.number)) list.push(clause.number);
      uses.set(name, list);
    }
  }
  return uses;
}
