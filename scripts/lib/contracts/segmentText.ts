/**
 * Splits contract text into the pieces that every renderer and the validator agree on: plain
 * text, `{{placeholders}}` and plain-English cross-references ("clause 4.2", "Schedule 3",
 * "clauses 13.1 to 13.3"). One scanner, so what the validator checks is exactly what the pages
 * link and the form fills in.
 *
 * Pure and dependency-free: it is also bundled into the browser for the fill-in form.
 */

export type ReferenceKind = 'clause' | 'section' | 'schedule';

export interface CrossReference {
  kind: ReferenceKind;
  /** As written, with a schedule clause's `S` upper-cased: `4.2`, `S3.1`, `6`. */
  number: string;
  /** The words to link: `clause 4.2` for the first of a group, `4.3` for a bare continuation. */
  text: string;
  /** Offsets in the scanned string (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** On the far end of a range ("clause 13.1 to clause 13.3"): the number it runs from. */
  rangeFrom?: string;
}

export interface PlaceholderUse {
  name: string;
  start: number;
  end: number;
}

export interface MalformedPlaceholder {
  text: string;
  start: number;
  end: number;
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string; text: string }
  | { kind: 'reference'; reference: CrossReference; text: string };

/** A well-formed placeholder: lower-case snake_case between double braces, no spaces. */
const PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/g;

/**
 * Anything brace-like that is not a well-formed placeholder: `{{ Name }}`, `{{name}`, `{name}}`,
 * a lone `{{` or `}}`, or a single-brace `{name}` that was probably meant as one.
 */
const BRACE_LIKE =
  /\{\{[^{}\n]{0,80}\}\}|\{\{[^{}\n]{0,80}\}|\{[^{}\n]{0,80}\}\}|\{\{|\}\}|\{[A-Za-z_][\w ]{0,40}\}/g;

export function findPlaceholders(text: string): PlaceholderUse[] {
  const found: PlaceholderUse[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    found.push({ name: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

export function findMalformedPlaceholders(text: string): MalformedPlaceholder[] {
  const good = findPlaceholders(text);
  const inGood = (i: number) => good.some((p) => i >= p.start && i < p.end);
  const found: MalformedPlaceholder[] = [];
  for (const m of text.matchAll(BRACE_LIKE)) {
    if (inGood(m.index)) continue;
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const KEYWORD = '(clauses?|sections?|schedules?)';
const NUMBER = '([Ss]?\\d+(?:\\.\\d+)*)';
/** "clause 4.2": a keyword, then a number that is not followed by more digits or a letter. */
const HEAD = new RegExp(`\\b${KEYWORD}\\s+${NUMBER}(?![\\w.]*\\d)(?![A-Za-z])`, 'gi');
/**
 * A continuation of a group: ", 4.3", " and clause 5.3", " to clause 13.3", " or Schedule 6".
 * Sticky, so it must start exactly where the previous number ended.
 */
const MORE = new RegExp(
  `(,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|to)\\s+|\\s*[-\u2013]\\s*)(?:${KEYWORD}\\s+)?${NUMBER}(?![\\w.]*\\d)(?![A-Za-z])`,
  'iy',
);
/**
 * A group followed by "of the Care Act 2014", "to the Data Protection Act 2018" and the like
 * points into legislation, not into this contract, and is left alone.
 */
const EXTERNAL =
  /^\s+(?:of|to|in|under)\s+(?:the\s+)?(?:[A-Z][\w'\u2019()-]*\s+){0,8}?(?:Act|Acts|Regulations?|Order|Rules|Code|GDPR)\b/;

function kindOf(keyword: string): ReferenceKind {
  const k = keyword.toLowerCase();
  return k.startsWith('clause') ? 'clause' : k.startsWith('section') ? 'section' : 'schedule';
}

function normalise(number: string): string {
  return number.startsWith('s') ? `S${number.slice(1)}` : number;
}

/**
 * Every cross-reference in `text`, in order. A bare number continues a group only where it
 * cannot be mistaken for a quantity: after a plural keyword ("clauses 4.1 and 4.2"), or when it
 * has the dotted shape of a clause number ("clause 4.1 and 4.2"). So "section 8 and 10 working
 * days" is one reference, not two.
 */
export function findCrossReferences(text: string): CrossReference[] {
  const found: CrossReference[] = [];
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(text); m; m = HEAD.exec(text)) {
    const group: CrossReference[] = [];
    let kind = kindOf(m[1]!);
    let plural = /s$/i.test(m[1]!);
    group.push({
      kind,
      number: normalise(m[2]!),
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
    let position = HEAD.lastIndex;
    for (;;) {
      MORE.lastIndex = position;
      const c = MORE.exec(text);
      if (!c) break;
      const connector = c[1]!;
      const keyword: string | undefined = c[2];
      const number = c[3]!;
      if (keyword === undefined && !plural && !(kind === 'clause' && number.includes('.'))) break;
      if (keyword !== undefined) {
        kind = kindOf(keyword);
        plural = /s$/i.test(keyword);
      }
      const start = c.index + connector.length;
      const reference: CrossReference = {
        kind,
        number: normalise(number),
        text: text.slice(start, c.index + c[0].length),
        start,
        end: c.index + c[0].length,
      };
      const previous = group.at(-1)!;
      if (/^\s*(?:to|[-\u2013])\s*$/i.test(connector) && previous.kind === kind) {
        reference.rangeFrom = previous.number;
      }
      group.push(reference);
      position = MORE.lastIndex;
    }
    HEAD.lastIndex = position;
    if (EXTERNAL.test(text.slice(position, position + 160))) continue;
    for (const reference of group) found.push(reference);
  }
  return found;
}

/**
 * Text, placeholders and references in order. A reference that overlaps a placeholder (which
 * only a malformed text can produce) is dropped, so segments never overlap.
 */
export function segmentText(text: string): Segment[] {
  const marks: { start: number; end: number; segment: Segment }[] = [];
  for (const p of findPlaceholders(text)) {
    marks.push({
      start: p.start,
      end: p.end,
      segment: { kind: 'placeholder', name: p.name, text: text.slice(p.start, p.end) },
    });
  }
  for (const r of findCrossReferences(text)) {
    if (marks.some((m) => r.start < m.end && m.start < r.end)) continue;
    marks.push({
      start: r.start,
      end: r.end,
      segment: { kind: 'reference', reference: r, text: r.text },
    });
  }
  marks.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) segments.push({ kind: 'text', text: text.slice(at, m.start) });
    segments.push(m.segment);
    at = m.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}
