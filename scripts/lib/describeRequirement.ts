/**
 * Says in plain English when a conditionally required field is required, from the schema's own
 * `if`/`then`/`else`, so the data dictionary, the Table Schema and the templates all say the same
 * thing and none of them has to be edited when the schema changes.
 */
import type { JsonSchema, TableSpec } from './schemas.ts';

/** `Required unless Status is "applied".`, or undefined when the field is not conditional. */
export function describeRequirement(table: TableSpec, field: string): string | undefined {
  const {
    if: condition,
    then,
    else: otherwise,
  } = table.schema as {
    if?: JsonSchema;
    then?: JsonSchema;
    else?: JsonSchema;
  };
  if (!condition) return undefined;
  const when = describeCondition(table, condition);
  if (!when) return undefined;
  if (requires(then, field)) return `Required when ${when}.`;
  if (requires(otherwise, field)) return `Required unless ${when}.`;
  return undefined;
}

function requires(branch: JsonSchema | undefined, field: string): boolean {
  const required = branch?.['required'];
  return Array.isArray(required) && required.includes(field);
}

function describeCondition(table: TableSpec, condition: JsonSchema): string | undefined {
  const title = (name: string) => table.fields.find((f) => f.name === name)?.title ?? name;
  const properties = (condition['properties'] ?? {}) as Record<string, JsonSchema>;
  const parts: string[] = [];
  for (const [name, rule] of Object.entries(properties)) {
    if ('const' in rule) parts.push(`${title(name)} is "${String(rule['const'])}"`);
    else if (Array.isArray(rule['enum'])) {
      const values = rule['enum'].map((v) => `"${String(v)}"`);
      parts.push(
        values.length === 1
          ? `${title(name)} is ${values[0]}`
          : `${title(name)} is ${values.slice(0, -1).join(', ')} or ${values.at(-1)}`,
      );
    } else return undefined;
  }
  const required = (condition['required'] ?? []) as string[];
  for (const name of required) if (!(name in properties)) parts.push(`${title(name)} is given`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}
