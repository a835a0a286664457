// DESIGN.md's `Signature` (1.1), apart from its zod schema (schemas.ts) so screens that draw one
// do not load zod before the first write.

/** SVG text of a drawn signature: at most 16 KB, counted in UTF-8 bytes. */
export const SIGNATURE_SVG_MAX_BYTES = 16 * 1024;

/** Who signed, when, and the drawn strokes as SVG; a person who cannot sign fingerprints the paper (no SVG). */
export interface Signature {
  kind: 'signature' | 'fingerprint';
  svg?: string;
  signedAt: string;
  signerName: string;
}
