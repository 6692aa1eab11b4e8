/**
 * A provider's page, `/providers/<provider_id>/`: status first, then the kitemark's scope and
 * quality marks, the standard document set with fingerprints, identifiers linked to the
 * official registers, where it works and how to contact it. Plain HTML: no JavaScript needed.
 * Written compactly: there is one of these per provider, 50,000 at the benchmark's scale.
 */
import {
  DISPLAY_STATUS_LABELS,
  type AccreditationView,
  type DocumentView,
  type ProviderView,
} from '../../../lib/buildRegister.ts';
import { html, raw, safeHttpUrl, type SafeHtml } from '../../kit/html.ts';
import { identifierLinks } from '../identifiers.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatDate } from '../../kit/format.ts';
import { providerStatusText } from '../statusText.ts';
import { absoluteUrl, href, paths } from '../../kit/urls.ts';
import { browsePaths } from '../browse.ts';
import type { RecordContext } from './recordContext.ts';
import { statusPanel, statusTag } from './statusPanel.ts';

export function renderProviderPage(p: ProviderView, ctx: RecordContext): string {
  const { site } = ctx;
  const url = (path: string) => href(site, path);
  const status = providerStatusText(p);
  const a = p.current;
  const certificate = a
    ? html`<p>Certificate <a href="${url(paths.certificate(a.accreditation_id))}">${a.accreditation_id}</a>${a.status === 'applied' ? ' (application)' : ''}. Checked against the register as of ${formatDate(site.today)}.</p>\n`
    : undefined;
  const body = html`<p class="caption">${ctx.title('legal-forms', p.legal_form)}</p>
<h1>${p.name}</h1>
${p.other_names ? html`<p class="aka">Also known as ${p.other_names.join('; ')}</p>\n` : ''}${statusPanel(status.status, status.headline, status.detail, certificate)}
${p.description ? html`<p class="lede">${p.description}</p>\n` : ''}<nav class="contents no-print" aria-label="On this page"><ul>
${a ? raw('<li><a href="#kitemark">Kitemark</a></li>') : ''}<li><a href="#services">Services</a></li><li><a href="#documents">Standard documents</a></li><li><a href="#identifiers">Identifiers</a></li><li><a href="#where">Where</a></li><li><a href="#contact">Contact</a></li>${p.accreditations.length > 0 ? raw('<li><a href="#history">Kitemark history</a></li>') : ''}<li><a href="#badge">Badge</a></li>
</ul></nav>
${a ? kitemarkSection(a, ctx) : ''}
<h2 id="services">Services and people supported</h2>
<dl class="meta">
<dt>Services</dt><dd>${list(p.services.map((s) => html`<a href="${url(browsePaths.service(s))}">${ctx.title('services', s)}</a>`))}</dd>
<dt>For</dt><dd>${list(p.user_groups.map((g) => ctx.title('user-groups', g)))}</dd>
</dl>
${documentsSection(p, ctx)}
${identifiersSection(p)}
${whereSection(p, ctx)}
${contactSection(p)}
${p.accreditations.length > 0 ? historySection(p.accreditations, ctx) : ''}
${badgeSection(p, ctx)}
<h2 id="data">This record as data</h2>
<p>Added to the register on ${formatDate(p.added_on)}; see <a href="${url(paths.providerHistory(p.provider_id))}">how this record has changed</a>. The record, with its awards and documents, is at <a href="${url(paths.providerJson(p.provider_id))}">${absoluteUrl(site, paths.providerJson(p.provider_id))}</a> (JSON, ${site.licence.title}).${site.contactUrl ? html` Something wrong? <a href="${site.contactUrl}">Report a mistake</a>.` : ''}</p>
<p class="print-only">Printed from ${absoluteUrl(site, paths.provider(p.provider_id))} on the register as of ${formatDate(site.today)}.</p>`;
  return renderPage(site, {
    title: p.name,
    path: paths.provider(p.provider_id),
    section: 'providers',
    description: `${p.name}: ${status.headline}. Kitemark register entry, standard documents and identifiers.`,
    breadcrumbs: [{ title: 'Find a provider', path: paths.providers }],
    alternates: [
      {
        type: 'application/json',
        path: paths.providerJson(p.provider_id),
        title: 'This record as JSON',
      },
    ],
    body,
    bodyClass: 'record',
  });
}

function list(items: readonly (SafeHtml | string)[]): SafeHtml {
  if (items.length === 0) return html`None recorded`;
  if (items.length === 1) return html`${items[0]}`;
  return html`<ul class="list">${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function kitemarkSection(a: AccreditationView, ctx: RecordContext): SafeHtml {
  const ended = a.display_status === 'expired' || a.display_status === 'lapsed';
  return html`<h2 id="kitemark">Kitemark</h2>
<dl class="meta">
<dt>Certificate</dt><dd><a href="${href(ctx.site, paths.certificate(a.accreditation_id))}">${a.accreditation_id}</a></dd>
<dt>Status</dt><dd>${statusTag(a.display_status, DISPLAY_STATUS_LABELS[a.display_status])}</dd>
<dt>Scope</dt><dd>${list(a.scope.map((s) => ctx.title('services', s)))}</dd>
${a.awarded_on ? html`<dt>Awarded on</dt><dd>${formatDate(a.awarded_on)}</dd>\n` : ''}${a.expires_on ? html`<dt>${ended ? 'Expired on' : 'Expires on'}</dt><dd>${formatDate(a.expires_on)}</dd>\n` : ''}${a.last_reviewed_on ? html`<dt>Last reviewed on</dt><dd>${formatDate(a.last_reviewed_on)}</dd>\n` : ''}${a.assessor ? html`<dt>Assessor</dt><dd>${a.assessor}</dd>\n` : ''}<dt>Quality marks held</dt><dd>${list((a.quality_marks ?? []).map((m) => ctx.title('quality-marks', m)))}</dd>
</dl>`;
}

function documentsSection(p: ProviderView, ctx: RecordContext): SafeHtml {
  const held = new Set(p.documents.map((d) => d.document_type));
  const missing = ctx.mandatoryDocuments.filter((t) => !held.has(t));
  const table =
    p.documents.length === 0
      ? html`<p>No documents are on record.</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="documents" tabindex="0">
<table class="table documents">
<thead><tr><th scope="col">Document</th><th scope="col">Version</th><th scope="col">Verified on</th><th scope="col">Review by</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${p.documents.map((d) => documentRow(d, ctx))}</tbody>
</table>
</div>`;
  return html`<h2 id="documents">Standard documents</h2>
<p>The documents the provider supplies once, in one format, for every commissioner that accepts the kitemark. Each SHA-256 fingerprint identifies the exact file the assessor verified: a copy with the same fingerprint is that file.</p>
${table}
${missing.length > 0 ? html`<p class="notice">Not on record: ${missing.map((t) => ctx.title('document-types', t)).join(', ')}.</p>\n` : ''}`;
}

function documentRow(d: DocumentView, ctx: RecordContext): SafeHtml {
  const link = safeHttpUrl(d.url);
  return html`<tr><th scope="row"><span class="doc-type">${ctx.title('document-types', d.document_type)}</span> ${link ? html`<a href="${link}">${d.title}</a>` : d.title} <span class="hint">(${ctx.title('document-formats', d.format)}${d.mandatory ? '' : ', optional'})</span></th><td>${d.version}</td><td>${d.verified_on ? formatDate(d.verified_on) : raw('<span class="warn">Not verified</span>')}</td><td>${formatDate(d.review_by)}${d.overdue ? raw(' <strong class="warn">overdue</strong>') : ''}</td><td>${d.sha256 ? html`<code class="hash">${d.sha256}</code>` : '–'}</td></tr>
`;
}

function identifiersSection(p: ProviderView): SafeHtml {
  return html`<h2 id="identifiers">Identifiers</h2>
<dl class="meta">
<dt>Register number</dt><dd>${p.provider_id}</dd>
${identifierLinks(p).map((id) => html`<dt>${id.register}</dt><dd>${id.url ? html`<a href="${id.url}">${id.value}<span class="visually-hidden"> on the ${id.register} register</span></a>` : id.value}</dd>\n`)}<dt>Organisation identifier${p.org_ids.length > 1 ? 's' : ''}</dt><dd>${p.org_ids.length > 0 ? p.org_ids.join(', ') : p.org_id}</dd>
</dl>`;
}

function whereSection(p: ProviderView, ctx: RecordContext): SafeHtml {
  const council = (code: string, name: string) =>
    ctx.councilPages.has(code)
      ? html`<a href="${href(ctx.site, browsePaths.council(code))}">${name}</a>`
      : html`${name}`;
  const address = [p.address_line_1, p.address_line_2, p.town, p.postcode].filter(
    (line): line is string => !!line,
  );
  const served = (p.areas_served ?? []).map((code) =>
    council(code, ctx.title('local-authorities', code)),
  );
  return html`<h2 id="where">Where</h2>
<dl class="meta">
<dt>Address</dt><dd><address>${address.map((line, i) => html`${i > 0 ? raw('<br>') : ''}${line}`)}</address></dd>
<dt>Council</dt><dd>${council(p.local_authority, p.local_authority_name)}</dd>
${p.region ? html`<dt>Region</dt><dd>${p.region.title}</dd>\n` : ''}${p.nhs_region ? html`<dt>NHS region</dt><dd>${p.nhs_region.title}</dd>\n` : ''}<dt>Areas served</dt><dd>${list(served)}</dd>
</dl>`;
}

const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

function contactSection(p: ProviderView): SafeHtml {
  const website = safeHttpUrl(p.website);
  const phone = p.phone?.replace(/[^\d+]/g, '');
  const email = p.email && EMAIL.test(p.email) ? p.email : undefined;
  return html`<h2 id="contact">Contact</h2>
<dl class="meta">
<dt>Website</dt><dd>${website ? html`<a href="${website}">${p.website}</a>` : (p.website ?? 'None given')}</dd>
<dt>Email</dt><dd>${email ? html`<a href="mailto:${email}">${email}</a>` : (p.email ?? 'None given')}</dd>
<dt>Phone</dt><dd>${p.phone && phone && /^\+?\d{6,15}$/.test(phone) ? html`<a href="tel:${phone}">${p.phone}</a>` : (p.phone ?? 'None given')}</dd>
</dl>`;
}

function historySection(awards: readonly AccreditationView[], ctx: RecordContext): SafeHtml {
  return html`<h2 id="history">Kitemark history</h2>
<div class="table-wrap" role="region" aria-labelledby="history" tabindex="0">
<table class="table">
<thead><tr><th scope="col">Certificate</th><th scope="col">Status</th><th scope="col">Awarded on</th><th scope="col">Expires on</th><th scope="col">Assessor</th></tr></thead>
<tbody>
${awards.map((a) => html`<tr><th scope="row"><a href="${href(ctx.site, paths.certificate(a.accreditation_id))}">${a.accreditation_id}</a></th><td>${statusTag(a.display_status, DISPLAY_STATUS_LABELS[a.display_status])}</td><td>${formatDate(a.awarded_on) || '–'}</td><td>${formatDate(a.expires_on) || '–'}</td><td>${a.assessor ?? '–'}</td></tr>\n`)}</tbody>
</table>
</div>`;
}

function badgeSection(p: ProviderView, ctx: RecordContext): SafeHtml {
  const badge = absoluteUrl(ctx.site, paths.badge(p.provider_id));
  const page = absoluteUrl(ctx.site, paths.provider(p.provider_id));
  const alt = `Kitemark status of ${p.name}`;
  // The snippet is shown as text: built as markup, then escaped once more by html``.
  const snippet = html`<a href="${page}"><img src="${badge}" alt="${alt}"></a>`.value;
  return html`<section class="no-print" aria-labelledby="badge">
<h2 id="badge">Show the kitemark on your website</h2>
<p><img src="${href(ctx.site, paths.badge(p.provider_id))}" alt="${alt}: ${providerStatusText(p).headline}"></p>
<p>The badge always shows the status on the register, and links to this page. Copy this HTML into your website:</p>
<pre class="snippet" tabindex="0"><code>${snippet}</code></pre>
</section>`;
}
