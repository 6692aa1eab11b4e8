import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { pointerPath } from './jsonPointer.ts';

/**
 * Line and column (1-based) of the value a JSON Pointer (`/sections/2/title`) names, so a
 * schema error in a JSON file can be annotated on the exact line. Falls back to the nearest
 * ancestor that exists, then to the top of the file.
 */
export function jsonPosition(text: string, pointer: string): { line: number; column: number } {
  const tree = parseTree(text);
  if (!tree) return { line: 1, column: 1 };
  const path = pointerPath(pointer);
  let node: Node | undefined;
  for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, path.slice(0, n));
  // Point at the key ("title": ...) rather than the value where there is one.
  const offset = node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
