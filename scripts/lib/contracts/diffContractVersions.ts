/**
 * What changed between two versions of a contract template: clauses added, removed and
 * changed (with a word-level diff inside each changed heading, text and guidance note), and the
 * parameters, section and schedule titles, cost lines and facts that changed with them.
 *
 * Clauses are matched by heading first, in order (jsdiff's `diffArrays`), so a clause that moves
 * because an earlier one was removed shows as renumbered rather than as every later clause
 * changing; a clause whose heading changed is matched by its number instead.
 */
import { diffArrays, diffWords } from 'diff';
import type { ContractTemplate, CostLine, Parameter } from '../types.generated.ts';
import { listClauses, type ClauseEntry } from './listClauses.ts';
import { appendAll } from '../appendAll.ts';

export type WordChange = { kind: 'same' | 'added' | 'removed'; text: string };

export interface ClauseSnapshot {
  number: string;
  heading: string;
  text: string;
  guidance?: string;
  topics: string[];
  anchor: string;
  part: { kind: 'section' | 'schedule'; number: string; title: string };
}

export interface ClauseDiff {
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** The clause's number in the newer version (in the older one for a removed clause). */
  number: string;
  before?: ClauseSnapshot;
  after?: ClauseSnapshot;
  /** The clause kept its heading but moved to another number. */
  renumbered: boolean;
  /** Which of heading, text, guidance and topics changed. */
  fields: ('heading' | 'text' | 'guidance' | 'topics')[];
  heading?: WordChange[];
  text?: WordChange[];
  guidance?: WordChange[];
  topics?: { added: string[]; removed: string[] };
}

export interface ParameterDiff {
  change: 'added' | 'removed' | 'changed';
  name: string;
  before?: Parameter;
  after?: Parameter;
  fields: string[];
}

export interface CostLineDiff {
  change: 'added' | 'removed' | 'changed';
  category: string;
  before?: CostLine;
  after?: CostLine;
  description?: WordChange[];
  guidance?: WordChange[];
}

export interface PartDiff {
  change: 'added' | 'removed' | 'changed';
  kind: 'section' | 'schedule';
  number: string;
  before?: { title: string; kind?: string };
  after?: { title: string; kind?: string };
  title?: WordChange[];
  costLines: CostLineDiff[];
}

export interface FactDiff {
  field: 'title' | 'summary' | 'status' | 'published_on' | 'licence' | 'supersedes';
  before: string;
  after: string;
}

export interface ContractDiff {
  id: string;
  from: string;
  to: string;
  /** Every clause of both versions, in the newer version's order, removed ones where they were. */
  clauses: ClauseDiff[];
  /** Clause numbers, for a one-line summary. */
  summary: { added: string[]; removed: string[]; changed: string[] };
  parameters: ParameterDiff[];
  parts: PartDiff[];
  facts: FactDiff[];
}

function snapshot(c: ClauseEntry): ClauseSnapshot {
  const s: ClauseSnapshot = {
    number: c.number,
    heading: c.heading,
    text: c.text,
    topics: c.topics,
    anchor: c.anchor,
    part: { kind: c.part.kind, number: c.part.number, title: c.part.title },
  };
  if (c.guidance !== undefined) s.guidance = c.guidance;
  return s;
}

export function diffText(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

const key = (c: ClauseEntry) => c.heading.trim().toLowerCase().replace(/\s+/g, ' ');

function compareClauses(a: ClauseEntry, b: ClauseEntry): ClauseDiff {
  const diff: ClauseDiff = {
    change: 'unchanged',
    number: b.number,
    before: snapshot(a),
    after: snapshot(b),
    renumbered: a.number !== b.number,
    fields: [],
  };
  if (a.heading !== b.heading) {
    diff.fields.push('heading');
    diff.heading = diffText(a.heading, b.heading);
  }
  if (a.text !== b.text) {
    diff.fields.push('text');
    diff.text = diffText(a.text, b.text);
  }
  if ((a.guidance ?? '') !== (b.guidance ?? '')) {
    diff.fields.push('guidance');
    diff.guidance = diffText(a.guidance ?? '', b.guidance ?? '');
  }
  const added = b.topics.filter((t) => !a.topics.includes(t));
  const removed = a.topics.filter((t) => !b.topics.includes(t));
  if (added.length || removed.length) {
    diff.fields.push('topics');
    diff.topics = { added, removed };
  }
  if (diff.fields.length > 0 || diff.renumbered) diff.change = 'changed';
  return diff;
}

function diffClauses(older: ClauseEntry[], newer: ClauseEntry[]): ClauseDiff[] {
  const out: ClauseDiff[] = [];
  const hunks = diffArrays(older, newer, { comparator: (x, y) => key(x) === key(y) });
  let ai = 0;
  let bi = 0;
  let removed: ClauseEntry[] = [];
  let added: ClauseEntry[] = [];
  const flush = () => {
    // Within one run of removals and additions, a clause that kept its number is a change.
    const byNumber = new Map(removed.map((c) => [c.number, c]));
    const paired = new Set<string>();
    const pending: ClauseDiff[] = [];
    for (const b of added) {
      const a = byNumber.get(b.number);
      if (a) {
        paired.add(a.number);
        pending.push(compareClauses(a, b));
      } else {
        pending.push({
          change: 'added',
          number: b.number,
          after: snapshot(b),
          renumbered: false,
          fields: [],
        });
      }
    }
    for (const a of removed) {
      if (!paired.has(a.number)) {
        out.push({
          change: 'removed',
          number: a.number,
          before: snapshot(a),
          renumbered: false,
          fields: [],
        });
      }
    }
    appendAll(out, pending);
    removed = [];
    added = [];
  };
  for (const hunk of hunks) {
    const count = hunk.count ?? hunk.value.length;
    if (hunk.removed) {
      appendAll(removed, older.slice(ai, ai + count));
      ai += count;
    } else if (hunk.added) {
      appendAll(added, newer.slice(bi, bi + count));
      bi += count;
    } else {
      flush();
      for (let i = 0; i < count; i++) out.push(compareClauses(older[ai + i]!, newer[bi + i]!));
      ai += count;
      bi += count;
    }
  }
  flush();
  return out;
}

const PARAMETER_FIELDS = [
  'label',
  'type',
  'required',
  'constraints',
  'guidance',
  'fallback',
] as const;

function diffParameters(older: Parameter[], newer: Parameter[]): ParameterDiff[] {
  const before = new Map(older.map((p) => [p.name, p]));
  const after = new Map(newer.map((p) => [p.name, p]));
  const out: ParameterDiff[] = [];
  for (const p of newer) {
    const a = before.get(p.name);
    if (!a) {
      out.push({ change: 'added', name: p.name, after: p, fields: [] });
      continue;
    }
    const fields = PARAMETER_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(p[f]));
    if (fields.length > 0)
      out.push({ change: 'changed', name: p.name, before: a, after: p, fields });
  }
  for (const p of older) {
    if (!after.has(p.name)) out.push({ change: 'removed', name: p.name, before: p, fields: [] });
  }
  return out;
}

function diffCostLines(older: CostLine[], newer: CostLine[]): CostLineDiff[] {
  const out: CostLineDiff[] = [];
  const before = new Map(older.map((l) => [l.category, l]));
  const after = new Map(newer.map((l) => [l.category, l]));
  for (const l of newer) {
    const a = before.get(l.category);
    if (!a) out.push({ change: 'added', category: l.category, after: l });
    else if (a.description !== l.description || (a.guidance ?? '') !== (l.guidance ?? '')) {
      const d: CostLineDiff = { change: 'changed', category: l.category, before: a, after: l };
      if (a.description !== l.description) d.description = diffText(a.description, l.description);
      if ((a.guidance ?? '') !== (l.guidance ?? '')) {
        d.guidance = diffText(a.guidance ?? '', l.guidance ?? '');
      }
      out.push(d);
    }
  }
  for (const l of older) {
    if (!after.has(l.category)) out.push({ change: 'removed', category: l.category, before: l });
  }
  return out;
}

interface PartLike {
  number: string;
  title: string;
  kind?: string;
  cost_lines?: CostLine[];
}

function diffParts(kind: 'section' | 'schedule', older: PartLike[], newer: PartLike[]): PartDiff[] {
  const out: PartDiff[] = [];
  const before = new Map(older.map((p) => [p.number, p]));
  const after = new Map(newer.map((p) => [p.number, p]));
  const view = (p: PartLike) => (p.kind ? { title: p.title, kind: p.kind } : { title: p.title });
  for (const p of newer) {
    const a = before.get(p.number);
    if (!a) {
      out.push({ change: 'added', kind, number: p.number, after: view(p), costLines: [] });
      continue;
    }
    const costLines = diffCostLines(a.cost_lines ?? [], p.cost_lines ?? []);
    if (a.title !== p.title || a.kind !== p.kind || costLines.length > 0) {
      const d: PartDiff = {
        change: 'changed',
        kind,
        number: p.number,
        before: view(a),
        after: view(p),
        costLines,
      };
      if (a.title !== p.title) d.title = diffText(a.title, p.title);
      out.push(d);
    }
  }
  for (const p of older) {
    if (!after.has(p.number))
      out.push({ change: 'removed', kind, number: p.number, before: view(p), costLines: [] });
  }
  return out;
}

export function diffContractVersions(
  older: ContractTemplate,
  newer: ContractTemplate,
): ContractDiff {
  const clauses = diffClauses(listClauses(older), listClauses(newer));
  const facts: FactDiff[] = [];
  for (const field of [
    'title',
    'summary',
    'status',
    'published_on',
    'licence',
    'supersedes',
  ] as const) {
    const before = older[field] ?? '';
    const after = newer[field] ?? '';
    if (before !== after) facts.push({ field, before, after });
  }
  return {
    id: newer.id,
    from: older.version,
    to: newer.version,
    clauses,
    summary: {
      added: clauses.filter((c) => c.change === 'added').map((c) => c.number),
      removed: clauses.filter((c) => c.change === 'removed').map((c) => c.number),
      changed: clauses.filter((c) => c.change === 'changed').map((c) => c.number),
    },
    parameters: diffParameters(older.parameters, newer.parameters),
    parts: [
      ...diffParts('section', older.sections, newer.sections),
      ...diffParts('schedule', older.schedules, newer.schedules),
    ],
    facts,
  };
}
