/**
 * The certificate check, `/certificates/<accreditation_id>/`: a commissioner holding a
 * certificate number learns at once whether it is genuine and current, and for whom.
 */
import {
  DISPLAY_STATUS_LABELS,
  type AccreditationView,
  type ProviderView,
} from '../../../lib/buildRegister.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatDate } from '../../kit/format.ts';
import { certificateVerdict } from '../statusText.ts';
import { absoluteUrl, href, paths } from '../../kit/urls.ts';
import type { RecordContext } from './recordContext.ts';
import { statusPanel, statusTag } from './statusPanel.ts';

export function renderCertificatePage(
  a: AccreditationView,
  provider: ProviderView | undefined,
  ctx: RecordContext,
): string {
  const { site } = ctx;
  const verdict = certificateVerdict(a, provider?.current);
  const url = (path: string) => href(site, path);
  const current = provider?.current;
  const item = (term: string, value: SafeHtml | string | undefined) =>
    value ? html`<dt>${term}</dt><dd>${value}</dd>\n` : '';
  const open = a.display_status === 'accredited' || a.display_status === 'suspended';
  const body = html`<p class="caption">Kitemark certificate check</p>
<h1>Certificate ${a.accreditation_id}</h1>
${statusPanel(verdict.status, verdict.headline, verdict.detail, html`<p>Checked against the register as of ${formatDate(site.today)}.</p>\n`)}
<dl class="meta">
${item('Held by', provider ? html`<a href="${url(paths.provider(provider.provider_id))}">${provider.name}</a> (${provider.provider_id})` : a.provider_id)}${item('Status', statusTag(a.display_status, DISPLAY_STATUS_LABELS[a.display_status]))}${item('Scope', a.scope.map((s) => ctx.title('services', s)).join(', '))}${item('Awarded on', formatDate(a.awarded_on))}${item(open ? 'Expires on' : 'Expiry date', formatDate(a.expires_on))}${item('Last reviewed on', formatDate(a.last_reviewed_on))}${item('Assessor', a.assessor)}${item('Quality marks held', (a.quality_marks ?? []).map((m) => ctx.title('quality-marks', m)).join(', '))}</dl>
${current && current.accreditation_id !== a.accreditation_id ? html`<p class="notice">This is not the provider’s current award. See <a href="${url(paths.certificate(current.accreditation_id))}">${current.accreditation_id}</a> (${DISPLAY_STATUS_LABELS[current.display_status]}).</p>\n` : ''}${provider ? html`<p>The provider’s <a href="${url(paths.provider(provider.provider_id))}#documents">standard documents</a>, with their SHA-256 fingerprints, are on its register page.</p>\n` : ''}<p class="no-print"><a href="${url(paths.certificates)}">Check another certificate</a> · <a href="${url(paths.certificateJson(a.accreditation_id))}">This certificate as JSON</a></p>
<p class="print-only">Printed from ${absoluteUrl(site, paths.certificate(a.accreditation_id))} on the register as of ${formatDate(site.today)}.</p>`;
  return renderPage(site, {
    title: `Certificate ${a.accreditation_id}`,
    path: paths.certificate(a.accreditation_id),
    section: 'certificates',
    description: `Kitemark certificate ${a.accreditation_id}${provider ? ` (${provider.name})` : ''}: ${verdict.headline}.`,
    breadcrumbs: [{ title: 'Check a certificate', path: paths.certificates }],
    alternates: [
      {
        type: 'application/json',
        path: paths.certificateJson(a.accreditation_id),
        title: 'This certificate as JSON',
      },
    ],
    body,
    bodyClass: 'record',
  });
}
