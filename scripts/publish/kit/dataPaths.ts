/**
 * Every address the open-data part of the site publishes, relative to the site root (as in
 * scripts/publish/kit/urls.ts, whose `data/` section this fills in).
 */
export const dataPaths = {
  downloads: 'data/',
  file: (path: string) => `data/${path}`,
  dictionary: 'data/dictionary/',
  dictionaryCsv: 'data/data-dictionary.csv',
  dictionaryJson: 'data/data-dictionary.json',
  versions: 'data/versions/',
  versionIndex: 'data/v/index.json',
  version: (version: string) => `data/v/${version}/`,
  latest: 'data/latest/',
  changes: 'data/changes/',
  changesPage: (page: number) => (page <= 1 ? 'data/changes/' : `data/changes/page/${page}/`),
  change: (commit: string) => `data/changes/${commit}/`,
  feed: 'data/changes.atom',
  changesJson: 'data/changes.json',
  changesCsv: 'data/changes.csv',
  template: (file: string) => `data/templates/${file}`,
  schema: (file: string) => `schema/${file}`,
  /** Agreed with the site (docs/architecture-site.md). */
  providerHistory: (id: string) => `providers/${encodeURIComponent(id)}/history/`,
} as const;

/** `1234567` reads "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** `2026-01-02T10:00:00+01:00` → `2026-01-02`, the day in the UK. */
export function ukDay(date: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(date));
}
