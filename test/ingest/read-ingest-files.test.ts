/**
 * The bulk ingest's file reader refuses what the seed loader refuses, naming the file
 * and the place: a file that is not UTF-8 (with the byte offset) and broken YAML.
 * Needs no database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestValidationError } from '../../src/ingest/ingest-stream.js';
import { readIngestFiles } from '../../src/ingest/read-ingest-files.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ingest-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function firstError(file: string, content: Buffer | string): Promise<unknown> {
  const sub = fs.mkdtempSync(path.join(dir, 'case-'));
  fs.writeFileSync(path.join(sub, file), content);
  try {
    for await (const _ of readIngestFiles([sub])) {
      // read every file
    }
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('readIngestFiles', () => {
  it('refuses a file that is not UTF-8 with its line, column and byte offset', async () => {
    const err = await firstError('a.yaml', Buffer.concat([Buffer.from('source:\n  id: x\n  title: Caf'), Buffer.from([0xe9, 0x0a])]));
    expect(err).toBeInstanceOf(IngestValidationError);
    expect((err as Error).message).toMatch(/a\.yaml:3:13: not valid UTF-8: byte 0xE9 at byte offset 28; save the file as UTF-8$/);
  });

  it('refuses broken YAML with file:line:col', async () => {
    const err = await firstError('b.yaml', 'source:\n  id: x\n  title: [a\n');
    expect(err).toBeInstanceOf(IngestValidationError);
    expect((err as Error).message).toMatch(/b\.yaml:4:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a \]$/);
  });
});
