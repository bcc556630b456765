/**
 * Writes planned graph rows as the CSV files that `neo4j-admin database import full`
 * reads. Rows are grouped by what their header must say: a node group per label and
 * property signature (names and types), a relationship group per type and signature,
 * so every row of a file has the same columns and the import gives each property the
 * type the transactional path gives it (Integer -> long, other numbers -> double, Date
 * -> date, string lists -> string[]). Rows with a line break in a value go to files of
 * their own, which the importer is told to parse as multi-line (slower, so only those).
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { NodeRow, RelRow } from '../seed/plan-graph.js';

/** Separates the items of a list value: a control character no text of the graph holds (checked). */
export const ARRAY_DELIMITER = '\u001f';

/** One header + data file pair and what the importer must be told about it. */
export interface CsvGroup {
  kind: 'nodes' | 'relationships';
  /** `Entity:Actor` for nodes, the relationship type for relationships. */
  labelOrType: string;
  /** Kind, label or type, property names and types, multi-line or not: what makes two groups share a header. */
  signature: string;
  header: string;
  /** The data files (one per writer) that share the header. */
  data: string[];
  rows: number;
  /** Values span lines: parse this file with --multiline-fields. */
  multiline: boolean;
}

/** A value the CSV cannot carry as the transactional path would store it. */
export class BulkCsvError extends Error {
  override name = 'BulkCsvError';
}

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'string[]' | 'date[]';

function columnType(value: unknown, where: () => string): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (neo4j.isInt(value)) return 'long';
  if (neo4j.isDate(value as never)) return 'date';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    // An empty list has no CSV form the importer reads back as an empty list.
    if (value.length === 0) throw new BulkCsvError(`${where()}: an empty list cannot be bulk-imported; leave the field out`);
    return 'string[]';
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => neo4j.isDate(v as never))) return 'date[]';
  throw new BulkCsvError(`${where()}: a value of this kind cannot be bulk-imported (${JSON.stringify(value)})`);
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

function cell(value: unknown, type: ColumnType, where: () => string): string {
  switch (type) {
    case 'string':
      return quote(value as string);
    case 'string[]': {
      const items = value as string[];
      if (items.some((s) => s.includes(ARRAY_DELIMITER))) throw new BulkCsvError(`${where()}: a list item holds the control character U+001F`);
      return quote(items.join(ARRAY_DELIMITER));
    }
    case 'date':
      return String(value);
    case 'date[]':
      return (value as unknown[]).map(String).join(ARRAY_DELIMITER);
    case 'long':
      return String(value);
    case 'double':
      // Shortest round-trip form: Java's Double.parseDouble reads back the same double.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
}

const spansLines = (value: unknown): boolean =>
  (typeof value === 'string' && /[\r\n]/.test(value)) || (Array.isArray(value) && value.some((v) => typeof v === 'string' && /[\r\n]/.test(v)));

interface OpenGroup {
  group: CsvGroup;
  columns: { name: string; type: ColumnType }[];
  fd: number;
  /** Lines not yet written: flushed in chunks of about FLUSH_CHARS, one write each. */
  pending: string[];
  pendingChars: number;
}

/** Buffered characters per group before a write: few system calls, bounded memory (a few dozen groups). */
const FLUSH_CHARS = 1 << 20;

/**
 * Streams rows into CSV groups under `dir`; close() flushes and returns the groups.
 * Writes are synchronous and buffered: the writer runs in a worker thread of its own
 * (bulk-csv-workers.ts), where blocking on the disk stalls no one else.
 */
export class BulkCsvWriter {
  private readonly groups = new Map<string, OpenGroup>();

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Adds nodes: `id:ID` (which the importer stores as the `id` property), their other properties, labels Entity and the row's label. */
  addNodes(rows: NodeRow[]): void {
    for (const row of rows) {
      const { id: _id, ...props } = row.props;
      this.add('nodes', `Entity:${row.label}`, props, () => `${row.label} ${row.id}`, quote(row.id));
    }
  }

  /**
   * Adds derived :TopicPosition nodes (not :Entity), keyed by `key:ID(TopicPosition)`,
   * an id space of their own. `rows` are as the rebuild writes them (dates as Neo4j
   * Dates, nulls left out); lists the importer cannot carry (an empty one, or one empty
   * string, which it reads as no value) must be left out: see fillEmptyLists in bulk-import.ts.
   */
  addTopicPositions(rows: Record<string, unknown>[]): void {
    for (const row of rows) {
      const { key, ...props } = row;
      this.add('nodes', 'TopicPosition', props, () => `TopicPosition ${String(key)}`, quote(key as string), 'key:ID(TopicPosition)');
    }
  }

  /** Adds derived :VerdictSpan nodes (decision 0053), keyed by `key:ID(VerdictSpan)`; `rows` as the rebuild writes them. */
  addVerdictSpans(rows: Record<string, unknown>[]): void {
    for (const row of rows) {
      const { key, ...props } = row;
      this.add('nodes', 'VerdictSpan', props, () => `VerdictSpan ${String(key)}`, quote(key as string), 'key:ID(VerdictSpan)');
    }
  }

  /** Adds relationships between node ids: `:START_ID`, `:END_ID` and their properties. */
  addRelationships(rows: RelRow[]): void {
    for (const row of rows) {
      this.add('relationships', row.type, row.props, () => `${row.type} ${row.from} -> ${row.to}`, `${quote(row.from)},${quote(row.to)}`);
    }
  }

  private add(kind: CsvGroup['kind'], labelOrType: string, props: Record<string, unknown>, what: () => string, fixed: string, idColumn = 'id:ID'): void {
    const names = Object.keys(props).sort();
    let key = `${kind}|${labelOrType}|${idColumn}|`;
    let multiline = false;
    const types: ColumnType[] = [];
    for (const name of names) {
      const value = props[name];
      const type = columnType(value, () => `${what()}, property ${name}`);
      types.push(type);
      key += `${name}:${type},`;
      if (!multiline && spansLines(value)) multiline = true;
    }
    key += multiline ? 'm' : 's';
    const open = this.groups.get(key) ?? this.open(key, kind, labelOrType, multiline, names, types, idColumn);
    let line = fixed;
    for (const c of open.columns) line += `,${cell(props[c.name], c.type, () => `${what()}, property ${c.name}`)}`;
    line += '\n';
    open.group.rows++;
    open.pending.push(line);
    open.pendingChars += line.length;
    if (open.pendingChars >= FLUSH_CHARS) flush(open);
  }

  private open(key: string, kind: CsvGroup['kind'], labelOrType: string, multiline: boolean, names: string[], types: ColumnType[], idColumn: string): OpenGroup {
    const n = this.groups.size;
    const base = path.join(this.dir, `${kind}-${String(n).padStart(3, '0')}-${labelOrType.replace(/\W/g, '_')}`);
    const group: CsvGroup = { kind, labelOrType, signature: key, header: `${base}.header.csv`, data: [`${base}.csv`], rows: 0, multiline };
    const columns = names.map((name, i) => ({ name, type: types[i]! }));
    const fixed = kind === 'nodes' ? [idColumn] : [':START_ID', ':END_ID'];
    fs.writeFileSync(group.header, `${[...fixed, ...columns.map((c) => `${c.name}:${c.type}`)].join(',')}\n`);
    const open: OpenGroup = { group, columns, fd: fs.openSync(group.data[0]!, 'w'), pending: [], pendingChars: 0 };
    this.groups.set(key, open);
    return open;
  }

  /** Flushes and closes every file; returns the groups in the order they were opened. */
  close(): CsvGroup[] {
    for (const g of this.groups.values()) {
      flush(g);
      fs.closeSync(g.fd);
    }
    return [...this.groups.values()].map((g) => g.group);
  }
}

function flush(open: OpenGroup): void {
  if (open.pending.length === 0) return;
  fs.writeSync(open.fd, open.pending.join(''));
  open.pending = [];
  open.pendingChars = 0;
}

/**
 * Merges the groups of several writers (one per worker): groups with the same signature
 * have the same header, so the importer reads them as one header with several data files.
 */
export function mergeCsvGroups(parts: CsvGroup[][]): CsvGroup[] {
  const merged = new Map<string, CsvGroup>();
  for (const part of parts) {
    for (const g of part) {
      const seen = merged.get(g.signature);
      if (seen === undefined) merged.set(g.signature, { ...g, data: [...g.data] });
      else {
        seen.data.push(...g.data);
        seen.rows += g.rows;
      }
    }
  }
  return [...merged.values()];
}
