/** The status block that opens a provider or certificate page. */
import type { DisplayStatus } from '../../../lib/buildRegister.ts';
import { html, type SafeHtml } from '../../kit/html.ts';

export function statusPanel(
  status: DisplayStatus,
  headline: string,
  detail: string,
  extra?: SafeHtml,
): SafeHtml {
  return html`<div class="status-panel status-panel--${status}">
<p class="status-panel__headline">${headline}</p>
<p>${detail}</p>
${extra}</div>`;
}

/** A small coloured label, for lists and tables. */
export function statusTag(status: DisplayStatus, label: string): SafeHtml {
  return html`<strong class="tag tag--${status}">${label}</strong>`;
}
