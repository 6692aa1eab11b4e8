/**
 * Writes `scripts/lib/types.generated.ts` from the JSON Schemas, so record types are never
 * written twice. `npm run types` regenerates it; a unit test fails when it is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';

const root = join(import.meta.dirname, '../..');
export const TYPES_FILE = join(root, 'scripts/lib/types.generated.ts');

export async function generateTypes(): Promise<string> {
  const files = readdirSync(join(root, 'schema'))
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
  const parts: string[] = [];
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(root, 'schema', file), 'utf8')) as JSONSchema;
    // Conditional branches only add `required`; they do not change the record's shape.
    delete schema.if;
    delete schema.then;
    delete schema.else;
    stripScalarTitles(schema, true);
    parts.push(
      await compile(schema, String(schema.title), {
        bannerComment: '',
        additionalProperties: false,
        strictIndexSignatures: true,
        format: false,
        ignoreMinAndMaxItems: true,
      }),
    );
  }
  const banner =
    '/* Generated from schema/*.schema.json by `npm run types`. Do not edit: change the schema. */\n';
  const config = (await resolveConfig(TYPES_FILE)) ?? {};
  return format(banner + parts.join('\n'), { ...config, parser: 'typescript' });
}

/** Titles on scalar and array schemas would each become a named alias, colliding across files. */
function stripScalarTitles(node: unknown, isRoot = false): void {
  if (Array.isArray(node)) return node.forEach((n) => stripScalarTitles(n));
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (!isRoot && schema['type'] !== 'object' && typeof schema['title'] === 'string') {
    delete schema['title'];
  }
  for (const value of Object.values(schema)) stripScalarTitles(value);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TYPES_FILE, await generateTypes());
  console.log(`wrote ${TYPES_FILE}`);
}
