import { z } from './zod';
import { HLC_FORM_MESSAGE, HLC_PATTERN } from './protocol';

export const OP_TYPES = [
  'dossier.received',
  'dossier.transitioned',
  'dossier.updated',
  'survey.submitted',
  'checklist.recorded',
  'letter.issued',
  'letter.delivered',
  'home.client-registered',
  'home.client-updated',
  'home.visit-planned',
  'home.visit-completed',
] as const;
export type OpType = (typeof OP_TYPES)[number];

export const DOSSIER_ACTIONS = [
  'start-processing',
  'request-supplement',
  'receive-supplement',
  'mark-result-ready',
  'return-result',
  'refuse',
  'withdraw',
  'stop',
  'apologize-extend',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const RATINGS = ['very-satisfied', 'satisfied', 'normal', 'not-satisfied'] as const;
export type Rating = (typeof RATINGS)[number];

const isoDateTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.maxLength(max));
/** Required text: trimmed, then not empty. */
const filled = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const id = filled(100);
/**
 * Keys of maps sent by tablets: short slugs only, so "__proto__" never passes, and none of the
 * names plain objects inherit ("constructor", "hasownproperty" is not one, "valueOf" has a capital).
 */
const slugKey = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  z.refine((k) => !(k in Object.prototype), 'reserved key'),
);
/** A map with at most `max` entries: a key count is a size too. */
const cappedRecord = <V extends z.ZodType>(value: V, max: number) =>
  z.record(slugKey, value).check(z.refine((r) => Object.keys(r).length <= max, `at most ${max} entries`));
const documents = z.array(filled(300)).check(z.maxLength(50));
const dateKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const atLeastOneChange = z.refine((c: unknown) => Object.values(c as object).some((v) => v !== undefined), 'at least one change');

/** A commune code (up to 60) + date + sequence; trimmed, no line breaks. */
const dossierCode = z.string().check(z.trim(), z.minLength(3), z.maxLength(100), z.regex(/^[^\n\r\t]+$/));
const idNumber = z.string().check(z.regex(/^\d{9,12}$/));
const phone = z.string().check(z.regex(/^0\d{9}$/));
const applicant = z.object({
  name: filled(200),
  idNumber: z.optional(idNumber),
  phone: z.optional(phone),
  address: z.optional(text(500)),
});

export const zDossierReceived = z.object({
  code: dossierCode,
  procedureId: id,
  applicant,
  channel: z.enum(['counter', 'home', 'online']),
  receivedAt: isoDateTime,
  dueAt: isoDateTime,
  documents,
  writtenByStaff: z.boolean(),
  staffId: id,
});

const NEEDS_REASON: readonly DossierAction[] = ['refuse', 'withdraw', 'stop', 'apologize-extend'];

export const zDossierTransitioned = z
  .object({
    action: z.enum(DOSSIER_ACTIONS),
    staffId: id,
    reason: z.optional(filled(2000)),
    missingDocuments: z.optional(documents),
    newDueAt: z.optional(isoDateTime),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.action === 'request-supplement' && !d.missingDocuments?.length)
        ctx.addIssue({ code: 'custom', path: ['missingDocuments'], message: 'a supplement request lists the missing documents' });
      if (NEEDS_REASON.includes(d.action) && !d.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: `${d.action} needs a reason` });
      if (d.action === 'apologize-extend' && !d.newDueAt)
        ctx.addIssue({ code: 'custom', path: ['newDueAt'], message: 'an extension sets the new due date' });
    }),
  );

export const zDossierUpdated = z.object({
  staffId: id,
  changes: z
    .object({
      'applicant.name': z.optional(filled(200)),
      'applicant.idNumber': z.optional(idNumber),
      'applicant.phone': z.optional(phone),
      'applicant.address': z.optional(text(500)),
      documents: z.optional(documents),
    })
    .check(atLeastOneChange),
});

const rating = z.enum(RATINGS);
export const zSurveySubmitted = z.object({
  rating,
  criteria: z.optional(cappedRecord(rating, 20)),
  answers: z.optional(cappedRecord(z.boolean(), 20)),
  comment: z.optional(text(1000)),
  dossierCode: z.optional(dossierCode),
  surveyVersion: z.optional(z.int().check(z.nonnegative())),
  flags: z.optional(z.array(slugKey).check(z.maxLength(10))),
});

export const zChecklistRecorded = z.object({
  templateId: id,
  templateVersion: z.int().check(z.nonnegative()),
  staffId: id,
  date: dateKey,
  items: cappedRecord(z.boolean(), 100),
  note: z.optional(text(1000)),
});

export const zLetterIssued = z.object({
  kind: z.enum(['apology', 'thanks', 'congratulation', 'condolence']),
  templateId: id,
  dossierId: z.optional(z.uuid()),
  recipientName: filled(200),
  body: text(10_000),
  staffId: id,
});

export const zLetterDelivered = z.object({ letterId: z.uuid(), staffId: id, deliveredAt: isoDateTime });

const homeClientFields = {
  name: filled(200),
  address: filled(500),
  phone: z.optional(phone),
  idNumber: z.optional(idNumber),
  reason: z.enum(['elderly', 'sick', 'disabled', 'other']),
  note: z.optional(text(1000)),
};
export const zHomeClientRegistered = z.object(homeClientFields);
export const zHomeClientUpdated = z.object({
  changes: z.object(homeClientFields).partial().check(atLeastOneChange),
});
export const zHomeVisitPlanned = z.object({
  clientId: z.uuid(),
  date: dateKey,
  procedureId: z.optional(id),
  staffId: id,
});
export const zHomeVisitCompleted = z.object({
  visitId: z.uuid(),
  dossierId: z.optional(z.uuid()),
  outcome: filled(1000),
  staffId: id,
});

export const opDataSchemas: Record<OpType, z.ZodType> = {
  'dossier.received': zDossierReceived,
  'dossier.transitioned': zDossierTransitioned,
  'dossier.updated': zDossierUpdated,
  'survey.submitted': zSurveySubmitted,
  'checklist.recorded': zChecklistRecorded,
  'letter.issued': zLetterIssued,
  'letter.delivered': zLetterDelivered,
  'home.client-registered': zHomeClientRegistered,
  'home.client-updated': zHomeClientUpdated,
  'home.visit-planned': zHomeVisitPlanned,
  'home.visit-completed': zHomeVisitCompleted,
};

export const zOp = z.object({
  opId: z.uuid(),
  deviceSeq: z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
  type: z.string().check(z.minLength(1), z.maxLength(64)),
  entityId: z.uuid(),
  at: isoDateTime,
  hlc: z.string(HLC_FORM_MESSAGE).check(z.regex(HLC_PATTERN, HLC_FORM_MESSAGE)),
  // Only "an object" here: the type's own schema checks every field next.
  data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object is required'),
});

export interface Op {
  opId: string;
  deviceSeq: number;
  type: string;
  entityId: string;
  at: string;
  hlc: string;
  data: Record<string, unknown>;
}

export type DossierReceivedData = z.infer<typeof zDossierReceived>;
export type DossierTransitionedData = z.infer<typeof zDossierTransitioned>;
export type DossierUpdatedData = z.infer<typeof zDossierUpdated>;
export type SurveySubmittedData = z.infer<typeof zSurveySubmitted>;

export type OpCheck =
  | { ok: true; op: Op }
  | { ok: false; code: 'invalid-op' | 'unknown-op-type'; message: string };

function describe(error: z.core.$ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${path || 'op'}: ${issue.message}`;
}

const BROKEN_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text any database stores as it is: no NUL, no unpaired surrogate, in any string or key inside. */
export function isCleanText(value: unknown): boolean {
  if (typeof value === 'string') return !BROKEN_TEXT.test(value);
  if (Array.isArray(value)) return value.every(isCleanText);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => isCleanText(k) && isCleanText(v));
  return true;
}

/** The one check every op passes, on the tablet before it is stored and on the server before it is applied. */
export function validateOp(raw: unknown): OpCheck {
  const envelope = zOp.safeParse(raw);
  if (!envelope.success) return { ok: false, code: 'invalid-op', message: describe(envelope.error, '') };
  const schema = opDataSchemas[envelope.data.type as OpType];
  if (!schema || !Object.hasOwn(opDataSchemas, envelope.data.type))
    return { ok: false, code: 'unknown-op-type', message: `type: unknown op type "${envelope.data.type.slice(0, 64)}"` };
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, code: 'invalid-op', message: describe(data.error, 'data') };
  // NUL and lone surrogates are not text: databases refuse them, so say so here.
  if (!isCleanText(data.data)) return { ok: false, code: 'invalid-op', message: 'data: text contains NUL or broken Unicode' };
  // Both parses made fresh objects: the envelope's own can take the checked data.
  const op: Op = envelope.data;
  op.data = data.data as Record<string, unknown>;
  return { ok: true, op };
}
