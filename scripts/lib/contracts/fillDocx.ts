/**
 * Fills a DOCX skeleton: the XML parts of a contract's DOCX with a private-use marker where
 * each value goes (see `skeletonToken`). Both the build and the fill-in form make a filled DOCX
 * this way, so the browser's download is byte for byte the one the build would make, without
 * shipping the `docx` library to the browser. Pure.
 */
import type { FilledContract } from './fillContract.ts';
import type { ZipEntry } from './zipFiles.ts';

export interface DocxSkeleton {
  id: string;
  version: string;
  /** The DOCX's parts in ZIP order: XML as text, anything else as base64. */
  parts: { path: string; text?: string; base64?: string }[];
}

const TOKEN = /\uE000([a-z][a-z0-9_]*)\uE001/g;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/**
 * A value's text as the inside of a `<w:t xml:space="preserve">`: escaped, with each line
 * break closing the text, adding a Word line break and opening the text again.
 */
export function docxRunText(text: string): string {
  return text.split('\n').map(escapeXml).join('</w:t><w:br/><w:t xml:space="preserve">');
}

export function fillDocxXml(xml: string, contract: FilledContract): string {
  return xml.replace(TOKEN, (_, name: string) =>
    docxRunText(contract.values.get(name)?.text ?? ''),
  );
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The skeleton's parts with every marker replaced by its value, ready to zip. */
export function fillDocxSkeleton(skeleton: DocxSkeleton, contract: FilledContract): ZipEntry[] {
  const encoder = new TextEncoder();
  return skeleton.parts.map((part) => ({
    path: part.path,
    data:
      part.text !== undefined
        ? encoder.encode(fillDocxXml(part.text, contract))
        : fromBase64(part.base64 ?? ''),
  }));
}
