/** JSON Pointers (RFC 6901), such as `/sections/2/clauses/0/text`, read and written one way. */

/** The pointer's reference tokens, unescaped: `/a~1b/0` is `['a/b', '0']`; `''` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The tokens as a path into a parsed tree: array indices as numbers. */
export function pointerPath(pointer: string): (string | number)[] {
  return parsePointer(pointer).map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

/** One key, escaped to go into a pointer. */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value the pointer names inside `value`, or undefined where the path does not exist. */
export function valueAtPointer(value: unknown, pointer: string): unknown {
  let node = value;
  for (const key of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (node !== null && typeof node === 'object')
      node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}
