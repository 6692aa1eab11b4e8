/**
 * A contract as a Word document, made with the `docx` library: real Heading 1 and Heading 2
 * paragraphs, Word's own multi-level numbering for sections (1, 1.1) and schedules
 * (Schedule 1, S1.1), a table of contents Word can update, cross-references that are links to
 * bookmarks, the key details and cost lines as tables, and guidance notes in their own style.
 *
 * A filled-in contract is made by filling the DOCX skeleton (see fillDocx.ts), exactly as the
 * browser does, so the two can never differ. The output is deterministic: the same template
 * and values always give the same bytes. Build side only (the `docx` library and zlib).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ContractTemplate } from '../types.generated.ts';
import {
  describeContract,
  type CodeTitles,
  type ContractDocument,
  type DocumentPart,
  type Paragraph as Inlines,
} from './describeContract.ts';
import { COST_STATEMENT_MARKER, fillDocxSkeleton, type DocxSkeleton } from './fillDocx.ts';
import type { FilledContract } from './fillContract.ts';
import { isNumberedInOrder } from './listClauses.ts';
import { unzipFiles, zipFiles } from './zipFiles.ts';
import { appendAll } from '../appendAll.ts';

export interface DocxOptions {
  titles?: CodeTitles;
  /** SHA-256 of the published template JSON, printed in the execution block. */
  templateSha256?: string;
  /** Guidance notes: default yes for a template, no for a filled contract. */
  guidance?: boolean;
}

const SECTIONS = 'contract-sections';
const SCHEDULES = 'contract-schedules';
const INDENT = 851; // 1.5 cm in twentieths of a point: where clause text starts

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40. */
function bookmark(anchor: string): string {
  return anchor.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
}

function runs(paragraph: Inlines): ParagraphChild[] {
  return paragraph.map((piece) => {
    switch (piece.kind) {
      case 'break':
        return new TextRun({ break: 1 });
      case 'text':
      case 'value':
        return new TextRun(piece.text);
      case 'placeholder':
        return new TextRun({ text: `[${piece.label}]`, highlight: 'yellow' });
      case 'reference':
        return piece.anchor
          ? new InternalHyperlink({
              anchor: bookmark(piece.anchor),
              children: [new TextRun({ text: piece.text, style: 'Hyperlink' })],
            })
          : new TextRun(piece.text);
    }
  });
}

function cell(children: Paragraph[], header = false): TableCell {
  return new TableCell({
    children,
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
  });
}

function table(header: string[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h) =>
          cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], true),
        ),
      }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

function heading(
  text: string,
  level: 1 | 2,
  anchor: string | undefined,
  numbering: { reference: string; level: number } | undefined,
  extra: { pageBreakBefore?: boolean } = {},
): Paragraph {
  const run = new TextRun(text);
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: anchor ? [new Bookmark({ id: bookmark(anchor), children: [run] })] : [run],
    ...(numbering ? { numbering } : {}),
    ...extra,
  });
}

function partContent(
  doc: ContractDocument,
  part: DocumentPart,
  numbered: boolean,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const reference = part.kind === 'section' ? SECTIONS : SCHEDULES;
  out.push(
    heading(
      numbered ? part.title : part.heading,
      1,
      part.anchor,
      numbered ? { reference, level: 0 } : undefined,
      { pageBreakBefore: part.kind === 'schedule' },
    ),
  );
  for (const clause of part.clauses) {
    out.push(
      heading(
        numbered ? clause.heading : `${clause.number} ${clause.heading}`,
        2,
        clause.anchor,
        numbered ? { reference, level: 1 } : undefined,
      ),
    );
    for (const p of clause.paragraphs) {
      out.push(new Paragraph({ children: runs(p), indent: { left: INDENT } }));
    }
    if (doc.guidance && clause.guidance.length > 0) {
      clause.guidance.forEach((p, i) => {
        out.push(
          new Paragraph({
            style: 'Guidance',
            children: [
              ...(i === 0
                ? [new TextRun({ text: 'Guidance for commissioners: ', bold: true })]
                : []),
              ...runs(p),
            ],
          }),
        );
      });
    }
  }
  if (part.costLines.length > 0 && doc.filled) {
    // Where the provider's cost statement goes: fillDocx puts its table here, or removes it.
    out.push(new Paragraph({ children: [new TextRun(COST_STATEMENT_MARKER)] }));
  }
  if (part.costLines.length > 0) {
    const guidance = doc.guidance && part.costLines.some((l) => l.guidance);
    out.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `Cost lines of ${part.label}, in the common cost language of full cost recovery`,
            bold: true,
          }),
        ],
        spacing: { before: 240 },
        keepNext: true,
      }),
    );
    out.push(
      table(
        ['Cost category', 'What to include', ...(guidance ? ['Guidance for commissioners'] : [])],
        part.costLines.map((l) => [
          [new Paragraph({ children: [new TextRun({ text: l.title, bold: true })] })],
          [new Paragraph(l.description)],
          ...(guidance ? [[new Paragraph({ style: 'GuidanceCell', text: l.guidance ?? '' })]] : []),
        ]),
      ),
    );
  }
  return out;
}

/** The execution block: a page with a place for each party to sign, and the template's hash. */
function executionContent(doc: ContractDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading('Execution', 1, 'execution', undefined, { pageBreakBefore: true }),
    new Paragraph(
      'This contract is made when both parties have signed it. Each person signing confirms that they are authorised to sign for the party named.',
    ),
  ];
  for (const party of doc.execution.parties) {
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 360 },
        children: [
          new TextRun({ text: `Signed for the ${party.role}: `, bold: true }),
          ...runs(party.name),
        ],
      }),
    );
    if (party.address)
      out.push(new Paragraph({ children: [new TextRun(`Address: ${party.address}`)] }));
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: doc.execution.lines.map(
          (line) =>
            new TableRow({
              height: { value: 680, rule: 'atLeast' },
              cantSplit: true,
              children: [
                new TableCell({
                  width: { size: 30, type: WidthType.PERCENTAGE },
                  children: [
                    new Paragraph({ children: [new TextRun({ text: line, bold: true })] }),
                  ],
                }),
                new TableCell({
                  width: { size: 70, type: WidthType.PERCENTAGE },
                  children: [new Paragraph('')],
                }),
              ],
            }),
        ),
      }),
    );
  }
  out.push(
    new Paragraph({
      spacing: { before: 360 },
      children: [new TextRun({ text: doc.execution.provenance, size: 18 })],
    }),
  );
  return out;
}

function buildDocument(doc: ContractDocument, numbered: boolean): Document {
  const body: (Paragraph | Table | TableOfContents)[] = [];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }));
  if (!doc.filled) body.push(new Paragraph({ children: [new TextRun(doc.summary)] }));
  for (const fact of doc.facts) {
    body.push(
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)],
      }),
    );
  }
  if (doc.notice) {
    body.push(
      new Paragraph({
        style: 'Notice',
        children: [new TextRun({ text: doc.notice, bold: true })],
      }),
    );
  }
  body.push(new Paragraph({ style: 'ContentsHeading', children: [new TextRun('Contents')] }));
  // Entries written out (with their numbers, which Word's numbering adds to the headings), so
  // the contents read right before Word updates the field and in readers that never do.
  const entry = (title: string, anchor: string) => ({ title, level: 1, href: bookmark(anchor) });
  body.push(
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-1',
      cachedEntries: [
        entry('Key details', 'key-details'),
        ...doc.parts.map((p) => entry(p.heading, p.anchor)),
        ...(!doc.filled && doc.history.length > 0
          ? [entry('Version history', 'version-history')]
          : []),
        entry('Execution', 'execution'),
      ],
    }),
  );

  body.push(heading('Key details', 1, 'key-details', undefined, { pageBreakBefore: true }));
  body.push(
    table(
      ['Detail', doc.filled ? 'Value' : 'To be filled in'],
      doc.keyDetails.map((d) => [
        [new Paragraph({ children: [new TextRun({ text: d.label, bold: true })] })],
        [new Paragraph({ children: runs(d.value) })],
      ]),
    ),
  );
  for (const part of doc.parts) appendAll(body, partContent(doc, part, numbered));
  if (!doc.filled && doc.history.length > 0) {
    body.push(
      heading('Version history', 1, 'version-history', undefined, { pageBreakBefore: true }),
    );
    for (const h of doc.history) {
      body.push(
        new Paragraph({
          children: [
            new TextRun({ text: `Version ${h.version}, ${h.date}: `, bold: true }),
            new TextRun(h.summary),
          ],
        }),
      );
    }
  }

  appendAll(body, executionContent(doc));

  const footerText = doc.filled
    ? `${doc.title} (from template version ${doc.version})`
    : `${doc.title}, template version ${doc.version}`;
  const level = (
    lvl: number,
    text: string,
    suffix?: (typeof LevelSuffix)[keyof typeof LevelSuffix],
  ) => ({
    level: lvl,
    format: LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    ...(suffix ? { suffix } : {}),
    style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } },
  });
  return new Document({
    title: `${doc.title} ${doc.filled ? 'contract' : `template version ${doc.version}`}`,
    description: doc.summary,
    creator: 'Kitemark Register',
    lastModifiedBy: 'Kitemark Register',
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22 },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        title: {
          run: { font: 'Arial', size: 48, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { font: 'Arial', size: 32, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 480, after: 160 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: 'Arial', size: 24, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
        },
        hyperlink: { run: { color: '1D70B8', underline: {} } },
      },
      paragraphStyles: [
        {
          id: 'Guidance',
          name: 'Guidance note',
          basedOn: 'Normal',
          run: { size: 20, color: '383F43' },
          paragraph: {
            indent: { left: INDENT },
            shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: '1D70B8', space: 6 } },
          },
        },
        {
          id: 'GuidanceCell',
          name: 'Guidance in a table',
          basedOn: 'Normal',
          run: { size: 20, color: '383F43' },
        },
        {
          id: 'Notice',
          name: 'Status notice',
          basedOn: 'Normal',
          paragraph: {
            spacing: { before: 240, after: 240 },
            border: { left: { style: BorderStyle.SINGLE, size: 36, color: 'D4351C', space: 8 } },
          },
        },
        {
          id: 'ContentsHeading',
          name: 'Contents heading',
          basedOn: 'Normal',
          run: { size: 32, bold: true },
          paragraph: { spacing: { before: 480, after: 160 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: SECTIONS, levels: [level(0, '%1'), level(1, '%1.%2')] },
        {
          reference: SCHEDULES,
          levels: [level(0, 'Schedule %1:', LevelSuffix.SPACE), level(1, 'S%1.%2')],
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [
                  new TextRun({ text: `${footerText}. Page `, size: 18 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18 }),
                  new TextRun({ text: ' of ', size: 18 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/**
 * The parts of the DOCX: for a template, complete; with `skeleton`, a filled-contract layout
 * whose values are markers for fillDocx to replace. Dates in the package properties are set to
 * the template's own date, so the bytes do not change from one build to the next.
 */
export async function renderContractDocxParts(
  template: ContractTemplate,
  options: DocxOptions & { skeleton?: boolean } = {},
): Promise<DocxSkeleton> {
  const doc = describeContract(template, {
    ...(options.skeleton ? { contract: 'skeleton' as const } : {}),
    ...(options.titles ? { titles: options.titles } : {}),
    ...(options.guidance !== undefined ? { guidance: options.guidance } : {}),
    ...(options.templateSha256 ? { templateSha256: options.templateSha256 } : {}),
  });
  const bytes = await Packer.toBuffer(buildDocument(doc, isNumberedInOrder(template)));
  const entries = await unzipFiles(new Uint8Array(bytes), (d) => inflateRawSync(d));
  const date = `${template.published_on ?? template.change_notes[0]?.date ?? '2000-01-01'}T00:00:00Z`;
  const decoder = new TextDecoder();
  return {
    id: template.id,
    version: template.version,
    costCategories: { ...(options.titles?.costCategories ?? {}) },
    parts: entries.map((e) => {
      if (!/\.(xml|rels)$/.test(e.path)) {
        return { path: e.path, base64: Buffer.from(e.data).toString('base64') };
      }
      let text = decoder.decode(e.data);
      if (e.path === 'word/document.xml') {
        // The library numbers bookmarks from a counter that lives as long as the process, so
        // the same document made twice would differ: number them from 1 in order instead.
        const ids = new Map<string, number>();
        text = text.replace(
          /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
          (_, a: string, id: string, b: string) => {
            if (!ids.has(id)) ids.set(id, ids.size + 1);
            return `${a}${ids.get(id)}${b}`;
          },
        );
      }
      if (e.path === 'docProps/core.xml') {
        text = text.replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${date}$2`,
        );
      }
      return { path: e.path, text };
    }),
  };
}

/** Zips a skeleton's parts (filled or not) into DOCX bytes. */
export async function zipDocx(parts: { path: string; data: Uint8Array }[]): Promise<Uint8Array> {
  return zipFiles(parts, (d) => new Uint8Array(deflateRawSync(d, { level: 9 })));
}

/** The template as a DOCX, or with `contract`, the filled-in contract. */
export async function renderContractDocx(
  template: ContractTemplate,
  options: DocxOptions & { contract?: FilledContract } = {},
): Promise<Uint8Array> {
  const { contract, ...rest } = options;
  const skeleton = await renderContractDocxParts(template, {
    ...rest,
    skeleton: contract !== undefined,
  });
  const encoder = new TextEncoder();
  const parts = contract
    ? fillDocxSkeleton(skeleton, contract)
    : skeleton.parts.map((p) => ({
        path: p.path,
        data: p.text !== undefined ? encoder.encode(p.text) : Buffer.from(p.base64 ?? '', 'base64'),
      }));
  return zipDocx(parts);
}
