/**
 * The contract templates as the site lists them: each template with its versions (newest
 * first), the version to use now, and the commissioners that have adopted it. Pure: it takes
 * the loaded (and validated) template files and the commissioners.
 */
import { compareVersions } from '../releases.ts';
import type { Commissioner, ContractTemplate } from '../types.generated.ts';
import type { CodeTitles } from './describeContract.ts';

export interface ContractVersion {
  id: string;
  version: string;
  template: ContractTemplate;
  status: string;
  statusTitle: string;
  statusDescription: string;
  /** The version that names this one in its `supersedes`, if any. */
  supersededBy?: string;
  /** The version commissioners should use now: the published one (or, if none, the newest). */
  current: boolean;
}

export interface Adopter {
  id: string;
  name: string;
  type: string;
}

export interface ContractEntry {
  id: string;
  /** Title and summary of the current version. */
  title: string;
  summary: string;
  /** Newest first. */
  versions: ContractVersion[];
  current: ContractVersion;
  /** Whether any version is published (if not, the current version is a draft of some kind). */
  published: boolean;
  adoptedBy: Adopter[];
}

export function catalogueContracts(
  templates: readonly { file: string; value: unknown }[],
  commissioners: readonly Commissioner[],
  titles: CodeTitles,
): ContractEntry[] {
  const byId = new Map<string, ContractTemplate[]>();
  for (const t of templates) {
    const id = /^contract-templates\/([^/]+)\//.exec(t.file)?.[1];
    if (!id || t.value === undefined) continue;
    byId.set(id, [...(byId.get(id) ?? []), t.value as ContractTemplate]);
  }
  const entries: ContractEntry[] = [];
  for (const [id, list] of byId) {
    const sorted = [...list].sort((a, b) => compareVersions(b.version, a.version));
    const published = sorted.find((t) => t.status === 'published');
    const current = published ?? sorted[0]!;
    const versions = sorted.map((t): ContractVersion => {
      const status = titles.statuses[t.status];
      const v: ContractVersion = {
        id,
        version: t.version,
        template: t,
        status: t.status,
        statusTitle: status?.title ?? t.status,
        statusDescription: status?.description ?? '',
        current: t === current,
      };
      const by = sorted.find((o) => o.supersedes === t.version);
      if (by) v.supersededBy = by.version;
      return v;
    });
    entries.push({
      id,
      title: current.title,
      summary: current.summary,
      versions,
      current: versions.find((v) => v.current)!,
      published: published !== undefined,
      adoptedBy: commissioners
        .filter((c) => c.contract_templates?.includes(id))
        .map((c) => ({ id: c.commissioner_id, name: c.name, type: c.type }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    });
  }
  return entries.sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
}
