/**
 * What counts as text a reader can see: a name, an alias or a title made only of
 * whitespace, zero-width and control characters looks empty on every page and in every
 * list, and is refused like an empty one (seed files and writes share the rule through
 * src/seed/seed-schema.ts).
 */

// Whitespace (Unicode's, with U+FEFF), control (Cc) and format (Cf: zero-width space,
// joiners, U+2060 word joiner, bidi marks, soft hyphen) characters, and the blank
// letters used to fake names: Hangul fillers and the Braille blank.
const invisible = /[\s\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** `text` without the characters nobody can see. */
export function visiblePart(text: string): string {
  return text.replace(invisible, '');
}

/** Whether `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return visiblePart(text).length > 0;
}
