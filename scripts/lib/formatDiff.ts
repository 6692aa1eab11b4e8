/**
 * A register diff in words, for people: the terminal (`kitemark diff`) and the pull-request
 * comment say the same sentences, built once by describeDiff and printed as text or Markdown.
 * Every value that came from the data is kept apart from our words (an `Inline` code piece), so
 * the Markdown printer can make it inert.
 */
import {
  CHANGE_KINDS,
  DIFF_TABLES,
  type Change,
  type ChangeKind,
  type DiffTable,
  type FieldChange,
  type RegisterDiff,
  type Value,
} from './diffRegisters.ts';
import { codeSpan, escapeMarkdown } from './markdown.ts';
import { capitalise, plural } from './words.ts';
import { appendAll } from './appendAll.ts';

/** Our words, or a value from the data (shown verbatim in text, as a code span in Markdown). */
export type Inline = string | { value: string } | { name: string };
export type Line = Inline[];

export interface DescribedChange {
  headline: Line;
  details: Line[];
}

export interface DiffSection {
  /** Stable identifier, for tests and anchors: `accreditations/status`, `providers/added`… */
  id: string;
  title: string;
  /** Items in this section, including any omitted below. */
  count: number;
  items: DescribedChange[];
  /** Set when the section says something a reviewer must look at (removals, reinstatements). */
  caution?: string;
}

const TABLE_WORDS: Record<DiffTable, [one: string, many: string]> = {
  providers: ['provider', 'providers'],
  accreditations: ['accreditation', 'accreditations'],
  documents: ['document', 'documents'],
  commissioners: ['commissioner', 'commissioners'],
  codelists: ['codelist entry', 'codelist entries'],
  'contract-templates': ['contract template version', 'contract template versions'],
};

const KIND_WORDS: Record<ChangeKind, string> = {
  added: 'added',
  ended: 'ended',
  removed: 'removed',
  changed: 'changed',
};

/** One sentence of counts: `2 providers added, 1 accreditation ended, 3 documents changed.` */
export function summariseDiff(diff: RegisterDiff): string {
  const parts: string[] = [];
  for (const table of DIFF_TABLES) {
    for (const kind of CHANGE_KINDS) {
      const n = diff.counts[table][kind];
      if (n > 0) {
        const [one, many] = TABLE_WORDS[table];
        parts.push(`${plural(n, one, many)} ${KIND_WORDS[kind]}`);
      }
    }
  }
  if (diff.meta.length > 0) parts.push('register.json changed');
  return parts.length === 0 ? 'No change to the register.' : `${capitalise(parts.join(', '))}.`;
}

/**
 * The diff as sections of sentences, in the order a reviewer wants them: version, providers
 * added, status transitions, what ended or was removed, then corrections, documents,
 * commissioners, codelists and contract templates. `limit` caps the items kept per section.
 */
export function describeDiff(diff: RegisterDiff, limit = Infinity): DiffSection[] {
  const sections: DiffSection[] = [];
  const add = (
    section: Omit<DiffSection, 'items' | 'count'>,
    changes: Change[],
    describe: (c: Change) => DescribedChange,
    total = 0,
  ) => {
    // `total` is the full count from diff.counts, for sections that are a whole table and kind:
    // a diff whose `changes` were shortened (as a review report's are) still counts everything.
    const count = Math.max(changes.length, total);
    if (count === 0) return;
    sections.push({ ...section, count, items: changes.slice(0, limit).map(describe) });
  };
  const total = (table: DiffTable, ...kinds: ChangeKind[]) =>
    kinds.reduce((n, kind) => n + diff.counts[table][kind], 0);
  const of = (table: DiffTable, kinds: ChangeKind[], extra: (c: Change) => boolean = () => true) =>
    diff.changes.filter((c) => c.table === table && kinds.includes(c.kind) && extra(c));

  if (diff.meta.length > 0) {
    sections.push({
      id: 'register',
      title: 'Register metadata (register.json)',
      count: diff.meta.length,
      items: diff.meta.slice(0, limit).map((f) => ({ headline: fieldLine(f), details: [] })),
    });
  }
  add(
    { id: 'providers/added', title: 'Providers added' },
    of('providers', ['added']),
    describeAddedProvider,
    total('providers', 'added'),
  );
  const statusChanged = (c: Change) => c.status !== undefined && c.kind !== 'removed';
  add(
    { id: 'accreditations/status', title: 'Accreditation status changes' },
    of('accreditations', ['added', 'ended', 'changed'], statusChanged),
    describeAccreditation,
  );
  add(
    {
      id: 'accreditations/reinstated',
      title: 'Awards brought back from an ended state',
      caution:
        'An ended award is normally followed by a new award (a new row), not reinstated: check this is intended.',
    },
    of('accreditations', ['changed'], (c) => c.tags.includes('reinstated')),
    describeAccreditation,
  );
  add(
    { id: 'accreditations/changed', title: 'Accreditations corrected' },
    of('accreditations', ['changed'], (c) => !c.tags.includes('status-changed')),
    describeChanged,
  );
  add(
    { id: 'providers/changed', title: 'Providers changed' },
    of('providers', ['changed', 'ended']),
    describeChanged,
    total('providers', 'changed', 'ended'),
  );
  add(
    { id: 'documents/re-verified', title: 'Documents re-verified' },
    of('documents', ['changed'], (c) => c.tags.includes('re-verified')),
    describeDocument,
  );
  add(
    { id: 'documents/added', title: 'Documents added' },
    of('documents', ['added']),
    describeDocument,
    total('documents', 'added'),
  );
  add(
    { id: 'documents/changed', title: 'Documents changed' },
    of('documents', ['changed', 'ended'], (c) => !c.tags.includes('re-verified')),
    describeChanged,
  );
  add(
    { id: 'commissioners/added', title: 'Commissioners added' },
    of('commissioners', ['added']),
    describeAdded,
    total('commissioners', 'added'),
  );
  add(
    { id: 'commissioners/changed', title: 'Commissioners changed' },
    of('commissioners', ['changed', 'ended']),
    describeChanged,
    total('commissioners', 'changed', 'ended'),
  );
  add(
    { id: 'codelists/added', title: 'Codelist entries added' },
    of('codelists', ['added']),
    describeAdded,
    total('codelists', 'added'),
  );
  add(
    { id: 'codelists/changed', title: 'Codelist entries changed or ended' },
    of('codelists', ['changed', 'ended']),
    describeChanged,
    total('codelists', 'changed', 'ended'),
  );
  add(
    { id: 'contract-templates', title: 'Contract templates' },
    of('contract-templates', ['added', 'ended', 'changed']),
    describeTemplate,
    total('contract-templates', 'added', 'ended', 'changed'),
  );
  const removed = diff.changes.filter((c) => c.kind === 'removed');
  add(
    {
      id: 'removed',
      title: 'Records removed',
      caution:
        'The register never deletes a record: end it instead (an award lapsed or withdrawn, a template superseded), so its key is never reused and its history stays.',
    },
    removed,
    describeRemoved,
    DIFF_TABLES.reduce((n, t) => n + diff.counts[t].removed, 0),
  );
  return sections;
}

function describeAddedProvider(c: Change): DescribedChange {
  const r = c.record;
  const details: Line[] = [];
  const where = [r['town'], r['postcode']].filter((v): v is string => typeof v === 'string');
  if (where.length)
    details.push([
      'in ',
      { value: where.join(', ') },
      ...(r['local_authority'] ? [' (', { value: show(r['local_authority']) }, ')'] : []),
    ]);
  if (r['legal_form']) details.push(['legal form ', { value: show(r['legal_form']) }]);
  const ids = ['charity_number', 'oscr_number', 'company_number'].filter((f) => r[f]);
  if (ids.length)
    details.push(
      ids.flatMap((f, i): Inline[] => [
        i ? ', ' : '',
        `${f.replace(/_/g, ' ')} `,
        { value: show(r[f]) },
      ]),
    );
  if (r['services']) details.push(['services ', { value: show(r['services']) }]);
  return { headline: [{ value: c.key }, ' ', { name: c.label }], details };
}

function describeAccreditation(c: Change): DescribedChange {
  const headline: Line = [{ value: c.key }];
  if (c.providerId) headline.push(' for ', { value: c.providerId });
  if (c.providerName) headline.push(' ', { name: c.providerName });
  headline.push(': ');
  if (c.kind === 'added') headline.push('new award, ', { value: c.status?.after ?? '?' });
  else
    headline.push({ value: c.status?.before ?? '(none)' }, ' → ', {
      value: c.status?.after ?? '(none)',
    });
  if (c.tags.includes('renewal')) headline.push(' (renewal)');
  if (c.kind === 'ended') headline.push(' (ended)');
  const details: Line[] = [];
  if (c.kind === 'added') {
    for (const f of ['scope', 'awarded_on', 'expires_on']) {
      if (c.record[f]) details.push([`${f.replace(/_/g, ' ')} `, { value: show(c.record[f]) }]);
    }
  } else {
    for (const f of c.fields) if (f.field !== 'status') details.push(fieldLine(f));
  }
  return { headline, details };
}

function describeDocument(c: Change): DescribedChange {
  const headline: Line = [{ value: c.key }, ' ', { name: c.label }];
  if (c.providerName) headline.push(' (', { name: c.providerName }, ')');
  const details: Line[] = [];
  if (c.kind === 'added') {
    for (const f of ['version', 'verified_on', 'review_by']) {
      if (c.record[f]) details.push([`${f.replace(/_/g, ' ')} `, { value: show(c.record[f]) }]);
    }
  } else {
    for (const f of c.fields) details.push(fieldLine(f));
  }
  return { headline, details };
}

function describeAdded(c: Change): DescribedChange {
  return { headline: [{ value: c.key }, ' ', { name: c.label }], details: [] };
}

function describeChanged(c: Change): DescribedChange {
  const headline: Line = [{ value: c.key }, ' ', { name: c.label }];
  if (c.table !== 'providers' && c.providerName) headline.push(' (', { name: c.providerName }, ')');
  if (c.tags.includes('renamed')) headline.push(' (renamed)');
  if (c.kind === 'ended') headline.push(' (ended)');
  return { headline, details: c.fields.map(fieldLine) };
}

function describeTemplate(c: Change): DescribedChange {
  const headline: Line = [{ value: c.key }, ' ', { name: c.label }, ': '];
  if (c.kind === 'added') {
    headline.push(c.tags.includes('new-version') ? 'new version' : 'new template');
    if (c.status?.after) headline.push(', ', { value: c.status.after });
  } else if (c.status) {
    headline.push({ value: c.status.before ?? '(none)' }, ' → ', {
      value: c.status.after ?? '(none)',
    });
  } else {
    headline.push('changed');
  }
  const details: Line[] = c.fields.filter((f) => f.field !== 'status').map(fieldLine);
  const parts = c.parts ?? [];
  for (const kind of ['added', 'changed', 'removed'] as const) {
    const names = parts.filter((p) => p.kind === kind).map((p) => p.part);
    if (names.length === 0) continue;
    const shown = names.slice(0, 12);
    details.push([
      `${capitalise(kind)}: `,
      { value: shown.join(', ') },
      names.length > shown.length ? ` and ${names.length - shown.length} more` : '',
    ]);
  }
  return { headline, details };
}

function describeRemoved(c: Change): DescribedChange {
  const [one] = TABLE_WORDS[c.table];
  return {
    headline: [`${capitalise(one)} `, { value: c.key }, ' ', { name: c.label }],
    details: [],
  };
}

/** `postcode: OX7 6BQ → OX7 6BR`; lists say what was added and removed. */
export function fieldLine(f: FieldChange): Line {
  const line: Line = [`${f.field}: `];
  if (f.added !== undefined || f.removed !== undefined) {
    const parts: Line[] = [];
    if (f.added?.length) parts.push(['added ', { value: f.added.join(', ') }]);
    if (f.removed?.length) parts.push(['removed ', { value: f.removed.join(', ') }]);
    parts.forEach((p, i) => {
      if (i) line.push('; ');
      appendAll(line, p);
    });
    return line;
  }
  if (f.before === undefined) line.push('set to ', { value: show(f.after) });
  else if (f.after === undefined) line.push('cleared (was ', { value: show(f.before) }, ')');
  else line.push({ value: show(f.before) }, ' → ', { value: show(f.after) });
  return line;
}

function show(v: Value | undefined): string {
  return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : v;
}

// ---------------------------------------------------------------------------------------------
// Printers

export function renderInlineText(line: Line): string {
  return line.map((p) => (typeof p === 'string' ? p : 'value' in p ? p.value : p.name)).join('');
}

export function renderInlineMarkdown(line: Line): string {
  return line
    .map((p) =>
      typeof p === 'string'
        ? p
        : 'value' in p
          ? codeSpan(p.value)
          : `**${escapeMarkdown(p.name, 120)}**`,
    )
    .join('');
}

export function formatDiffText(diff: RegisterDiff, options: { limit?: number } = {}): string {
  const lines: string[] = [summariseDiff(diff), ''];
  if (diff.base.version !== diff.head.version) {
    lines.push(
      `Register version ${diff.base.version ?? '(none)'} → ${diff.head.version ?? '(none)'}`,
      '',
    );
  }
  for (const section of describeDiff(diff, options.limit)) {
    lines.push(`${section.title} (${section.count.toLocaleString('en-GB')})`);
    if (section.caution) lines.push(`  ! ${section.caution}`);
    for (const item of section.items) {
      lines.push(`  ${renderInlineText(item.headline)}`);
      for (const d of item.details) lines.push(`      ${renderInlineText(d)}`);
    }
    if (section.count > section.items.length) {
      lines.push(
        `  … and ${(section.count - section.items.length).toLocaleString('en-GB')} more (--format json lists them all)`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Markdown for GitHub. `limit` caps items per section and `maxDetails` the detail lines per
 * item, so that a pull request touching thousands of rows still gives a comment GitHub accepts.
 */
export function formatDiffMarkdown(
  diff: RegisterDiff,
  options: { limit?: number; maxDetails?: number; heading?: string } = {},
): string {
  const limit = options.limit ?? 50;
  const maxDetails = options.maxDetails ?? 12;
  const level = options.heading ?? '###';
  const lines: string[] = [escapeMarkdown(summariseDiff(diff), 1000)];
  if (diff.base.version !== diff.head.version) {
    lines.push(
      '',
      `Register version ${codeSpan(diff.base.version ?? '(none)')} → ${codeSpan(diff.head.version ?? '(none)')}`,
    );
  }
  for (const section of describeDiff(diff, limit)) {
    lines.push('', `${level} ${section.title} (${section.count.toLocaleString('en-GB')})`, '');
    if (section.caution) lines.push(`> [!WARNING]`, `> ${section.caution}`, '');
    for (const item of section.items) {
      lines.push(`- ${renderInlineMarkdown(item.headline)}`);
      for (const d of item.details.slice(0, maxDetails))
        lines.push(`  - ${renderInlineMarkdown(d)}`);
      if (item.details.length > maxDetails)
        lines.push(`  - … and ${item.details.length - maxDetails} more`);
    }
    if (section.count > section.items.length) {
      lines.push(`- … and ${(section.count - section.items.length).toLocaleString('en-GB')} more`);
    }
  }
  return `${lines.join('\n')}\n`;
}
