import { describe, expect, it } from 'vitest';
import { browseGroups, browsePages, browsePaths } from '../../../scripts/site/browse.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register } = siteFixture();

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
