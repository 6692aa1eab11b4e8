/**
 * Where the JSON Schemas are published. In `schema/` their `$id`s share one placeholder origin
 * (the standard's name for them, independent of where a register is hosted); a published copy
 * says where it really is, so a validator that follows a `$id` or `$ref` finds the file. Only
 * `$id` and `$ref` values under that origin are rewritten, in the text, so every other byte of
 * the schema is kept.
 */
import { SCHEMAS } from './schemas.ts';

/** The folder every schema `$id` in `schema/` is under: `https://…/schema/`. */
export const SCHEMA_ID_BASE = String(SCHEMAS.register['$id']).replace(/[^/]*$/, '');

/** A schema's `$id` (or a `$ref` to one) at its published address under `base`. */
export function publishedSchemaUrl(id: string, base: string | undefined): string {
  if (!base || !id.startsWith(SCHEMA_ID_BASE)) return id;
  return base + id.slice(SCHEMA_ID_BASE.length);
}

const ID_OR_REF = /("\$(?:id|ref)"\s*:\s*")([^"\\]*)"/g;

/** A schema file's text with its `$id` and `$ref`s at their published addresses. */
export function publishSchemaText(text: string, base: string | undefined): string {
  if (!base) return text;
  return text.replace(
    ID_OR_REF,
    (_, key: string, value: string) => `${key}${publishedSchemaUrl(value, base)}"`,
  );
}

/** Every schema file (by name) with its `$id` and `$ref`s at their published addresses. */
export function publishSchemaFiles(
  files: ReadonlyMap<string, Uint8Array>,
  base: string | undefined,
): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return new Map(
    [...files].map(([name, bytes]) => [
      name,
      base ? encoder.encode(publishSchemaText(decoder.decode(bytes), base)) : bytes,
    ]),
  );
}
