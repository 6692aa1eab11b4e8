/**
 * The shapes of a loaded register: tables of typed records that remember the file and line each
 * came from. Apart from the loader so that the checks it runs can speak of them too.
 */
import type { Issue } from './issue.ts';
import type {
  Accreditation,
  CodelistEntry,
  Commissioner,
  Document,
  Provider,
  RegisterMetadata,
} from './types.generated.ts';

/**
 * The register's files by path relative to the data folder, with forward slashes. A Map will
 * do; the file-system edge reads each file only when asked, so a 50,000-provider register's
 * bytes are let go file by file instead of all being held until loading ends.
 */
export interface Sources {
  keys(): Iterable<string>;
  get(path: string): Uint8Array | undefined;
}

export interface Row<T> {
  /** 1-based line the row starts on; the header is line 1. */
  line: number;
  /** Trimmed, typed values; empty cells are absent; list cells are split on `;`. */
  record: T;
}

export interface Table<T> {
  file: string;
  /** False when the file does not exist (reported as an issue). */
  present: boolean;
  header: string[];
  /** Column index (0-based) of each header name; the first wins when a name repeats. */
  column: Map<string, number>;
  rows: Row<T>[];
}

export interface Codelist {
  name: string;
  file: string;
  table: Table<CodelistEntry>;
  entries: Map<string, CodelistEntry>;
}

export interface JsonSource<T> {
  file: string;
  text: string;
  value: T | undefined;
}

export interface LoadedRegister {
  meta: JsonSource<RegisterMetadata>;
  providers: Table<Provider>;
  accreditations: Table<Accreditation>;
  documents: Table<Document>;
  commissioners: Table<Commissioner>;
  codelists: Map<string, Codelist>;
  /** `contract-templates/<id>/<version>.json`, parsed but not yet validated. */
  templates: JsonSource<unknown>[];
  /** `cost-statements/*.json`: providers' published cost statements, parsed but not yet checked. */
  costStatements: JsonSource<unknown>[];
  /**
   * Problems found while reading: unreadable files, CSV and JSON syntax, and every check of a
   * single table against its schema (made while the raw cells are at hand, then let go).
   */
  issues: Issue[];
}
