import { describe, expect, it } from 'vitest';
import {
  BROWSE_KINDS,
  browseGroups,
  browsePages,
  browsePaths,
} from '../../../scripts/publish/site/browse.ts';
import { render } from '../../../site/providers/browse.11ty.ts';
import { render as renderIndex } from '../../../site/providers/browse-index.11ty.ts';
import { escapeHtml } from '../../../scripts/publish/kit/html.ts';
import { siteFixture, XSS_OTHER_NAME } from '../../support/siteRegister.ts';

const { register, site } = siteFixture();

describe('browseGroups', () => {
  const groups = browseGroups(register);
  it('puts every provider in exactly one A–Z group, one council and one status', () => {
    for (const kind of ['a-z', 'local-authority', 'status'] as const) {
      const ids = groups
        .filter((g) => g.kind === kind)
        .flatMap((g) => g.providers.map((p) => p.provider_id));
      expect(ids.sort()).toEqual(register.providers.map((p) => p.provider_id).sort());
    }
  });
  it('lists a provider under each of its services', () => {
    const respite = groups.find((g) => g.kind === 'service' && g.key === 'respite-care')!;
    expect(respite.providers.map((p) => p.provider_id)).toEqual(['P000001']);
  });
  it('gives councils their region, to group the index', () => {
    const council = groups.find((g) => g.kind === 'local-authority' && g.key === 'E06000059')!;
    expect(council.title).toBe('Dorset Council');
    expect(council.parent).toBe('South West');
  });
});

describe('other names in A to Z', () => {
  const groups = browseGroups(register);
  const letters = groups.filter((g) => g.kind === 'a-z');
  const otherNames = (key: string) =>
    letters.find((g) => g.key === key)?.otherNames?.map((o) => [o.name, o.provider.provider_id]);

  it('lists each under its own first letter, but not a name the provider’s name starts with', () => {
    // P000001 Harbour Carers Trust is also "Harbour Carers" (left out) and "Dorset Carers Harbour".
    expect(otherNames('D')).toEqual([['Dorset Carers Harbour', 'P000001']]);
    expect(otherNames('H')).toBeUndefined();
    expect(otherNames('S')).toEqual([[XSS_OTHER_NAME, 'P000003']]);
  });

  it('gives a letter only other names begin with its page, in A to Z order', () => {
    expect(letters.map((g) => g.key)).toEqual(['D', 'H', 'K', 'S']);
    expect(letters[0]!.providers).toEqual([]);
  });

  it('says on the A to Z index when a letter holds other names only', () => {
    const page = renderIndex({ kind: BROWSE_KINDS[0]!, site, browse: { groups } });
    expect(page).toMatch(/>D<\/a> <span class="count">\(other names only\)<\/span>/);
    expect(page).toMatch(/>H<\/a> <span class="count">\(1\)<\/span>/);
  });

  it('shows them as text on the letter’s first page, each linking to its provider', () => {
    const [first] = browsePages(letters.filter((g) => g.key === 'S'));
    const page = render({ browsePage: first!, site });
    expect(page).toContain('<h2 id="other-names">Other names beginning with S</h2>');
    expect(page).toContain(
      `<li>${escapeHtml(XSS_OTHER_NAME)}: see <a href="/kitemark/providers/P000003/">`,
    );
    expect(page).not.toContain('<b onmouseover');
  });
});

describe('browsePages', () => {
  it('pages a group, first page at the group address', () => {
    const group = { kind: 'a-z' as const, key: 'S', title: 'S', providers: register.providers };
    const pages = browsePages([group], 2);
    expect(pages.map((p) => [p.page, p.pageCount, p.providers.length, p.path])).toEqual([
      [1, 2, 2, 'providers/a-z/s/'],
      [2, 2, 1, 'providers/a-z/s/2/'],
    ]);
    expect(browsePaths.council('E06000059')).toBe('providers/local-authority/e06000059/');
  });
});
