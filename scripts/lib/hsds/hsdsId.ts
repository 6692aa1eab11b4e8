/**
 * HSDS requires every record to have a UUID. Ours are UUIDv5 (name-based, SHA-1) of our own
 * stable keys, so the same provider, service or area has the same id in every build and every
 * release, and a directory that merges our feed can update its copy instead of duplicating it.
 */
import { parse, v5 } from 'uuid';

/**
 * The register's own namespace: the UUIDv5 of the HSDS feed's first published address in the
 * URL namespace (RFC 9562). It is a constant, never recomputed: changing it would change every id.
 */
export const HSDS_NAMESPACE = '9ba6603c-9f77-5dc6-9206-c5d28b304bbb';

// Parsed once: a million ids at 50,000 providers, and parsing the text each time doubles their cost.
const NAMESPACE_BYTES = parse(HSDS_NAMESPACE);

/**
 * The id of one record: `register` is register.json's `name` (so two registers that both have
 * a P000001 never share an id), `kind` the HSDS object, `parts` our keys.
 * `hsdsId('kitemark-register', 'service', 'P000002', 'transport')`.
 */
export function hsdsId(register: string, kind: string, ...parts: string[]): string {
  return v5([register, kind, ...parts].join('/'), NAMESPACE_BYTES);
}
