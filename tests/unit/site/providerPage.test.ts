import { describe, expect, it } from 'vitest';
import { recordContext } from '../../../scripts/publish/site/pages/recordContext.ts';
import { renderProviderPage } from '../../../scripts/publish/site/pages/providerPage.ts';
import {
  siteFixture,
  XSS_DESCRIPTION,
  XSS_NAME,
  XSS_OTHER_NAME,
} from '../../support/siteRegister.ts';
import { escapeHtml } from '../../../scripts/publish/kit/html.ts';

const { register, site } = siteFixture();
const ctx = recordContext(register, site);
const provider = (id: string) => register.providerById.get(id)!;

describe('renderProviderPage', () => {
  const page = renderProviderPage(provider('P000001'), ctx);

  it('opens with the status, before anything else in the main content', () => {
    const main = page.slice(page.indexOf('<main'));
    expect(main.indexOf('Accredited until 31 January 2028')).toBeLessThan(main.indexOf('<h2'));
    expect(main).toContain('status-panel--accredited');
  });
  it('gives the other names the provider is known by under its name', () => {
    expect(page).toContain(
      '<h1>Harbour Carers Trust</h1>\n<p class="aka">Also known as Harbour Carers; Dorset Carers Harbour</p>',
    );
  });
  it('links identifiers to the official registers', () => {
    expect(page).toContain(
      'href="https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1123456"',
    );
    expect(page).toContain(
      'href="https://find-and-update.company-information.service.gov.uk/company/04123456"',
    );
  });
  it('lists the document set with fingerprints and the JSON twin', () => {
    const hashes = provider('P000001')
      .documents.map((d) => d.sha256)
      .filter(Boolean);
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(page).toContain(`<code class="hash">${hash}</code>`);
    expect(page).toContain('href="/kitemark/providers/P000001.json"');
    expect(page).toContain('rel="alternate" type="application/json"');
  });
  it('uses the base path for every link inside the site', () => {
    const internal = [...page.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(internal.length).toBeGreaterThan(5);
    for (const link of internal) expect(link.startsWith('/kitemark/')).toBe(true);
  });
  it('shows markup in data as text, never as markup', () => {
    const xss = renderProviderPage(provider('P000003'), ctx);
    expect(xss).not.toContain('<img src=x');
    expect(xss).not.toContain('<script>alert');
    expect(xss).toContain(escapeHtml(XSS_DESCRIPTION));
    expect(xss).toContain(escapeHtml(XSS_NAME));
    expect(xss).toContain(`Also known as ${escapeHtml(XSS_OTHER_NAME)}`);
  });
  it('says an application is not yet a kitemark', () => {
    const applied = renderProviderPage(provider('P000002'), ctx);
    expect(applied).toContain('status-panel--applied');
    expect(applied).toContain('not yet held');
  });
  it('shows an expired award as expired once its date has passed', () => {
    const later = recordContext(siteFixture('2028-02-01').register, site);
    const expired = renderProviderPage(
      siteFixture('2028-02-01').register.providerById.get('P000001')!,
      later,
    );
    expect(expired).toContain('Expired on 31 January 2028');
  });
});
