/**
 * The stylesheet rules that make the topic filter work without JavaScript: when the select's
 * option for a topic is chosen, clauses, parts and contents entries without that topic are
 * hidden. One rule per topic in the clause-topics codelist.
 */
function cssString(value: string): string {
  return `"${value.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export function topicFilterCss(topics: readonly string[]): string {
  return topics
    .map((code) => {
      const v = cssString(code);
      return `.contract-page:has(#topic-filter option[value=${v}]:checked) :is(.contract .clause, .contract .contract-part, .contract-toc li[data-topics]):not([data-topics~=${v}]) {\n  display: none;\n}`;
    })
    .join('\n');
}
