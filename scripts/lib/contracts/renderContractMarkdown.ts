/**
 * A contract as Markdown (CommonMark, with a GitHub-style table for key details and cost lines),
 * for people who keep documents in git or paste them into other tools. Every piece of text is
 * escaped so that `*`, `_`, `<script>`, `[link](x)` or a line starting `# ` in a clause or a filled
 * value prints as those characters, not as formatting. Pure; bundled into the browser.
 */
import type { ContractTemplate } from '../types.generated.ts';
import {
  describeContract,
  type ContractDocument,
  type DescribeOptions,
  type Paragraph,
} from './describeContract.ts';
import { basisInfo } from '../costs/costBases.ts';
import { formatPence } from '../costs/money.ts';
import { unitWords, volumeWords } from '../costs/renderCostStatementHtml.ts';
import { formatDate } from './formatValue.ts';

/** Backslash-escapes every character CommonMark (or a GitHub table) could read as markup. */
export function escapeMarkdownInline(text: string): string {
  // Every caller is a single line (a heading, a label, a table cell): a newline would end it.
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~&$]/g, '\\$&');
}

/**
 * Escapes what would start a block at the start of a line (a list, a setext underline, a
 * numbered list); the rest (`#`, `>`, `+`, `*`) is already escaped inline.
 */
function escapeLineStarts(text: string): string {
  return text.replace(/^(\s*)([-=])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Text that starts a line: inline escapes, and block starts too. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeMarkdownInline(text));
}

/** In a table cell a line break would end the row, so breaks become spaces there. */
function inline(paragraph: Paragraph, inTable = false): string {
  const text = paragraph
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
        case 'value':
          return escapeMarkdownInline(piece.text);
        case 'break':
          // CommonMark's hard line break: a backslash at the end of the line.
          return inTable ? ' ' : '\\\n';
        case 'placeholder':
          return `**\\[${escapeMarkdownInline(piece.label)}\\]**`;
        case 'reference':
          return escapeMarkdownInline(piece.text);
      }
    })
    .join('');
  return inTable ? text : escapeLineStarts(text);
}

/**
 * The slug GitHub and most Markdown tools give a heading, so the contents can link to it:
 * lower case, punctuation dropped, spaces to hyphens.
 */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

export function renderMarkdownDocument(doc: ContractDocument): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdownInline(doc.title)}`);
  if (!doc.filled) out.push(escapeMarkdown(doc.summary));
  out.push(
    doc.facts
      .map((f) => `- **${escapeMarkdownInline(f.label)}:** ${escapeMarkdownInline(f.value)}`)
      .join('\n'),
  );
  if (doc.notice) out.push(`> **${escapeMarkdownInline(doc.notice)}**`);

  out.push('## Contents');
  out.push(
    [
      '- [Key details](#key-details)',
      ...doc.parts.map((p) => `- [${escapeMarkdownInline(p.heading)}](#${headingSlug(p.heading)})`),
      ...(!doc.filled && doc.history.length > 0 ? ['- [Version history](#version-history)'] : []),
      '- [Execution](#execution)',
    ].join('\n'),
  );

  out.push('## Key details');
  out.push(
    [
      `| Detail | ${doc.filled ? 'Value' : 'To be filled in'} |`,
      '| --- | --- |',
      ...doc.keyDetails.map(
        (d) => `| ${escapeMarkdownInline(d.label)} | ${inline(d.value, true)} |`,
      ),
    ].join('\n'),
  );

  for (const part of doc.parts) {
    out.push(`## ${escapeMarkdownInline(part.heading)}`);
    for (const clause of part.clauses) {
      out.push(
        `### ${escapeMarkdownInline(clause.number)} ${escapeMarkdownInline(clause.heading)}`,
      );
      for (const p of clause.paragraphs) out.push(inline(p));
      if (doc.guidance && clause.guidance.length > 0) {
        out.push(
          clause.guidance
            .map(
              (p, i) =>
                `> ${i === 0 ? '**Guidance for commissioners:** ' : ''}${inline(p).replace(/\n/g, '\n> ')}`,
            )
            .join('\n>\n'),
        );
      }
    }
    if (part.costLines.length > 0) {
      const guidance = doc.guidance && part.costLines.some((l) => l.guidance);
      out.push(
        [
          `| Cost category | What to include |${guidance ? ' Guidance for commissioners |' : ''}`,
          `| --- | --- |${guidance ? ' --- |' : ''}`,
          ...part.costLines.map(
            (l) =>
              `| ${escapeMarkdownInline(l.title)} | ${escapeMarkdownInline(l.description)} |${
                guidance ? ` ${escapeMarkdownInline(l.guidance ?? '')} |` : ''
              }`,
          ),
        ].join('\n'),
      );
    }
    if (part.costStatement) {
      const s = part.costStatement;
      out.push(
        `**The Provider's cost statement: ${escapeMarkdownInline(s.service_name)}, prepared on ${escapeMarkdownInline(formatDate(s.prepared_on))}**`,
      );
      out.push(
        [
          '| Cost category | How it is shared out | Amount |',
          '| --- | --- | ---: |',
          ...s.lines.map(
            (l) =>
              `| ${escapeMarkdownInline(doc.costCategories[l.category] ?? l.category)} | ${escapeMarkdownInline(basisInfo(l.basis)?.title ?? l.basis)} | ${escapeMarkdownInline(formatPence(l.service_total_pence))} |`,
          ),
          `| **Full cost** | ${escapeMarkdownInline(volumeWords(s))} | **${escapeMarkdownInline(formatPence(s.totals.full_cost_pence))}** |`,
          `| **Price per ${escapeMarkdownInline(unitWords(s.unit, 1))}** | to the nearest penny | **${escapeMarkdownInline(formatPence(s.totals.unit_price_pence))}** |`,
        ].join('\n'),
      );
    }
  }

  if (!doc.filled && doc.history.length > 0) {
    out.push('## Version history');
    out.push(
      doc.history
        .map(
          (h) =>
            `- **Version ${escapeMarkdownInline(h.version)}, ${escapeMarkdownInline(h.date)}:** ${escapeMarkdownInline(h.summary)}`,
        )
        .join('\n'),
    );
  }
  out.push('## Execution');
  out.push(
    'This contract is made when both parties have signed it. Each person signing confirms that they are authorised to sign for the party named.',
  );
  for (const party of doc.execution.parties) {
    out.push(`**Signed for the ${escapeMarkdownInline(party.role)}: ${inline(party.name, true)}**`);
    if (party.address) out.push(`Address: ${escapeMarkdownInline(party.address)}`);
    out.push(
      doc.execution.lines
        .map((line) => `${escapeMarkdownInline(line)}: ______________________________`)
        .join('\\\n'),
    );
  }
  out.push(`*${escapeMarkdownInline(doc.execution.provenance)}*`);
  return `${out.join('\n\n')}\n`;
}

export function renderContractMarkdown(
  template: ContractTemplate,
  options: DescribeOptions = {},
): string {
  return renderMarkdownDocument(describeContract(template, options));
}
