/**
 * The titles a contract prints for its codes (topics, cost categories, statuses), taken from
 * the codelists as plain objects, so they can be written into a page for the browser too.
 */
import type { Codelist } from '../loadRegister.ts';
import type { CodelistEntry } from '../types.generated.ts';
import type { CodeTitles } from './describeContract.ts';

type Lists = ReadonlyMap<string, Codelist | ReadonlyMap<string, CodelistEntry>>;

function entries(lists: Lists, name: string): CodelistEntry[] {
  const list = lists.get(name);
  if (!list) return [];
  // A Map has an `entries` method too, so tell the two apart by what they are.
  const map = list instanceof Map ? list : (list as Codelist).entries;
  return [...map.values()] as CodelistEntry[];
}

export function codeTitles(lists: Lists): CodeTitles {
  const titles = (name: string) =>
    Object.fromEntries(entries(lists, name).map((e) => [e.code, e.title]));
  return {
    topics: titles('clause-topics'),
    costCategories: titles('cost-categories'),
    statuses: Object.fromEntries(
      entries(lists, 'template-statuses').map((e) => [
        e.code,
        { title: e.title, description: e.description ?? '' },
      ]),
    ),
  };
}
