/**
 * Line and column of anything in a JSON file: a value named by a JSON pointer, or a character
 * inside a string value (a placeholder or a cross-reference in a clause), so an issue lands on
 * the exact spot. Parses the file once, however many issues it has: an adversarial template with
 * thousands of faults must not parse its text thousands of times.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { escapePointerToken, pointerPath } from '../jsonPointer.ts';

export interface Position {
  line: number;
  column: number;
}

export interface JsonLocator {
  /** Where the value at `pointer` is (at its key, for an object property); `inside` counts decoded characters into a string value. */
  at(pointer: string, inside?: number): Position;
  /**
   * Keys given twice in one object. JSON.parse keeps the last silently, so a reviewer reading
   * the first would be misled about what the file says.
   */
  duplicateKeys(): { pointer: string; key: string; position: Position }[];
}

/** The raw offset of the `index`th decoded character of the JSON string literal at `start`. */
function rawOffset(text: string, start: number, index: number): number {
  let at = start + 1; // after the opening quote
  for (let decoded = 0; decoded < index && at < text.length; decoded++) {
    if (text[at] === '\\') at += text[at + 1] === 'u' ? 6 : 2;
    else at += 1;
  }
  return at;
}

export function locateJson(text: string): JsonLocator {
  const tree = parseTree(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  return {
    duplicateKeys() {
      const found: { pointer: string; key: string; position: Position }[] = [];
      const walk = (node: Node, pointer: string) => {
        if (node.type === 'object') {
          const seen = new Set<string>();
          for (const property of node.children ?? []) {
            const [keyNode, valueNode] = property.children ?? [];
            if (!keyNode) continue;
            const key = String(keyNode.value);
            const path = `${pointer}/${escapePointerToken(key)}`;
            if (seen.has(key))
              found.push({ pointer: path, key, position: position(property.offset) });
            seen.add(key);
            if (valueNode) walk(valueNode, path);
          }
        } else if (node.type === 'array') {
          (node.children ?? []).forEach((child, i) => walk(child, `${pointer}/${i}`));
        }
      };
      if (tree) walk(tree, '');
      return found;
    },
    at(pointer, inside) {
      if (!tree) return { line: 1, column: 1 };
      const path = pointerPath(pointer);
      let node: Node | undefined;
      let exact = false;
      for (let n = path.length; n >= 0 && !node; n--) {
        node = findNodeAtLocation(tree, path.slice(0, n));
        exact = n === path.length;
      }
      if (!node) return { line: 1, column: 1 };
      if (inside !== undefined && exact && node.type === 'string') {
        return position(rawOffset(text, node.offset, inside));
      }
      // Point at the key ("title": ...) rather than the value where there is one.
      return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    },
  };
}
