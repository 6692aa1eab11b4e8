/** Event payloads from @octokit/webhooks-examples (the real shapes GitHub sends), copied. */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as Definition[];

/** A deep copy of the first example of `name` with this `action` (any action when omitted). */
export function webhookExample(name: string, action?: string): Record<string, unknown> {
  const found = definitions
    .find((d) => d.name === name)
    ?.examples.find((e) => action === undefined || e['action'] === action);
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ''} example`);
  return structuredClone(found);
}

/** Writes a payload where GITHUB_EVENT_PATH can point. */
export function writeEvent(dir: string, payload: unknown, name = 'event.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}
