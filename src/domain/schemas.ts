import { z } from './zod';
import { PHONE_NUMBER } from './validation';
import { SIGNATURE_SVG_MAX_BYTES } from './signature';

// The zod building blocks every capability's op and config schemas share, written once. This
// module loads with zod (first write or config check), never on a first screen.

export const isoDateTime = z.iso.datetime({ offset: true });
export const text = (max: number) => z.string().check(z.maxLength(max));
/** Required text: trimmed, then not empty. */
export const filled = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const id = filled(100);
/**
 * Ids that end up as keys of op data (survey criteria and questions, checklist items): short slugs
 * only, so "__proto__" never passes, and none of the names plain objects inherit ("constructor";
 * "hasownproperty" is not one, "valueOf" has a capital).
 */
export const slug = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  z.refine((k) => !(k in Object.prototype), 'reserved key'),
);
/** A map with at most `max` entries: a key count is a size too. */
export const cappedRecord = <V extends z.ZodType>(value: V, max: number) =>
  z.record(slug, value).check(z.refine((r) => Object.keys(r).length <= max, `at most ${max} entries`));
export const dateKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const atLeastOneChange = z.refine(
  (c: unknown) => Object.values(c as object).some((v) => v !== undefined),
  'at least one change',
);
export const idNumber = z.string().check(z.regex(/^\d{9,12}$/));
/** Normalised (digits only, leading 0): the one rule of validation.ts, mobiles and landlines. */
export const phone = z.string().check(z.regex(PHONE_NUMBER));
/** A commune code (up to 60) + date + sequence; trimmed, no line breaks. Dossiers carry it, surveys may name it. */
export const dossierCode = z.string().check(z.trim(), z.minLength(3), z.maxLength(100), z.regex(/^[^\n\r\t]+$/));
/** A text shown in both languages of the app (config written centrally). */
export const label = z.object({ vi: text(500), en: text(500) });

/**
 * DESIGN.md's `Signature` (1.1, the type and size in signature.ts): who signed, when, and the drawn strokes as SVG; a person who
 * cannot sign fingerprints the paper, and then there is no SVG.
 */
export const zSignature = z
  .object({
    kind: z.enum(['signature', 'fingerprint']),
    svg: z.optional(z.string().check(z.refine((s) => new TextEncoder().encode(s).length <= SIGNATURE_SVG_MAX_BYTES, 'at most 16 KB'))),
    signedAt: isoDateTime,
    signerName: filled(200),
  })
  .check(z.refine((s) => (s.kind === 'signature') === Boolean(s.svg), 'a signature carries its SVG, a fingerprint none'));
