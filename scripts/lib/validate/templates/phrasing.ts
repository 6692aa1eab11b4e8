/** The English of the template checks: ordinals, spans, and what a JSON pointer names. */
import { arr, obj, str, type Json } from '../json.ts';

export function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** "clause 4.2", "Schedule 3", "parameter "term_years"": what a pointer names, for messages. */
export function describe(value: Json, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const [top, i, sub, j] = parts;
  const index = Number(i);
  if (top === 'sections' || top === 'schedules') {
    const part = obj(arr(value[top])[index]);
    const number = str(part?.['number']);
    const label =
      top === 'sections'
        ? `section ${number ?? `${index + 1} (by position)`}`
        : `Schedule ${number ?? `${index + 1} (by position)`}`;
    if (sub === 'clauses' && j !== undefined) {
      const clause = obj(arr(part?.['clauses'])[Number(j)]);
      const cn = str(clause?.['number']);
      return cn ? `clause ${cn}` : `the ${ordinal(Number(j) + 1)} clause of ${label}`;
    }
    if (sub === 'cost_lines' && j !== undefined) {
      return `cost line ${Number(j) + 1} of ${label}`;
    }
    return label;
  }
  if (top === 'parameters' && i !== undefined) {
    const name = str(obj(arr(value['parameters'])[index])?.['name']);
    return name ? `parameter "${name}"` : `the ${ordinal(index + 1)} parameter`;
  }
  if (top === 'change_notes' && i !== undefined) return `change note ${index + 1}`;
  return 'the template';
}

/** `1 to 3`, or just `1` when there is one. */
export function span(list: readonly string[]): string {
  return list.length > 1 ? `${list[0]} to ${list.at(-1)}` : (list[0] ?? '');
}

/** What the last step of a pointer names, in words: the text, the heading, an option… */
export function fieldName(pointer: string): string {
  const last = pointer.split('/').at(-1) ?? '';
  if (/^\d+$/.test(last)) return 'option';
  return last === 'fallback' ? 'wording for a blank value' : last;
}
