/**
 * The contract pages in a real browser (Debian's Chromium), against the built site in _site/
 * (`npm run build` first): the fill-in form used with the keyboard alone, its error messages,
 * the completed and printable contract, the downloads it makes, hostile values, the pages
 * without JavaScript, the topic filter, the compare picker, and axe-core on every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import mammoth from 'mammoth';
import { SITE, launchChromium, serveSite, type ServedSite } from './support/browser.ts';
const ID = 'standard-services-contract';
const FILL = `/contracts/${ID}/1.1.0/fill/`;
const HOSTILE = '<img src=x onerror="window.__hacked=1">Trafford & "Carers" {{term_years}} $&';

/** Valid answers for standard-services-contract 1.1.0, as typed into the form. */
const ANSWERS: Record<string, string> = {
  commissioner_name: 'Trafford Council',
  provider_name: HOSTILE,
  contract_reference: 'TC-2026-014',
  start_date: '2026-04-01',
  term_years: '5',
  extension_years: '2',
  service_description: 'Advice and support for unpaid carers.\nGroups every week.',
  service_area: 'the Borough of Trafford',
  contract_value: '125000',
  indicative_annual_volume: '1200',
  payment_days: '10',
  demand_threshold_percent: '10',
  notice_period_months: '6',
  liability_cap: '1,000,000',
  public_liability_cover: '5000000',
  professional_indemnity_cover: '2000000',
  commissioner_safeguarding_contact: 'Safeguarding adults team',
  mediation_provider: 'CEDR',
};
const CHOICES: Record<string, string> = {
  price_basis: 'full cost recovery block',
  payment_schedule: 'quarterly in advance',
  price_review_index: 'change in the Consumer Prices Index (CPI)',
  data_protection_role: 'each party is a separate controller',
};

let site: ServedSite;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(join(SITE, 'contracts/index.html'))) {
    throw new Error('_site/contracts/ is missing: run `npm run build` before the browser tests');
  }
  browser = await launchChromium();
  site = await serveSite();
  origin = site.origin;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { javaScript?: boolean; width?: number } = {}) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Files of the contract pages must all load; the site's own shell is tested elsewhere.
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() >= 400 && /^\/(contracts|assets\/contracts)\//.test(path)) {
      problems.push(`${r.status()} ${path}`);
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  await page.goto(origin + path);
  return { page, context, problems };
}

async function axe(page: Page): Promise<string[]> {
  // The illustrative-register banner belongs to the site's shell, which its own tests check.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('.banner')
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Presses Tab until `selector` has focus, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function fillWithKeyboard(page: Page, answers = ANSWERS, choices = CHOICES): Promise<void> {
  for (const [name, value] of Object.entries(answers)) {
    if (name === 'start_date') {
      // GOV.UK's date input: a box each for day, month and year, reached with Tab.
      const [y, m, d] = value.split('-');
      for (const [part, text] of [
        ['day', d],
        ['month', m],
        ['year', y],
      ] as const) {
        await tabTo(page, `[name="p-${name}-${part}"]`);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type(text!);
      }
      continue;
    }
    await tabTo(page, `[name="p-${name}"]`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    {
      const lines = value.split('\n');
      for (const [i, line] of lines.entries()) {
        if (i > 0) await page.keyboard.press('Enter');
        await page.keyboard.type(line);
      }
    }
  }
  for (const [name, value] of Object.entries(choices)) {
    // Tab reaches a radio group once; the arrow keys move through it.
    await tabTo(page, `[name="p-${name}"]`);
    const radios = page.locator(`[name="p-${name}"]`);
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.keyboard.press('Space');
    for (let i = 0; i < values.indexOf(value); i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator(`[name="p-${name}"]:checked`).inputValue()).toBe(value);
  }
}

describe('the fill-in form', () => {
  it('shows every problem, then makes the completed contract, with the keyboard alone', async () => {
    const { page, context, problems } = await open(FILL);
    await page.locator('#fill-submit:not([disabled])').waitFor();

    // Submitting nothing: the error summary takes focus and names every required detail.
    await tabTo(page, '#fill-submit');
    await page.keyboard.press('Enter');
    const summary = page.locator('#error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const messages = await page.locator('#error-summary-list a').allTextContents();
    expect(messages).toContain("Enter the commissioner's legal name");
    expect(messages).toContain('Select the basis of the price');
    expect(messages.some((m) => /charity number/.test(m))).toBe(false);
    expect(await axe(page)).toEqual([]);

    // An error link takes the keyboard to its field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-commissioner_name');

    // A term below the template's minimum of 3 years is refused, in words.
    await fillWithKeyboard(page, { ...ANSWERS, term_years: '2' });
    await tabTo(page, '#fill-submit');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#error-summary-list a').allTextContents())
      .toEqual(['Initial term (years) must be at least 3']);
    expect(await page.locator('#p-term_years').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#p-term_years').getAttribute('aria-describedby')).toBe(
      'p-term_years-error p-term_years-hint',
    );

    await fillWithKeyboard(page, { term_years: '5' }, {});
    await tabTo(page, '#fill-submit');
    await page.keyboard.press('Enter');
    const heading = page.locator('#preview-heading');
    await expect.poll(() => heading.textContent()).toBe('Your completed contract');
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.isVisible()).toBe(false);

    const contract = page.locator('#contract-document');
    const text = (await contract.textContent()) ?? '';
    expect(text).toContain(
      'The Commissioner will pay the Provider £125,000 for each contract year',
    );
    expect(text).toContain('£1,000,000');
    expect(text).toContain('1 April 2026');
    expect(text).toContain(
      "The Provider's registered charity number, if it has one, is not applicable.",
    );
    // The hostile name is shown as the characters typed, and nothing in it ran or was filled in.
    expect(text).toContain(HOSTILE);
    expect(await contract.locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked),
    ).toBeUndefined();
    expect(await contract.locator('.placeholder').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // Printable: on paper only the contract shows.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#fill-form', '.site-header', '#filled-actions', 'h1']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('#contract-document .contract h3').first().isVisible()).toBe(true);
    const pdf = await page.pdf();
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'screen' });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads the completed contract as DOCX, Markdown, HTML and JSON', async () => {
    const { page, context, problems } = await open(FILL);
    await page.locator('#fill-submit:not([disabled])').waitFor();
    for (const [name, value] of Object.entries(ANSWERS)) {
      if (name === 'start_date') {
        const [y, m, d] = value.split('-');
        await page.locator('[name="p-start_date-day"]').fill(d!);
        await page.locator('[name="p-start_date-month"]').fill(m!);
        await page.locator('[name="p-start_date-year"]').fill(y!);
      } else await page.locator(`[name="p-${name}"]`).fill(value);
    }
    for (const [name, value] of Object.entries(CHOICES)) {
      await page.locator(`[name="p-${name}"][value="${value}"]`).check();
    }
    await page.locator('#fill-submit').click();
    await page.locator('#filled-actions').waitFor();

    const save = async (format: string): Promise<Buffer> => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-download="${format}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${ID}-1.1.0-completed.${format}`);
      return readFileSync((await download.path())!);
    };

    const docx = await save('docx');
    const raw = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(raw).toContain('The Commissioner will pay the Provider £125,000 for each contract year');
    expect(raw).toContain(HOSTILE);
    expect(raw).not.toContain('\uE000');
    const docxHtml = (await mammoth.convertToHtml({ buffer: docx })).value;
    expect(docxHtml).toContain('<h2><a id="clause_7_7"></a>');

    const markdown = (await save('md')).toString('utf8');
    expect(markdown).toContain(
      '\\<img src=x onerror="window.\\_\\_hacked=1"\\>Trafford \\& "Carers"',
    );
    expect(markdown).toContain('### 7.7 ');

    const html = (await save('html')).toString('utf8');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__hacked=1&quot;&gt;');
    expect(html).not.toContain('<img');

    const json = JSON.parse((await save('json')).toString('utf8')) as {
      values: Record<string, string | null>;
    };
    expect(json.values['provider_name']).toBe(HOSTILE);
    expect(json.values['provider_charity_number']).toBeNull();
    expect(json.values['liability_cap']).toBe('1000000');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes answers from the address, as text, and ignores what it does not know', async () => {
    const query = new URLSearchParams({
      ...ANSWERS,
      ...CHOICES,
      provider_name: '<script>alert(1)</script>',
    });
    query.append('__proto__', 'x');
    query.append('constructor', 'y');
    query.append('unknown', '"><img src=x>');
    const { page, context, problems } = await open(`${FILL}?${query}`);
    await expect
      .poll(() => page.locator('#preview-heading').textContent())
      .toBe('Your completed contract');
    expect(await page.locator('#contract-document').textContent()).toContain(
      '<script>alert(1)</script>',
    );
    expect(await page.locator('#contract-document script').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses hostile values with plain messages', async () => {
    const query = new URLSearchParams({
      ...ANSWERS,
      ...CHOICES,
      price_basis: 'free of charge',
      term_years: '1e3',
      contract_value: '12.345',
      start_date: '2026-02-30',
      commissioner_name: 'x'.repeat(201),
      service_area: 'Trafford\u202Eevil',
    });
    const { page, context, problems } = await open(`${FILL}?${query}`);
    await page.locator('#fill-submit:not([disabled])').waitFor();
    await page.locator('#fill-submit').click();
    const messages = await page.locator('#error-summary-list a').allTextContents();
    expect(messages).toEqual([
      "Commissioner's legal name must be 200 characters or fewer (it has 201)",
      // The day, month and year boxes hold 30 February as given, and the check refuses it.
      'Start date must be a real date, like 2026-04-01',
      'Initial term (years) must be a whole number, like 3',
      'Area covered contains a character that cannot go in a contract, such as a control character or a hidden text-direction mark',
      'Price for each contract year must be an amount in pounds, like 125000 or 125,000.50',
      // No radio button matches an answer that is not an option, so none is chosen.
      'Select the basis of the price',
    ]);
    expect(await page.locator('#preview-heading').textContent()).toBe(
      'The contract, with blanks to fill in',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript, hides the form and shows the contract with its blanks', async () => {
    const { page, context } = await open(FILL, { javaScript: false });
    expect(await page.locator('#fill-form').isVisible()).toBe(false);
    expect(await page.locator('#fill-needs-script').isVisible()).toBe(true);
    expect(await page.locator('#fill-needs-script a[href$=".docx"]').count()).toBe(1);
    const blanks = await page.locator('#contract-document .placeholder').allTextContents();
    expect(blanks).toContain("[Provider's legal name]");
    expect(blanks).toContain('[Initial term (years)]');
    await context.close();
  });
});

describe('reading a version', () => {
  const VERSION = `/contracts/${ID}/1.1.0/`;

  it('filters by topic and hides guidance without JavaScript', async () => {
    const { page, context } = await open(VERSION, { javaScript: false });
    const visible = () =>
      page
        .locator('.contract .clause')
        .evaluateAll((els) =>
          els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id),
        );
    expect((await visible()).length).toBeGreaterThan(80);
    expect(await page.locator('.guidance').first().isVisible()).toBe(true);
    await page.locator('#topic-filter').focus();
    await page.locator('#topic-filter').selectOption('risk-allocation');
    const ids = await visible();
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      expect(await page.locator(`#${id}`).getAttribute('data-topics')).toMatch(
        /\brisk-allocation\b/,
      );
    }
    expect(await page.locator('#clause-7-7').isVisible()).toBe(true);
    expect(await page.locator('#clause-1-1').isVisible()).toBe(false);
    await page.locator('#show-guidance').focus();
    await page.keyboard.press('Space');
    expect(await page.locator('#clause-7-7 .guidance').isVisible()).toBe(false);
    await context.close();
  });

  it('keeps the topic in the address and says how many clauses show', async () => {
    const { page, context, problems } = await open(`${VERSION}?topic=tupe`);
    await expect
      .poll(() => page.locator('#topic-status').textContent())
      .toMatch(/^Showing \d+ clauses? about TUPE and staff transfer\.$/);
    await page.locator('#topic-filter').selectOption('payment');
    expect(new URL(page.url()).searchParams.get('topic')).toBe('payment');
    expect(await page.locator('#clause-5-3').isVisible()).toBe(true);
    expect(await page.locator('#clause-1-1').isVisible()).toBe(false);
    // Cross-references are links to the clause they name.
    await page.locator('#clause-5-6 a[href="#clause-7-7"]').click();
    expect(new URL(page.url()).hash).toBe('#clause-7-7');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows clause text from the template as text, never as markup', async () => {
    const { page, context } = await open(VERSION);
    expect(await page.locator('.contract script, .contract img, .contract iframe').count()).toBe(0);
    await context.close();
  });
});

describe('comparing versions', () => {
  it('lists exactly the changed clauses, with words added and removed', async () => {
    const { page, context } = await open(`/contracts/${ID}/compare/1.0.0-to-1.1.0/`);
    const changes = await page
      .locator('.contract-change')
      .evaluateAll((els) =>
        els.map(
          (e) => `${e.id} ${[...e.classList].find((c) => c.startsWith('contract-change--'))}`,
        ),
      );
    expect(changes).toEqual([
      'change-clause-4-6 contract-change--removed',
      'change-clause-5-3 contract-change--changed',
      'change-clause-5-6 contract-change--changed',
      'change-clause-7-7 contract-change--added',
      'change-clause-14-1 contract-change--changed',
      'change-clause-s3-2 contract-change--changed',
    ]);
    expect(await page.locator('#change-clause-5-6 ins').first().textContent()).toContain(
      'only under clause 7.7',
    );
    expect(await page.locator('#change-clause-5-6 del').first().textContent()).toContain('not');
    await context.close();
  });

  it('the picker takes two versions to their comparison', async () => {
    const { page, context, problems } = await open(`/contracts/${ID}/compare/`);
    await page.locator('#compare-from').selectOption('1.1.0');
    await page.locator('#compare-to').selectOption('1.0.0');
    await Promise.all([
      page.waitForURL(/1\.1\.0-to-1\.0\.0\/$/),
      page.locator('.contract-compare-picker button').click(),
    ]);
    expect((await page.locator('h1').textContent())?.replace(/\s+/g, ' ')).toContain(
      'Compare version 1.1.0 with version 1.0.0',
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('small screens', () => {
  it.each([
    '/contracts/',
    `/contracts/${ID}/1.1.0/`,
    `/contracts/${ID}/compare/1.0.0-to-1.1.0/`,
    FILL,
  ])('%s reflows at 320 CSS pixels without sideways scrolling', async (path) => {
    const { page, context } = await open(path, { width: 320 });
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('accessibility', () => {
  const pages = [
    '/contracts/',
    `/contracts/${ID}/`,
    `/contracts/${ID}/1.1.0/`,
    `/contracts/${ID}/1.0.0/`,
    '/contracts/grant-agreement/1.0.0/',
    `/contracts/${ID}/compare/`,
    `/contracts/${ID}/compare/1.0.0-to-1.1.0/`,
    '/contracts/grant-agreement/compare/',
    FILL,
  ];
  for (const path of pages) {
    it(`${path} has no axe violations`, async () => {
      const { page, context, problems } = await open(path);
      await page.waitForLoadState('networkidle');
      expect(await axe(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
