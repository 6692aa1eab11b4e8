/**
 * The weights a lunr 2 index gives each (field, document, term), computed exactly as
 * lunr.Builder computes them (same tokenizer, pipeline, BM25 formula with k1 = 1.2 and
 * b = 0.75, idf over the whole register, rounding to three decimals) but without
 * lunr.Builder's per-posting objects, which at 50,000 providers cost more than a gigabyte:
 * occurrences go into flat typed arrays and are grouped by term with a counting sort.
 * tests/unit/site/lunrPostings.test.ts checks the result against lunr.Builder itself.
 *
 * lunr scores a document by the dot product of the query vector with the document's field
 * vector, divided by the query vector's length only, so a shard that holds some terms with
 * these weights scores a one-term query exactly as the whole index would.
 */
import lunr from 'lunr';

const K1 = 1.2;
const B = 0.75;

export interface FieldPostings {
  /** Document numbers, ascending. */
  refs: number[];
  /** lunr's weight: BM25 times idf, rounded to three decimals as lunr rounds it. */
  weights: number[];
}

export interface TermPostings {
  term: string;
  /** Keyed by field number (the position of the field in `fields`). */
  fields: Map<number, FieldPostings>;
}

/** The pipeline lunr's default builder uses; queries use the stemmer alone. */
export function indexPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline();
  pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  return pipeline;
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * `documents[i][field]` is the text (or list of whole tokens) of document number i.
 * Returns every term's postings, in the order terms were first seen; within a field,
 * documents are in ascending order.
 */
export function lunrPostings(
  documents: readonly Record<string, string | string[] | undefined>[],
  fields: readonly string[],
): TermPostings[] {
  const pipeline = indexPipeline();
  const count = documents.length;
  const lengths = fields.map(() => new Float64Array(count));
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  // One entry per (document, field, distinct term): the occurrence log.
  const logTerm = new IntList();
  const logField = new IntList();
  const logRef = new IntList();
  const logTf = new IntList();

  const tf = new Map<number, number>();
  for (let ref = 0; ref < count; ref++) {
    const doc = documents[ref]!;
    for (let f = 0; f < fields.length; f++) {
      const tokens = pipeline.run(lunr.tokenizer(doc[fields[f]!] as never));
      lengths[f]![ref] = tokens.length;
      tf.clear();
      for (const token of tokens) {
        const text = token.toString();
        let id = termIds.get(text);
        if (id === undefined) {
          id = termList.length;
          termIds.set(text, id);
          termList.push(text);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const [id, n] of tf) {
        logTerm.push(id);
        logField.push(f);
        logRef.push(ref);
        logTf.push(n);
      }
    }
  }
  termIds.clear();

  // lunr's idf counts a document once for each field the term is in: one log entry each.
  const df = new Int32Array(termList.length);
  for (let i = 0; i < logTerm.length; i++) df[logTerm.data[i]!]!++;
  // Counting sort of the log by term; entries keep document order within a term.
  const start = new Int32Array(termList.length + 1);
  for (let t = 0; t < termList.length; t++) start[t + 1] = start[t]! + df[t]!;
  const order = new Int32Array(logTerm.length);
  const next = start.slice(0, termList.length);
  for (let i = 0; i < logTerm.length; i++) order[next[logTerm.data[i]!]!++] = i;

  const average = lengths.map((l) => (count === 0 ? 0 : l.reduce((s, x) => s + x, 0) / count));
  const out: TermPostings[] = [];
  for (let t = 0; t < termList.length; t++) {
    const idf = Math.log(1 + Math.abs((count - df[t]! + 0.5) / (df[t]! + 0.5)));
    const byField = new Map<number, FieldPostings>();
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      const i = order[k]!;
      const f = logField.data[i]!;
      const ref = logRef.data[i]!;
      const n = logTf.data[i]!;
      const norm = 1 - B + B * (lengths[f]![ref]! / average[f]!);
      const weight = Math.round(((idf * ((K1 + 1) * n)) / (K1 * norm + n)) * 1000) / 1000;
      let list = byField.get(f);
      if (!list) byField.set(f, (list = { refs: [], weights: [] }));
      list.refs.push(ref);
      list.weights.push(weight);
    }
    out.push({ term: termList[t]!, fields: byField });
  }
  return out;
}
