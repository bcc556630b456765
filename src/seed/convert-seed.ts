/**
 * Converts a seed file of the old format (plain strings for names, titles, summaries
 * and descriptions; `nameId`, `titleId`, `summaryId`, `titleEnglish`) into localized
 * text (docs/decisions/0031). The file is edited in place as text at the positions the
 * YAML parser gives, so comments, key order, quoting and line folding stay as written;
 * only the converted values and the old fields change.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Pair, type YAMLMap } from 'yaml';
import { ENTITY_SECTIONS, localizedFieldsOf, type EntitySection } from '../model/entities.js';
import { fallbackOrder } from '../model/languages.js';
import { OLD_LOCALIZED_FIELDS, plainStringLanguage } from './old-format.js';

/** The outcome of converting one file's text. */
export interface ConvertedSeed {
  text: string;
  /** How many fields were rewritten. */
  changed: number;
  /** What could not be converted, as `line:col message`. */
  problems: string[];
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A scalar's text as written, usable as a value in a flow map `{ en: ... }`. */
function flowValue(source: string, scalar: Scalar): string {
  const plain = scalar.type === Scalar.PLAIN;
  return plain && /[,[\]{}#]|: /.test(source) ? JSON.stringify(String(scalar.value)) : source;
}

/** The pairs of an entity map whose keys are plain strings, by key. */
function pairsOf(map: YAMLMap): Map<string, Pair> {
  const out = new Map<string, Pair>();
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && typeof item.key.value === 'string') out.set(item.key.value, item);
  return out;
}

/** The edits that convert one entity map. */
function convertEntity(text: string, section: EntitySection, map: YAMLMap, record: Record<string, unknown>, lines: LineCounter, problems: string[]): Edit[] {
  const edits: Edit[] = [];
  const pairs = pairsOf(map);
  const original = section === 'sources' && typeof record.language === 'string' ? record.language : undefined;
  for (const field of localizedFieldsOf(section)) {
    const old = Object.entries(OLD_LOCALIZED_FIELDS).filter(([key, [f]]) => f === field && pairs.has(key));
    const pair = pairs.get(field);
    const texts: Array<{ tag: string; source: string; scalar: Scalar }> = [];
    if (pair && isScalar(pair.value) && typeof pair.value.value === 'string') {
      const { range } = pair.value;
      texts.push({ tag: plainStringLanguage(section, record), source: text.slice(range![0], range![1]).trimEnd(), scalar: pair.value });
    } else if (pair && old.length > 0) {
      const pos = lines.linePos((pair.key as Scalar).range![0]);
      problems.push(`${pos.line}:${pos.col} ${field} is already localized but ${old.map(([k]) => k).join(', ')} is still there: move it into ${field} by hand`);
      continue;
    }
    for (const [key, [, tag]] of old) {
      const value = pairs.get(key)!.value;
      if (!isScalar(value)) continue;
      texts.push({ tag, source: text.slice(value.range![0], value.range![1]).trimEnd(), scalar: value });
    }
    if (texts.length === 0) continue;
    if (!pair) {
      const pos = lines.linePos((pairs.get(old[0]![0])!.key as Scalar).range![0]);
      problems.push(`${pos.line}:${pos.col} ${old[0]![0]} without ${field}: add ${field} by hand`);
      continue;
    }
    const seen = new Set<string>();
    const ordered = fallbackOrder(texts.map((t) => t.tag), null, original).map((tag) => texts.find((t) => t.tag === tag)!);
    for (const t of texts) if (seen.has(t.tag)) problems.push(`${field}: two texts in "${t.tag}"`);
    else seen.add(t.tag);
    const key = pair.key as Scalar;
    const multiline = ordered.some((t) => t.source.includes('\n'));
    let replacement: string;
    if (!multiline || map.flow) {
      replacement = `: { ${ordered.map((t) => `${t.tag}: ${t.source.includes('\n') ? JSON.stringify(String(t.scalar.value)) : flowValue(t.source, t.scalar)}`).join(', ')} }`;
    } else {
      // A block value: each language on its own line, two spaces deeper than the key, block scalars re-indented with it.
      const indent = ' '.repeat(lines.linePos(key.range![0]).col - 1 + 2);
      replacement = `:${ordered.map((t) => `\n${indent}${t.tag}: ${t.source.trimEnd().replaceAll('\n', '\n  ')}`).join('')}`;
    }
    // A block scalar's range takes its final line break: keep it.
    const value = pair.value as Scalar;
    const end = value.range![0] + text.slice(value.range![0], value.range![1]).trimEnd().length;
    edits.push({ start: key.range![1], end, replacement });
    for (const [oldKey] of old) edits.push(removal(text, map, pairs.get(oldKey)!));
  }
  return edits;
}

/** The edit that removes a pair: its whole lines in a block map, the pair and one comma in a flow map. */
function removal(text: string, map: YAMLMap, pair: Pair): Edit {
  const start = (pair.key as Scalar).range![0];
  const end = (pair.value as Scalar).range![2];
  if (map.flow) {
    const index = map.items.indexOf(pair);
    const next = map.items[index + 1];
    if (next) return { start, end: (next.key as Scalar).range![0], replacement: '' };
    const previous = map.items[index - 1]!;
    return { start: (previous.value as Scalar).range![1], end: (pair.value as Scalar).range![1], replacement: '' };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(end - 1, start));
  return { start: lineStart, end: newline < 0 ? text.length : newline + 1, replacement: '' };
}

/** Converts one seed file's text (see the module comment); text already in the new format comes back unchanged. */
export function convertSeedText(text: string): ConvertedSeed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  const problems: string[] = doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`);
  if (problems.length > 0 || !isMap(doc.contents)) return { text, changed: 0, problems: problems.length > 0 ? problems : ['not a seed file (no mapping at the top)'] };
  const edits: Edit[] = [];
  const top = pairsOf(doc.contents);
  const entity = (section: EntitySection, node: unknown): void => {
    if (isMap(node)) edits.push(...convertEntity(text, section, node, node.toJSON() as Record<string, unknown>, lines, problems));
  };
  entity('sources', top.get('source')?.value);
  for (const section of ENTITY_SECTIONS) {
    const list = top.get(section)?.value;
    if (isSeq(list)) for (const item of list.items) entity(section, item);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return { text: out, changed: edits.filter((e) => e.replacement !== '').length, problems };
}
