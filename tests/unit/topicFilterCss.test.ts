import { describe, expect, it } from 'vitest';
import { topicFilterCss } from '../../scripts/publish/contracts/topicFilterCss.ts';

describe('topicFilterCss', () => {
  it('writes one rule per topic that hides clauses, parts and contents entries without it', () => {
    const css = topicFilterCss(['payment', 'risk-allocation']);
    expect(css).toContain(
      '.contract-page:has(#topic-filter option[value="payment"]:checked) :is(.contract .clause, .contract .contract-part, .contract-toc li[data-topics]):not([data-topics~="payment"])',
    );
    expect(css.match(/display: none/g)).toHaveLength(2);
  });

  it('cannot be broken out of by a strange code', () => {
    const css = topicFilterCss(['a"] {} body { display: none } x["']);
    expect(css).not.toContain('"] {}');
    expect(css).toContain('\\22 ');
  });
});
