/**
 * Every download of one template version, made once: DOCX, Markdown, HTML and JSON of the
 * template, and the DOCX skeleton the fill-in form fills in the browser. The pages (which show
 * each file's size) and the publisher (which writes the files) share one result per version.
 */
import { createHash } from 'node:crypto';
import type { ContractTemplate } from '../types.generated.ts';
import type { CodeTitles } from './describeContract.ts';
import { renderContractDocx, renderContractDocxParts } from './renderContractDocx.ts';
import { renderContractHtml } from './renderContractHtml.ts';
import { renderContractJson } from './renderContractJson.ts';
import { renderContractMarkdown } from './renderContractMarkdown.ts';

export interface ContractDownloads {
  docx: Uint8Array;
  markdown: string;
  html: string;
  json: string;
  /** JSON of the DOCX skeleton (see fillDocx.ts). */
  docxSkeleton: string;
  /** SHA-256 (hex) of `json`, the published template: every rendering states it. */
  sha256: string;
}

export const DOWNLOAD_FORMATS = [
  {
    key: 'docx',
    extension: 'docx',
    title: 'Word document (DOCX)',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  { key: 'markdown', extension: 'md', title: 'Markdown', type: 'text/markdown' },
  { key: 'html', extension: 'html', title: 'Web page (HTML)', type: 'text/html' },
  { key: 'json', extension: 'json', title: 'Structured data (JSON)', type: 'application/json' },
] as const;

export async function buildContractDownloads(
  template: ContractTemplate,
  titles: CodeTitles,
  siteName?: string,
): Promise<ContractDownloads> {
  const json = renderContractJson(template);
  const sha256 = createHash('sha256').update(json, 'utf8').digest('hex');
  const options = { titles, templateSha256: sha256 };
  const skeleton = await renderContractDocxParts(template, { ...options, skeleton: true });
  return {
    docx: await renderContractDocx(template, options),
    markdown: renderContractMarkdown(template, options),
    html: renderContractHtml(template, { ...options, ...(siteName ? { siteName } : {}) }),
    json,
    docxSkeleton: JSON.stringify(skeleton),
    sha256,
  };
}

/** Bytes of a download, for "Markdown, 64 KB". */
export function downloadSize(
  downloads: ContractDownloads,
  key: (typeof DOWNLOAD_FORMATS)[number]['key'],
): number {
  const value = downloads[key];
  return typeof value === 'string' ? new TextEncoder().encode(value).length : value.length;
}

/** `31 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
