/**
 * How to cite a version of the register and how its licence is stated: written once, used by the
 * README, the workbook, the downloads page and the version list.
 */
import type { RegisterMetadata } from '../types.generated.ts';

/** `Kitemark Register maintainers (2026). Title, version 1.2.0 [Data set]. URL` */
export function formatCitation(meta: RegisterMetadata, created: string, url?: string): string {
  const year = created.slice(0, 4);
  return `${meta.publisher.name} (${year}). ${meta.title}, version ${meta.version} [Data set]. ${meta.licence.title}.${url ? ` ${url}` : ''}`;
}

/** The licence and the attribution statement it asks for, with the sources' licences. */
export function describeLicence(meta: RegisterMetadata): string {
  const sources = (meta.sources ?? []).map((s) => `${s.title} (${s.licence})`);
  return [
    `${meta.licence.title} (${meta.licence.name}): ${meta.licence.path}.`,
    `Attribution: contains data from the ${meta.title}, published by ${meta.publisher.name} under the ${meta.licence.title}.`,
    sources.length > 0
      ? `Codelists and reference lists are derived from: ${sources.join('; ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}
