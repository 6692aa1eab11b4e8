/**
 * The full cost recovery calculator and the contract fill-in form it feeds, in a real browser
 * (Debian's Chromium) against the built site: the calculator by keyboard alone at phone and
 * desktop widths, its statement imported into a contract, answers kept across a reload, the
 * printed contract ending with its execution block, the DOCX carrying the cost statement, and
 * the page without JavaScript. axe-core is run on every step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import mammoth from 'mammoth';
import { SITE, launchChromium, serveSite, type ServedSite } from './support/browser.ts';

const PRICING = '/contracts/pricing/';
const FILL = '/contracts/standard-services-contract/1.1.0/fill/';

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(SITE, 'contracts/pricing/index.html'))) {
    throw new Error('_site/contracts/pricing/ is missing: run `npm run build` first');
  }
  browser = await launchChromium();
  site = await serveSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { javaScript?: boolean; width?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  await page.goto(site.origin + path);
  return { page, context, problems };
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('.banner')
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function tabTo(page: Page, selector: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function type(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** A small service by keyboard: 500 sessions, worked by hand below. */
async function priceByKeyboard(page: Page): Promise<void> {
  await type(page, '#provider_name', 'Harbour Carers Trust');
  await type(page, '#service_name', 'Carers advice sessions');
  // The unit radios: Tab reaches the group, the arrow keys choose (hours → sessions).
  await tabTo(page, '[name="unit"]');
  await page.keyboard.press('ArrowDown');
  await type(page, '#volume', '500');
  await type(page, '#c-direct-staff-service_direct', '20,000');
  await type(page, '#c-premises-organisation_shared', '10000');
  await type(page, '#c-premises-service_measure', '25');
  await type(page, '#c-premises-other_measure', '75');
  await type(page, '#c-contingency-and-reserves-service_measure', '2');
  await page.keyboard.press('Enter');
}

describe('the full cost recovery calculator', () => {
  for (const width of [375, 1280]) {
    it(`is completed by keyboard alone at ${width} px, showing the working and the gap`, async () => {
      const { page, context, problems } = await open(PRICING, { width });
      await page.locator('#pricing-form').waitFor();
      expect(await axe(page)).toEqual([]);

      // First a mistake: no volume. The error summary links to the field.
      await type(page, '#provider_name', 'x');
      await page.keyboard.press('Enter');
      await page.locator('#error-summary:focus').waitFor();
      const messages = await page.locator('#error-summary-list a').allTextContents();
      expect(messages).toContain('The volume is zero or missing, so there is no price per unit.');
      expect(await axe(page)).toEqual([]);
      await page.locator('#provider_name').fill('');

      await priceByKeyboard(page);
      await page.locator('#result-heading:focus').waitFor();
      const result = await page.locator('#cost-result').innerText();
      // £20,000 direct + £10,000 × 25 ÷ 100 = £2,500 premises: £22,500; 2% = £450;
      // full cost £22,950; ÷ 500 sessions = £45.90; the gap £2,950 is 12.9% of full cost.
      expect(result).toContain('£10,000 shared × 25 ÷ (25 + 75) square metres = £2,500');
      expect(result).toContain('2% of £22,500 = £450');
      expect(result).toMatch(/Full cost\s+£22,950 for 500 sessions a year/);
      expect(result).toMatch(/Price per session\s+£45\.90/);
      expect(result).toContain('£2,950 (12.9% of the full cost)');
      expect(problems).toEqual([]);
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }

  it('opens a filled blank template and compares two statements line by line', async () => {
    const { page, context, problems } = await open(PRICING);
    const blank = readFileSync(join(SITE, 'contracts/pricing/cost-statement-template.csv'), 'utf8');
    const filled = blank
      .replace('provider_name,', 'provider_name,Kestrel Advocacy Project')
      .replace('service_name,', 'service_name,Advocacy')
      .replace('prepared_on,', 'prepared_on,2026-11-30')
      .replace('unit,', 'unit,hour')
      .replace('volume,', 'volume,1000')
      .replace(/^direct-staff,([^,]*),direct,/m, 'direct-staff,$1,direct,40000');
    await page.locator('#statement-file').setInputFiles({
      name: 'filled.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(filled),
    });
    await page.locator('#result-heading:focus').waitFor();
    expect(await page.locator('#provider_name').inputValue()).toBe('Kestrel Advocacy Project');
    expect(await page.locator('#cost-result').innerText()).toMatch(/Price per hour\s+£40/);

    const example = readFileSync(join(SITE, 'contracts/pricing/example-cost-statement.json'));
    await page
      .locator('#compare-a')
      .setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: example });
    await page
      .locator('#compare-b')
      .setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
    const table = page.locator('#compare-result table');
    await table.waitFor();
    expect(await table.locator('tfoot tr', { hasText: 'Full cost' }).innerText()).toMatch(
      /£127,076\.25\s+£40,000\s+−£87,076\.25/,
    );
    expect(await page.locator('#compare-result').innerText()).toContain(
      'The prices per unit are not compared: one statement counts sessions, the other hours.',
    );
    expect(problems).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('without JavaScript explains the method with a worked example and offers the templates', async () => {
    const { page, context } = await open(PRICING, { javaScript: false, width: 375 });
    expect(await page.locator('#pricing-form').isVisible()).toBe(false);
    await noScript(page);
    await context.close();

    // The same page with its script never loaded, so that axe (a script itself) can check it.
    const blocked = await browser.newContext({ viewport: { width: 375, height: 900 } });
    await blocked.route('**/assets/contracts/pricing.js', (route) => route.abort());
    const page2 = await blocked.newPage();
    await page2.goto(site.origin + PRICING);
    await noScript(page2);
    expect(await axe(page2)).toEqual([]);
    await blocked.close();
  });
});

async function noScript(page: Page): Promise<void> {
  {
    expect(await page.locator('#pricing-form').isVisible()).toBe(false);
    expect(await page.locator('#method').isVisible()).toBe(true);
    expect(await page.locator('#pricing-needs-script').isVisible()).toBe(true);
    const example = await page.locator('table.cost-table').innerText();
    expect(example).toContain('£41,999.99 shared × 120 ÷ (120 + 680) square metres = £6,300');
    expect(example).toMatch(/Full cost\s+1,200 sessions a year\s+£127,076\.25/);
    for (const name of ['cost-statement-template.csv', 'cost-statement-template.xlsx']) {
      const link = page.locator(`a[href$="${name}"]`);
      expect(await link.count()).toBe(1);
      const response = await page.request.get(
        new URL((await link.getAttribute('href'))!, site.origin).href,
      );
      expect(response.status()).toBe(200);
    }
  }
}

describe('the fill-in form with a cost statement', () => {
  for (const width of [375, 1280]) {
    it(`imports the calculator's statement, keeps answers over a reload and prints the execution block last, at ${width} px`, async () => {
      const { page, context, problems } = await open(PRICING, { width });
      await page.locator('#pricing-form').waitFor();
      await priceByKeyboard(page);
      await page.locator('#result-heading:focus').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-export="json"]').click(),
      ]);
      const statement = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(statement.totals.full_cost_pence).toBe(2_295_000);

      await page.goto(site.origin + FILL);
      await page.locator('#fill-submit:not([disabled])').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.locator('#cost-statement-file').setInputFiles({
        name: 'statement.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(statement)),
      });
      await expect.poll(() => page.locator('#p-contract_value').inputValue()).toBe('22950.00');
      expect(await page.locator('#p-indicative_annual_volume').inputValue()).toBe('500');

      // The provider from the register, by keyboard.
      await type(page, '#pick-provider', 'wayfarer');
      await page.keyboard.press('Enter');
      const choice = page.locator('#pick-provider-results button').first();
      await choice.waitFor();
      await choice.focus();
      await page.keyboard.press('Enter');
      const provider = await page.locator('#p-provider_name').inputValue();
      expect(provider.length).toBeGreaterThan(0);
      expect(await page.locator('#p-provider_charity_number').inputValue()).toMatch(/^\d+$/);

      const answers: Record<string, string> = {
        commissioner_name: 'Trafford Council',
        contract_reference: 'TC-2026-014',
        term_years: '5',
        extension_years: '2',
        service_description: 'Advice for unpaid carers.',
        service_area: 'the Borough of Trafford',
        payment_days: '10',
        demand_threshold_percent: '10',
        notice_period_months: '6',
        liability_cap: '1000000',
        public_liability_cover: '5000000',
        professional_indemnity_cover: '2000000',
        commissioner_safeguarding_contact: 'Safeguarding adults team',
        mediation_provider: 'CEDR',
      };
      for (const [name, value] of Object.entries(answers))
        await page.locator(`[name="p-${name}"]`).fill(value);
      // GOV.UK's date input: day, month, year, whatever the browser's locale.
      await page.locator('#p-start_date-day').fill('1');
      await page.locator('#p-start_date-month').fill('4');
      await page.locator('#p-start_date-year').fill('2026');
      for (const [name, value] of Object.entries({
        price_basis: 'full cost recovery block',
        payment_schedule: 'quarterly in advance',
        price_review_index: 'change in the Consumer Prices Index (CPI)',
        data_protection_role: 'each party is a separate controller',
      }))
        await page.locator(`[name="p-${name}"][value="${value}"]`).check();
      await page.locator('#fill-submit').click();
      await page.locator('#filled-actions').waitFor();
      const contract = page.locator('#contract-document');
      expect(await contract.innerText()).toContain('1 April 2026');
      expect(await contract.locator('table.cost-table').innerText()).toMatch(
        /Price per session\s+full cost ÷ 500, to the nearest penny\s+£45\.90/,
      );
      expect(await axe(page)).toEqual([]);

      // A reload keeps every answer, the statement and the made contract; leaving asks first.
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.type();
        void d.accept();
      });
      await page.reload();
      await page.locator('#filled-actions').waitFor();
      expect(asked).toBe('beforeunload');
      expect(await page.locator('#p-commissioner_name').inputValue()).toBe('Trafford Council');
      expect(await page.locator('#p-start_date-month').inputValue()).toBe('4');
      expect(await page.locator('#p-provider_name').inputValue()).toBe(provider);
      expect(await contract.locator('table.cost-table').count()).toBe(1);

      // Printed, the execution block is the last part, on its own page.
      await page.emulateMedia({ media: 'print' });
      const last = await page.evaluate(() => {
        const article = document.querySelector('#contract-document article')!;
        const visible = [...article.children].filter((e) => getComputedStyle(e).display !== 'none');
        const end = visible.at(-1)!;
        return {
          id: end.id,
          breakBefore: getComputedStyle(end).breakBefore,
          text: end.textContent,
        };
      });
      expect(last.id).toBe('execution');
      expect(last.breakBefore).toBe('page');
      expect(last.text).toContain('Signed for the Commissioner: Trafford Council');
      expect(last.text).toContain(`Signed for the Provider: ${provider}`);
      // The address chosen from the register goes with the provider's name.
      expect(last.text).toMatch(/Address: [^\n]*\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/);
      expect(last.text).toMatch(
        /standard-services-contract, version 1\.1\.0\. SHA-256 of the published template \(standard-services-contract-1\.1\.0\.json\): [0-9a-f]{64}/,
      );
      const sha = /([0-9a-f]{64})/.exec(last.text!)![1];
      const { createHash } = await import('node:crypto');
      const published = readFileSync(
        join(
          SITE,
          'contracts/standard-services-contract/1.1.0/standard-services-contract-1.1.0.json',
        ),
      );
      expect(sha).toBe(createHash('sha256').update(published).digest('hex'));
      await page.emulateMedia({ media: 'screen' });

      // The Word document carries the statement as a table and ends with the execution block.
      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-download="docx"]').click(),
      ]);
      const { value: html } = await mammoth.convertToHtml({ path: (await docx.path())! });
      expect(html).toMatch(
        /<td><p><strong>Premises costs<\/strong><\/p><\/td><td><p>Share of floor area<\/p><\/td><td><p>£2,500<\/p><\/td>/,
      );
      expect(html).toContain('£22,950');
      const tail = html.slice(html.lastIndexOf('<h1'));
      expect(tail).toContain('Execution');
      expect(tail).toContain(sha);

      // Clearing the answers empties the form and this tab's copy of them.
      await page.locator('#fill-clear').click();
      expect(await page.locator('#p-commissioner_name').inputValue()).toBe('');
      await page.reload();
      await page.locator('#fill-submit:not([disabled])').waitFor();
      expect(await page.locator('#p-commissioner_name').inputValue()).toBe('');
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
