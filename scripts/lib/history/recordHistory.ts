/**
 * Per-record history: each provider's timeline (added, renamed, details changed, applied,
 * accredited, renewed, suspended, lapsed, documents added and re-verified), taken from the
 * diffs of the register's history. Pure: the steps come from replayHistory.
 */
import type { Change, FieldChange } from '../diffRegisters.ts';
import type { HistoryStep, RegisterHistory } from './historyTypes.ts';
import { appendAll } from '../appendAll.ts';

export type TimelineKind =
  | 'added'
  | 'renamed'
  | 'details-changed'
  | 'removed'
  | 'applied'
  | 'accredited'
  | 'renewed'
  | 'status-changed'
  | 'ended'
  | 'reinstated'
  | 'award-changed'
  | 'document-added'
  | 'document-re-verified'
  | 'document-changed'
  | 'document-removed';

export interface TimelineEvent {
  kind: TimelineKind;
  /** When the register recorded it: the commit's date (RFC 3339). */
  date: string;
  commit: string;
  pullRequest?: number;
  /** The record the event is about: the provider, an award (`KM-…`) or a document (`P…/type`). */
  key: string;
  /** One plain-English sentence. */
  text: string;
  /** For changes: the fields before and after. */
  fields?: FieldChange[];
  /** For status changes. */
  status?: { before?: string; after?: string };
  /** The document's title, for document events. */
  title?: string;
  /** Documents added or re-verified together: their titles, in the diff's order. */
  items?: string[];
}

/** Timelines by provider ID, each oldest first. */
export type RecordTimelines = Map<string, TimelineEvent[]>;

export function recordHistory(history: RegisterHistory): RecordTimelines {
  const timelines: RecordTimelines = new Map();
  for (const step of history.steps) {
    const byProvider = new Map<string, TimelineEvent[]>();
    for (const change of step.diff.changes) {
      const providerId = change.table === 'providers' ? change.key : change.providerId;
      if (!providerId) continue;
      const event = describeEvent(change, step);
      if (!event) continue;
      let list = byProvider.get(providerId);
      if (!list) byProvider.set(providerId, (list = []));
      list.push(event);
    }
    for (const [providerId, events] of byProvider) {
      let list = timelines.get(providerId);
      if (!list) timelines.set(providerId, (list = []));
      appendAll(list, groupDocuments(providerId, events));
    }
  }
  return timelines;
}

/**
 * A provider's documents usually arrive and are re-verified as a set: one event per set reads
 * better than twelve ("12 documents added: …").
 */
function groupDocuments(providerId: string, events: TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const kind of ['document-added', 'document-re-verified'] as const) {
    const group = events.filter((e) => e.kind === kind);
    if (group.length < 2) continue;
    const first = group[0]!;
    const items = group.map((e) => e.title ?? e.key);
    out.push({
      kind,
      date: first.date,
      commit: first.commit,
      ...(first.pullRequest !== undefined ? { pullRequest: first.pullRequest } : {}),
      key: providerId,
      text: `${group.length} documents ${kind === 'document-added' ? 'added' : 're-verified'}: ${items.join(', ')}.`,
      items,
    });
  }
  const grouped = new Set(out.map((e) => e.kind));
  const kept = events.filter((e) => !grouped.has(e.kind));
  // Keep the diff's order (providers, awards, documents), with each group where its first was.
  return [...kept, ...out].sort(
    (a, b) => events.indexOf(firstOf(a, events)) - events.indexOf(firstOf(b, events)),
  );
}

function firstOf(event: TimelineEvent, events: TimelineEvent[]): TimelineEvent {
  return event.items ? events.find((e) => e.kind === event.kind)! : event;
}

const value = (v: unknown): string => (Array.isArray(v) ? v.join('; ') : String(v ?? ''));

function describeEvent(change: Change, step: HistoryStep): TimelineEvent | undefined {
  const base = {
    date: step.commit.date,
    commit: step.commit.commit,
    ...(step.pullRequest !== undefined ? { pullRequest: step.pullRequest } : {}),
    key: change.key,
  };
  const r = change.record;
  const withFields = (kind: TimelineKind, text: string): TimelineEvent => ({
    kind,
    ...base,
    text,
    ...(change.fields.length > 0 ? { fields: change.fields } : {}),
    ...(change.status ? { status: change.status } : {}),
  });

  if (change.table === 'providers') {
    if (change.kind === 'added')
      return { kind: 'added', ...base, text: `Added to the register as ${change.label}.` };
    if (change.kind === 'removed')
      return { kind: 'removed', ...base, text: 'Removed from the register.' };
    const rename = change.fields.find((f) => f.field === 'name');
    if (rename) {
      const others = change.fields.filter((f) => f.field !== 'name').map((f) => f.field);
      return withFields(
        'renamed',
        `Renamed from ${value(rename.before)} to ${value(rename.after)}${others.length ? `; also changed: ${others.join(', ')}` : ''}.`,
      );
    }
    return withFields(
      'details-changed',
      `Details changed: ${change.fields.map((f) => f.field).join(', ')}.`,
    );
  }

  if (change.table === 'accreditations') {
    const id = change.key;
    const until = r['expires_on'] ? ` until ${value(r['expires_on'])}` : '';
    if (change.kind === 'added') {
      const status = change.status?.after;
      if (status === 'applied') return withFields('applied', `Applied for the kitemark (${id}).`);
      if (status === 'accredited') {
        return change.tags.includes('renewal')
          ? withFields('renewed', `Kitemark renewed: certificate ${id}${until}.`)
          : withFields('accredited', `Accredited: certificate ${id}${until}.`);
      }
      return withFields('status-changed', `Award ${id} recorded as ${status ?? 'unknown'}.`);
    }
    if (change.kind === 'removed')
      return withFields('ended', `Award ${id} removed from the register.`);
    if (change.status) {
      const { before, after } = change.status;
      if (change.kind === 'ended')
        return withFields('ended', `Award ${id} ${after ?? 'ended'} (was ${before ?? 'none'}).`);
      if (change.tags.includes('reinstated'))
        return withFields('reinstated', `Award ${id} reinstated: ${before} → ${after}.`);
      if (after === 'accredited' && before === 'applied') {
        return withFields('accredited', `Accredited: certificate ${id}${until}.`);
      }
      return withFields('status-changed', `Award ${id}: ${before ?? 'none'} → ${after ?? 'none'}.`);
    }
    const reviewed = change.fields.find((f) => f.field === 'last_reviewed_on');
    if (reviewed?.after && change.fields.length === 1) {
      return withFields('award-changed', `Award ${id} reviewed on ${value(reviewed.after)}.`);
    }
    return withFields(
      'award-changed',
      `Award ${id} corrected: ${change.fields.map((f) => f.field).join(', ')}.`,
    );
  }

  if (change.table === 'documents') {
    const title = change.label;
    const document = (kind: TimelineKind, text: string): TimelineEvent => ({
      ...withFields(kind, text),
      title,
    });
    if (change.kind === 'added') {
      const verified = r['verified_on'] ? `, verified on ${value(r['verified_on'])}` : '';
      return document('document-added', `Document added: ${title}${verified}.`);
    }
    if (change.kind === 'removed')
      return document('document-removed', `Document removed: ${title}.`);
    if (change.tags.includes('re-verified')) {
      const on = r['verified_on'] ? ` on ${value(r['verified_on'])}` : '';
      return document('document-re-verified', `Document re-verified${on}: ${title}.`);
    }
    return document(
      'document-changed',
      `Document changed: ${title} (${change.fields.map((f) => f.field).join(', ')}).`,
    );
  }
  return undefined;
}
