/**
 * What a seed file's claims may leave out (issue 16, docs/decisions/0043): the source
 * (the file's own), the id (derived from source, fact, group and value), and the
 * participant form `value: { actor, role }` (read as `value` and `role`). Applied to
 * the parsed data before validation, so that every check and the export see one form.
 */
import { createHash } from 'node:crypto';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Lower-case words joined by hyphens, as ids are written. */
function slug(s: string, max: number): string {
  const out = s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out.slice(0, max).replace(/-+$/g, '');
}

/** The id a claim without one gets: readable (fact and group) and unique (a hash of source, fact, group, value and role). */
export function derivedClaimId(claim: { source: string; of: string; group: string; value: unknown; role?: unknown }): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([claim.source, claim.of, claim.group, claim.value, claim.role ?? null]))
    .digest('hex')
    .slice(0, 8);
  return ['claim', slug(claim.of, 80), slug(claim.group, 20), hash].filter((p) => p !== '').join('-');
}

/** Fills in each claim's source, participant value and id where the file leaves them out (in place). */
export function fillClaimDefaults(data: unknown): void {
  if (!isRecord(data) || !Array.isArray(data.claims)) return;
  const fileSource = isRecord(data.source) && typeof data.source.id === 'string' ? data.source.id : undefined;
  for (const claim of data.claims) {
    if (!isRecord(claim)) continue;
    if (claim.source === undefined && fileSource !== undefined) claim.source = fileSource;
    if (isRecord(claim.value) && typeof claim.value.actor === 'string' && Object.keys(claim.value).every((k) => k === 'actor' || k === 'role')) {
      const { actor, role } = claim.value;
      claim.value = actor;
      if (role !== undefined) claim.role = role;
    }
    if (claim.id === undefined && typeof claim.source === 'string' && typeof claim.of === 'string' && typeof claim.group === 'string' && claim.value !== undefined)
      claim.id = derivedClaimId({ source: claim.source, of: claim.of, group: claim.group, value: claim.value, role: claim.role });
  }
}
