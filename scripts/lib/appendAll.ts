/**
 * Appends every item to the end of `target`. `target.push(...items)` passes each item as an
 * argument, and a long array (about 100,000 items, as a messy register's issues) overflows the
 * call stack; a loop has no limit. The lint rule `no-restricted-syntax` points here.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
