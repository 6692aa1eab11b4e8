/**
 * What the record renderers need besides the record itself, computed once per build: code
 * titles, which councils have a browse page, and the site facts.
 */
import type { Register } from '../../../lib/buildRegister.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';

export interface RecordContext {
  site: SiteInfo;
  /** The title of a code in a codelist, or the code itself when unknown. */
  title(list: string, code: string): string;
  /** Councils with a browse page (those some provider is based in). */
  councilPages: ReadonlySet<string>;
  /** Document types every accredited provider must hold, in codelist order. */
  mandatoryDocuments: readonly string[];
}

export function recordContext(register: Register, site: SiteInfo): RecordContext {
  return {
    site,
    title: (list, code) => register.codelists.get(list)?.get(code)?.title ?? code,
    councilPages: new Set(register.providers.map((p) => p.local_authority)),
    mandatoryDocuments: [...(register.codelists.get('document-types')?.values() ?? [])]
      .filter((t) => t['mandatory'] === 'yes')
      .map((t) => t.code),
  };
}
