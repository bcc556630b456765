/**
 * Strict UTF-8 decoding of seed files: a file that is not valid UTF-8 is refused with
 * the offset of its first bad byte, instead of being read with U+FFFD in place of
 * whatever it held (which would then be stored as if it were the text).
 */

/** Where a file stops being valid UTF-8. */
export interface Utf8Fault {
  /** 0-based byte offset of the first byte that is not valid UTF-8. */
  offset: number;
  /** 1-based line and column (in characters) of that byte. */
  line: number;
  col: number;
  /** The byte there, as 0xNN. */
  byte: string;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The text of `bytes`, or where it is not valid UTF-8. A leading byte order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { fault: Utf8Fault } {
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    return { fault: utf8Fault(bytes) };
  }
}

/** The first invalid byte of `bytes` (which TextDecoder refused), with its line and column. */
function utf8Fault(bytes: Uint8Array): Utf8Fault {
  const offset = firstInvalidByte(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    // 0x0A never occurs inside a multi-byte sequence, so counting it is exact.
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = [...lenient.decode(bytes.subarray(lineStart, offset))].length + 1;
  return { offset, line, col, byte: `0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0').toUpperCase()}` };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // A truncated or broken sequence: the lead byte is where it went wrong.
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
