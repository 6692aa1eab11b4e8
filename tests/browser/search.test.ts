/**
 * The provider search in the real browser: text search with typos and prefixes, facets with
 * live counts, state in the address (shareable, back button), paging, sorting and "download
 * these results", all by keyboard where a person would use one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, serveSite, type ServedSite } from './support/browser.ts';

let browser: Browser;
let site: ServedSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const count = async (page: Page) => {
  const text = (await page.textContent('#result-count')) ?? '';
  return Number(/^([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
};
const names = (page: Page) =>
  page.$$eval('#results li h3 a', (as) => as.map((a) => a.textContent ?? ''));
const done = (page: Page) =>
  page.waitForFunction(
    () =>
      document.getElementById('search-app')?.dataset['state'] === 'done' &&
      !document.getElementById('results')?.hasAttribute('aria-busy'),
  );

async function search(page: Page, query: string) {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
  await done(page);
}

describe('text search', () => {
  it('lists every provider by name before a search, and searches from the home page', async () => {
    const { page, context, errors } = await openPage(browser, `${site.origin}/providers/`);
    await done(page);
    expect(await count(page)).toBe(400);
    const listed = await names(page);
    expect(listed).toEqual(
      [...listed].sort((a, b) =>
        a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true }),
      ),
    );
    await page.goto(`${site.origin}/`);
    await page.fill('#home-q', 'carers');
    await page.press('#home-q', 'Enter');
    await page.waitForURL(/\/providers\/\?q=carers/);
    await done(page);
    expect(await count(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds through typos and prefixes', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/`);
    await done(page);
    await search(page, 'dementia');
    const exact = await count(page);
    expect(exact).toBeGreaterThan(0);
    await search(page, 'demntia');
    expect(await count(page)).toBeGreaterThanOrEqual(exact);
    await search(page, 'hosp');
    expect((await page.textContent('#results'))?.toLowerCase()).toMatch(/hospi/);
    await context.close();
  });

  it('finds a provider by town, postcode district and certificate number', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/`);
    await done(page);
    const record = JSON.parse(readFileSync(`${site.root}/providers/P000001.json`, 'utf8'));
    await search(page, record.postcode);
    expect(await names(page)).toContain(record.name);
    await search(page, record.current_accreditation);
    expect((await names(page))[0]).toBe(record.name);
    expect(await page.textContent('#direct-link')).toContain(
      `Check certificate ${record.current_accreditation}`,
    );
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/?q=zzzzqqqxx`);
    await done(page);
    expect(await count(page)).toBe(0);
    expect(await page.isVisible('#search-notice')).toBe(true);
    await context.close();
  });
});

describe('facets', () => {
  it('filter with live counts, and a value’s count is what ticking it gives', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/?q=support`);
    await done(page);
    await page.waitForSelector('[data-facet="status"] .count:not(:empty)');
    const total = await count(page);
    const label = page.locator('[data-facet="status"] li:not([hidden]) label').first();
    const expected = Number(
      /\(([\d,]+)\)/.exec((await label.textContent()) ?? '')![1]!.replace(/,/g, ''),
    );
    await label.click();
    await done(page);
    expect(await count(page)).toBe(expected);
    expect(expected).toBeLessThanOrEqual(total);
    expect(new URL(page.url()).searchParams.get('status')).toBeTruthy();
    const regionBoxes = page.locator('[data-facet="region"] li:not([hidden]) input');
    await regionBoxes.first().check();
    await done(page);
    const narrowed = await count(page);
    expect(narrowed).toBeLessThanOrEqual(expected);
    // The clear button returns to the text search alone.
    await page.click('#clear-filters');
    await done(page);
    expect(await count(page)).toBe(total);
    await context.close();
  });

  it('work from the keyboard', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/`);
    await done(page);
    await page.waitForSelector('[data-facet="service"] .count:not(:empty)');
    await page.focus('[data-facet="service"] li:not([hidden]) input');
    await page.keyboard.press('Space');
    await done(page);
    expect(new URL(page.url()).searchParams.get('service')).toBeTruthy();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(
      true,
    );
    await context.close();
  });
});

describe('state in the address', () => {
  it('a shared address restores the query, filters, sort and page', async () => {
    const url = `${site.origin}/providers/?q=support&status=accredited&sort=name-desc&page=2`;
    const { page, context, errors } = await openPage(browser, url);
    await done(page);
    expect(await page.inputValue('#search-q')).toBe('support');
    expect(await page.isChecked('[data-facet="status"] input[value="accredited"]')).toBe(true);
    expect(await page.inputValue('#sort')).toBe('name-desc');
    expect(await page.getAttribute('#pagination [aria-current="page"]', 'data-page')).toBe('2');
    const listed = await names(page);
    expect(listed).toEqual(
      [...listed].sort((a, b) =>
        b.localeCompare(a, 'en-GB', { sensitivity: 'base', numeric: true }),
      ),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('paging moves focus to the results and the back button goes back', async () => {
    const { page, context } = await openPage(browser, `${site.origin}/providers/?q=care`);
    await done(page);
    const firstPage = await names(page);
    await page.click('#pagination a[data-page="2"]');
    await done(page);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(await names(page)).not.toEqual(firstPage);
    await page.goBack();
    await done(page);
    expect(await names(page)).toEqual(firstPage);
    await context.close();
  });

  it('ignores nonsense in the address', async () => {
    const { page, context, errors } = await openPage(
      browser,
      `${site.origin}/providers/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&status=<b>&page=-5&sort=x`,
    );
    await done(page);
    expect(await page.inputValue('#search-q')).toBe('<img src=x onerror=alert(1)>');
    expect(await page.$('#results img')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('download these results', () => {
  it('writes the current results as CSV and JSON', async () => {
    const { page, context } = await openPage(
      browser,
      `${site.origin}/providers/?q=carers&status=accredited`,
      { acceptDownloads: true },
    );
    await done(page);
    const total = await count(page);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-download="csv"]'),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^kitemark-providers-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'provider_id,name,other_names,status,status_label,expires_on,certificate,town,postcode,local_authority,local_authority_name,region,services,user_groups,url,kitemark_scope,status_since,status_text',
    );
    expect(lines.length - 1).toBe(total);
    expect(lines.slice(1).every((l) => /^P\d{6},/.test(l) && l.includes(',accredited,'))).toBe(
      true,
    );

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-download="json"]'),
    ]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(json.count).toBe(total);
    expect(json.filters.status).toEqual(['accredited']);
    expect(json.results[0]).toHaveProperty('provider_id');
    expect(await page.textContent('#download-status')).toMatch(/Downloaded/);
    await context.close();
  });
});
