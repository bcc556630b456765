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
  /** Columns after the row's own, set when held rows are released (BulkCsvWriter.holdNodes). */
  trailing?: number;
}

/** A value the CSV cannot carry as the transactional path would store it. */
export class BulkCsvError extends Error {
  override name = 'BulkCsvError';
}

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'string[]' | 'date[]';

type Neo4jInteger = InstanceType<typeof neo4j.Integer>;
type Neo4jDate = InstanceType<typeof neo4j.types.Date>;

/** A value's column type, or undefined when the CSV cannot carry it (columnType says why). */
function typeOf(value: unknown): ColumnType | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'double';
    case 'object':
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        if (value.length === 0) return undefined;
        if (typeof value[0] === 'string') return value.every((v) => typeof v === 'string') ? 'string[]' : undefined;
        return value.every((v) => neo4j.isDate(v as never)) ? 'date[]' : undefined;
      }
      if (neo4j.isInt(value)) return 'long';
      if (neo4j.isDate(value as never)) return 'date';
  }
  return undefined;
}

/** A value's column type, or the error that says why the CSV cannot carry it. */
function columnType(value: unknown, where: () => string): ColumnType {
  const type = typeOf(value);
  if (type !== undefined) return type;
  // An empty list has no CSV form the importer reads back as an empty list.
  if (Array.isArray(value) && value.length === 0) throw new BulkCsvError(`${where()}: an empty list cannot be bulk-imported; leave the field out`);
  throw new BulkCsvError(`${where()}: a value of this kind cannot be bulk-imported (${JSON.stringify(value)})`);
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** Characters that make a string cell more than `"text"`: a quote to double, a line break to flag. */
const SPECIAL = /["\r\n]/;
const LINE_BREAK = /[\r\n]/;

/** A date as the importer reads it (YYYY-MM-DD), formatted directly for the years seed files hold. */
function dateText(value: unknown): string {
  const { year, month, day } = value as Neo4jDate;
  if (typeof year === 'number' && typeof month === 'number' && typeof day === 'number' && year >= 1000 && year <= 9999) {
    return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  }
  return String(value);
}

/** A driver Integer in decimal: its low word when it holds the whole value (the driver's toString divides). */
function longText(value: unknown): string {
  const { low, high } = value as Neo4jInteger;
  if ((high === 0 && low >= 0) || (high === -1 && low < 0)) return String(low);
  return String(value);
}

/** One row's cells as they are built: the line so far, and whether a value spans lines. */
interface RowText {
  line: string;
  multiline: boolean;
}

/** Appends one cell (with its leading comma) to the row. */
function appendCell(row: RowText, value: unknown, type: ColumnType, where: () => string): void {
  switch (type) {
    case 'string': {
      const s = value as string;
      if (SPECIAL.test(s)) {
        if (LINE_BREAK.test(s)) row.multiline = true;
        row.line += `,${quote(s)}`;
      } else row.line += `,"${s}"`;
      return;
    }
    case 'string[]': {
      const items = value as string[];
      for (const item of items) {
        if (item.includes(ARRAY_DELIMITER)) throw new BulkCsvError(`${where()}: a list item holds the control character U+001F`);
      }
      const joined = items.join(ARRAY_DELIMITER);
      if (SPECIAL.test(joined)) {
        if (LINE_BREAK.test(joined)) row.multiline = true;
        row.line += `,${quote(joined)}`;
      } else row.line += `,"${joined}"`;
      return;
    }
    case 'date':
      row.line += `,${dateText(value)}`;
      return;
    case 'date[]':
      row.line += `,${(value as unknown[]).map(dateText).join(ARRAY_DELIMITER)}`;
      return;
    case 'long':
      row.line += `,${longText(value)}`;
      return;
    case 'double':
      // Shortest round-trip form: Java's Double.parseDouble reads back the same double.
      row.line += `,${String(value)}`;
      return;
    case 'boolean':
      row.line += value ? ',true' : ',false';
      return;
  }
}

interface OpenGroup {
  group: CsvGroup;
  fd: number;
  /** Text not yet written: flushed in chunks of about FLUSH_CHARS, one write each. */
  pending: string;
  /** Rows held until their trailing columns are known (holdNodes): ids and lines without them. */
  heldIds: string[];
  heldLines: string[];
}

/**
 * Property names (in the row's own order) and their types, as last seen for a label or
 * type: rows of the same shape skip building and sorting a signature. `order` lists the
 * names' indexes in column (sorted) order; the groups are those of the shape's signature.
 */
interface Shape {
  names: string[];
  types: ColumnType[];
  order: number[];
  signature: string;
  columns: string[];
  single?: OpenGroup;
  multi?: OpenGroup;
}

/**
 * Buffered characters per group before a write: few system calls, and short enough that
 * the text dies young (a few dozen groups; 1 MB each kept megabytes of strings alive
 * across collections).
 */
const FLUSH_CHARS = 64 << 10;

/**
 * Streams rows into CSV groups under `dir`; close() flushes and returns the groups.
 * Writes are synchronous and buffered: the writer runs in a worker thread of its own
 * (bulk-csv-workers.ts), where blocking on the disk stalls no one else. Each row is
 * formatted straight into its line: no intermediate object per row or cell.
 */
export class BulkCsvWriter {
  private readonly groups = new Map<string, OpenGroup>();
  /** Shapes seen, by table (plain nodes, held nodes, positions, relationships) and label or type: no key built per row. */
  private readonly shapes = { nodes: new Map<string, Shape[]>(), held: new Map<string, Shape[]>(), positions: new Map<string, Shape[]>(), relationships: new Map<string, Shape[]>() };
  /** Types of the row being added (reused: no array per row). */
  private readonly types: ColumnType[] = [];
  private readonly row: RowText = { line: '', multiline: false };

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Adds nodes: `id:ID` (which the importer stores as the `id` property), their other properties, labels Entity and the row's label. */
  addNodes(rows: NodeRow[]): void {
    for (const row of rows) {
      this.add(this.shapes.nodes, row.label, 'nodes', ENTITY, 'id:ID', NO_TRAILING, row.props, 'id', () => `${row.label} ${row.id}`, quote(row.id));
    }
  }

  /**
   * Formats nodes as addNodes does, with `trailing` string columns after their own
   * (a value of null leaves the property out), and holds them until releaseHeld gives
   * those values: the stances wait for their attestation (bulk-derived.ts) as lines,
   * not as rows.
   */
  holdNodes(rows: NodeRow[], trailing: readonly string[]): void {
    for (const row of rows) {
      for (const name of trailing) {
        if (name in row.props) throw new BulkCsvError(`${row.label} ${row.id}: property ${name} is set after planning and must not be planned`);
      }
      const open = this.add(this.shapes.held, row.label, 'nodes', ENTITY, 'id:ID', trailing, row.props, 'id', () => `${row.label} ${row.id}`, quote(row.id), true);
      open.heldIds.push(row.id);
    }
  }

  /** Writes the held rows with their trailing values (undefined: every one null). */
  releaseHeld(valuesOf: (id: string) => ReadonlyArray<string | null> | undefined): void {
    for (const open of this.groups.values()) {
      for (let i = 0; i < open.heldIds.length; i++) {
        let line = open.heldLines[i]!;
        const values = valuesOf(open.heldIds[i]!);
        const trailing = open.group.trailing!;
        for (let c = 0; c < trailing; c++) {
          const v = values?.[c] ?? null;
          line += v === null ? ',' : `,${quote(v)}`;
        }
        this.push(open, `${line}\n`);
      }
      open.heldIds = [];
      open.heldLines = [];
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
      this.add(this.shapes.positions, 'TopicPosition', 'nodes', '', 'key:ID(TopicPosition)', NO_TRAILING, row, 'key', () => `TopicPosition ${String(row.key)}`, quote(row.key as string));
    }
  }

  /** Adds relationships between node ids: `:START_ID`, `:END_ID` and their properties. */
  addRelationships(rows: RelRow[]): void {
    for (const row of rows) {
      this.add(this.shapes.relationships, row.type, 'relationships', '', '', NO_TRAILING, row.props, undefined, () => `${row.type} ${row.from} -> ${row.to}`, `${quote(row.from)},${quote(row.to)}`);
    }
  }

  /**
   * Formats one row into its group: `props` without the `skip` property (the id column
   * carries it), the columns in name order, then the trailing ones (held rows only).
   */
  private add(
    table: Map<string, Shape[]>, name: string, kind: CsvGroup['kind'], labelPrefix: string, idColumn: string, trailing: readonly string[],
    props: Record<string, unknown>, skip: string | undefined, what: () => string, fixed: string, hold = false,
  ): OpenGroup {
    const names = Object.keys(props);
    const types = this.types;
    types.length = 0;
    for (const name of names) types.push(name === skip ? 'string' : typeOf(props[name]) ?? columnType(props[name], () => `${what()}, property ${name}`));
    let known = table.get(name);
    if (known === undefined) table.set(name, (known = []));
    const shape = findShape(known, names, types) ?? newShape(known, `${kind}|${labelPrefix}${name}|${idColumn}|`, trailing, names, types, skip);
    const row = this.row;
    row.line = fixed;
    row.multiline = false;
    for (const i of shape.order) appendCell(row, props[shape.names[i]!], shape.types[i]!, () => `${what()}, property ${shape.names[i]}`);
    const open = row.multiline
      ? (shape.multi ??= this.open(`${shape.signature}m`, kind, `${labelPrefix}${name}`, idColumn, shape.columns, trailing, true))
      : (shape.single ??= this.open(`${shape.signature}s`, kind, `${labelPrefix}${name}`, idColumn, shape.columns, trailing, false));
    open.group.rows++;
    if (hold) open.heldLines.push(row.line);
    else this.push(open, `${row.line}\n`);
    return open;
  }

  private open(key: string, kind: CsvGroup['kind'], labelOrType: string, idColumn: string, columns: string[], trailing: readonly string[], multiline: boolean): OpenGroup {
    const existing = this.groups.get(key);
    if (existing) return existing;
    const n = this.groups.size;
    const base = path.join(this.dir, `${kind}-${String(n).padStart(3, '0')}-${labelOrType.replace(/\W/g, '_')}`);
    const group: CsvGroup = { kind, labelOrType, signature: key, header: `${base}.header.csv`, data: [`${base}.csv`], rows: 0, multiline, ...(trailing.length > 0 ? { trailing: trailing.length } : {}) };
    const fixed = kind === 'nodes' ? [idColumn] : [':START_ID', ':END_ID'];
    fs.writeFileSync(group.header, `${[...fixed, ...columns, ...trailing.map((t) => `${t}:string`)].join(',')}\n`);
    const open: OpenGroup = { group, fd: fs.openSync(group.data[0]!, 'w'), pending: '', heldIds: [], heldLines: [] };
    this.groups.set(key, open);
    return open;
  }

  private push(open: OpenGroup, text: string): void {
    open.pending += text;
    if (open.pending.length >= FLUSH_CHARS) flush(open);
  }

  /**
   * Flushes and closes every file; returns the groups in the order they were opened.
   * Rows still held are not written (a failed load), and the importer refuses what refers to them.
   */
  close(): CsvGroup[] {
    for (const g of this.groups.values()) {
      flush(g);
      fs.closeSync(g.fd);
    }
    return [...this.groups.values()].map((g) => g.group);
  }
}

const NO_TRAILING: readonly string[] = [];
/** The label every planned node has besides its own. */
const ENTITY = 'Entity:';

/** The known shape with exactly these names (in this order) and types, if any. */
function findShape(known: Shape[], names: string[], types: ColumnType[]): Shape | undefined {
  for (const shape of known) {
    if (shape.names.length !== names.length) continue;
    let same = true;
    for (let i = 0; same && i < names.length; i++) same = shape.names[i] === names[i] && shape.types[i] === types[i];
    if (same) return shape;
  }
  return undefined;
}

/**
 * A new shape for these names and types, with its signature: another order of the same
 * names gets the same signature, so it shares the first one's groups.
 */
function newShape(known: Shape[], prefix: string, trailing: readonly string[], names: string[], types: ColumnType[], skip: string | undefined): Shape {
  const order = names.map((_, i) => i).filter((i) => names[i] !== skip).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const columns = order.map((i) => `${names[i]}:${types[i]}`);
  const signature = `${prefix}${columns.join(',')}${trailing.length > 0 ? `|+${trailing.join(',')}` : ''},`;
  const shape: Shape = { names: [...names], types: [...types], order, signature, columns };
  known.push(shape);
  return shape;
}

function flush(open: OpenGroup): void {
  if (open.pending.length === 0) return;
  fs.writeSync(open.fd, open.pending);
  open.pending = '';
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
