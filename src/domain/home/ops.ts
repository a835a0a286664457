import { z } from '../zod';
import { dateKey, filled, id, idNumber, isoDateTime, phone, text } from '../schemas';
import { CLEARABLE_HOME_FIELDS, HOME_REASONS, VISIT_OUTCOMES, VISIT_PURPOSES } from './kinds';

// DESIGN.md 1.1 `home.*`. Fields the first (1.0) schemas lacked stay optional, so what a 1.0
// client sent still passes; `village`, `letterIds` and `signature` are this app's additions
// (README › Contract notes).
const homeClientFields = {
  name: filled(200),
  address: filled(500),
  /** The village or hamlet ("thôn", "xóm", "ấp", "bản"): the day's visits are ordered by it. */
  village: z.optional(text(200)),
  birthYear: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
  phone: z.optional(phone),
  idNumber: z.optional(idNumber),
  reason: z.enum(HOME_REASONS),
  /** A relative or neighbour to call: name and phone as one text. */
  contact: z.optional(text(300)),
  /** The person agreed to be kept on the list (Personal Data Protection Law 2025). */
  consent: z.optional(z.boolean()),
  note: z.optional(text(1000)),
};
export const zHomeClientRegistered = z.object(homeClientFields);
/**
 * `changes` sets fields; `clear` (this app's addition, README › Contract notes) removes them. Each
 * counts per field in the fold, last writer by HLC, so a phone cleared on one tablet and an address
 * changed on another both stay. A 1.0 op (changes only) reads as before; `changes` may be empty
 * when `clear` says what changed, and no field is both set and cleared.
 */
export const zHomeClientUpdated = z
  .object({
    changes: z.object(homeClientFields).partial(),
    clear: z.optional(z.array(z.enum(CLEARABLE_HOME_FIELDS)).check(z.minLength(1), z.maxLength(CLEARABLE_HOME_FIELDS.length))),
  })
  .check(
    z.refine((d) => Object.values(d.changes).some((v) => v !== undefined) || Boolean(d.clear?.length), { message: 'at least one change', path: ['changes'] }),
    z.refine((d) => !d.clear?.some((f) => d.changes[f] !== undefined), { message: 'a field is both changed and cleared', path: ['clear'] }),
  );
export const zHomeVisitPlanned = z.object({
  clientId: z.uuid(),
  date: dateKey,
  purpose: z.optional(z.enum(VISIT_PURPOSES)),
  procedureId: z.optional(id),
  dossierId: z.optional(z.uuid()),
  /** A letter to hand over at the home (letters of issue 14). */
  letterId: z.optional(z.uuid()),
  staffId: id,
});
export const zHomeVisitCompleted = z.object({
  visitId: z.uuid(),
  /** DESIGN 1.1 names four outcomes; a 1.0 client wrote free text, read as a visit done. */
  outcome: z.union([z.enum(VISIT_OUTCOMES), filled(1000)]),
  arrivedAt: z.optional(isoDateTime),
  leftAt: z.optional(isoDateTime),
  /** The dossiers received or returned at this home. `dossierId` is the 1.0 single form. */
  dossierIds: z.optional(z.array(z.uuid()).check(z.maxLength(50))),
  dossierId: z.optional(z.uuid()),
  /** Letters handed over on this visit, where no `letter.delivered` op records them. */
  letterIds: z.optional(z.array(z.uuid()).check(z.maxLength(20))),
  note: z.optional(text(1000)),
  staffId: id,
});

export type HomeClientData = z.infer<typeof zHomeClientRegistered>;
export type HomeVisitPlannedData = z.infer<typeof zHomeVisitPlanned>;
export type HomeVisitCompletedData = z.infer<typeof zHomeVisitCompleted>;
