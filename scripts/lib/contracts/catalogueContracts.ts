/**
 * The contract templates as the site lists them: each template with its versions (newest
 * first), the version to use now, and the commissioners that have adopted it. Pure: it takes
 * the loaded (and validated) template files and the commissioners.
 */
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

export function compareSemver(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
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
    const sorted = [...list].sort((a, b) => compareSemver(b.version, a.version));
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

/** Every address the contract pages and downloads use, relative to the site root. */
/** The calculator's downloads, under contractPaths.pricing. */
export const PRICING_FILES = {
  csv: 'cost-statement-template.csv',
  xlsx: 'cost-statement-template.xlsx',
  exampleJson: 'example-cost-statement.json',
  exampleCsv: 'example-cost-statement.csv',
} as const;

export const contractPaths = {
  index: 'contracts/',
  template: (id: string) => `contracts/${encodeURIComponent(id)}/`,
  version: (id: string, version: string) =>
    `contracts/${encodeURIComponent(id)}/${encodeURIComponent(version)}/`,
  fill: (id: string, version: string) => `${contractPaths.version(id, version)}fill/`,
  compare: (id: string) => `${contractPaths.template(id)}compare/`,
  comparePair: (id: string, from: string, to: string) =>
    `${contractPaths.compare(id)}${encodeURIComponent(from)}-to-${encodeURIComponent(to)}/`,
  /** A download of one version: `docx`, `md`, `html` or `json`. */
  download: (id: string, version: string, extension: string) =>
    `${contractPaths.version(id, version)}${encodeURIComponent(`${id}-${version}`)}.${extension}`,
  /** The DOCX skeleton the fill-in form fills in the browser. */
  docxSkeleton: (id: string, version: string) =>
    `${contractPaths.version(id, version)}${encodeURIComponent(`${id}-${version}`)}.docx-parts.json`,
  /** Titles of topics, cost categories and statuses, for the fill-in form. */
  codeTitles: 'contracts/code-titles.json',
  /** The full cost recovery calculator, and its blank templates and worked example. */
  pricing: 'contracts/pricing/',
  pricingFile: (name: string) => `contracts/pricing/${name}`,
  /** Providers' and commissioners' names, numbers and addresses, for the fill-in form. */
  parties: 'contracts/parties.json',
  assets: (file: string) => `assets/contracts/${file}`,
} as const;
