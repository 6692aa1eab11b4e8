/**
 * The embeddable status badge (`/badges/<provider_id>.svg`): a small SVG in the familiar
 * two-part style, "kitemark | accredited until 16 Mar 2029", coloured by status, linking to
 * the provider's page, with a title for screen readers. Colours keep white text at a
 * contrast of at least 4.5:1.
 */
import type { DisplayStatus, ProviderView } from '../../lib/buildRegister.ts';
import { escapeXml } from '../kit/html.ts';
import { providerStatusText } from './statusText.ts';

export const BADGE_COLOURS: Record<DisplayStatus, string> = {
  accredited: '#00703c',
  expired: '#942514',
  suspended: '#7a3d00',
  withdrawn: '#505a5f',
  lapsed: '#505a5f',
  applied: '#1d5a8e',
  none: '#505a5f',
};

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `2029-03-16` as "16 Mar 2029": short enough for a badge. */
function shortDate(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${Number(m[3])} ${SHORT_MONTHS[Number(m[2]) - 1]} ${m[1]}` : '';
}

/** The badge's right-hand words. */
export function badgeMessage(p: Pick<ProviderView, 'status' | 'current'>): string {
  const date = shortDate(p.current?.expires_on);
  switch (p.status) {
    case 'accredited':
      return date ? `accredited until ${date}` : 'accredited';
    case 'expired':
      return date ? `expired ${date}` : 'expired';
    case 'none':
      return 'not accredited';
    default:
      return p.status;
  }
}

// Advance widths of Verdana at 11px (the badge font), in pixels; others count as 7.
const WIDTHS: Record<string, number> = {
  ' ': 3.9,
  a: 6.7,
  b: 6.9,
  c: 5.8,
  d: 6.9,
  e: 6.6,
  f: 3.9,
  g: 6.9,
  h: 7,
  i: 3,
  j: 3.8,
  k: 6.5,
  l: 3,
  m: 10.7,
  n: 7,
  o: 6.7,
  p: 6.9,
  q: 6.9,
  r: 4.7,
  s: 5.7,
  t: 4.3,
  u: 7,
  v: 6.5,
  w: 9,
  x: 6.5,
  y: 6.5,
  z: 5.8,
  A: 7.5,
  D: 8.5,
  F: 6.9,
  J: 5,
  M: 9.4,
  N: 8.2,
  O: 8.6,
  S: 7.5,
  '0': 7,
  '1': 7,
  '2': 7,
  '3': 7,
  '4': 7,
  '5': 7,
  '6': 7,
  '7': 7,
  '8': 7,
  '9': 7,
};

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDTHS[ch] ?? 7;
  return Math.ceil(width);
}

export interface BadgeOptions {
  /** Absolute address of the provider's page. */
  pageUrl: string;
}

export function renderBadge(
  p: Pick<ProviderView, 'name' | 'status' | 'current'>,
  options: BadgeOptions,
): string {
  const label = 'kitemark';
  const message = badgeMessage(p);
  const title = `Kitemark status of ${p.name}: ${providerStatusText(p).headline}`;
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const width = left + right;
  const colour = BADGE_COLOURS[p.status];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<a href="${escapeXml(options.pageUrl)}" target="_top">
<rect width="${width}" height="20" rx="3" fill="${colour}"/>
<rect width="${left}" height="20" rx="3" fill="#383f43"/>
<rect x="${left - 4}" width="4" height="20" fill="#383f43"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle">
<text x="${left / 2}" y="14">${label}</text>
<text x="${left + right / 2}" y="14">${escapeXml(message)}</text>
</g>
</a>
</svg>
`;
}
