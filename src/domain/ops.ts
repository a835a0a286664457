import { z } from 'zod';
import { HLC_REGEX } from './hlc';

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
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
const reason = text(2000).trim().min(1);
/** Keys of maps sent by tablets: short slugs only, so "__proto__" and friends never pass. */
const slugKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const documents = z.array(text(300)).max(50);

const applicant = z.object({
  name: text(200).trim().min(1),
  idNumber: z.string().regex(/^\d{9,12}$/).optional(),
  phone: z.string().regex(/^0\d{9}$/).optional(),
  address: text(500).optional(),
});

export const zDossierReceived = z.object({
  code: z.string().min(3).max(60),
  procedureId: id,
  applicant,
  channel: z.enum(['counter', 'home', 'online']),
  receivedAt: isoDateTime,
  dueAt: isoDateTime,
  documents,
  writtenByStaff: z.boolean(),
  staffId: id,
});

export const zDossierTransitioned = z
  .object({
    action: z.enum(DOSSIER_ACTIONS),
    staffId: id,
    reason: reason.optional(),
    missingDocuments: documents.optional(),
    newDueAt: isoDateTime.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.action === 'request-supplement' && !d.missingDocuments?.length)
      ctx.addIssue({ code: 'custom', path: ['missingDocuments'], message: 'a supplement request lists the missing documents' });
    if (['refuse', 'withdraw', 'stop', 'apologize-extend'].includes(d.action) && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `${d.action} needs a reason` });
    if (d.action === 'apologize-extend' && !d.newDueAt)
      ctx.addIssue({ code: 'custom', path: ['newDueAt'], message: 'an extension sets the new due date' });
  });

export const zDossierUpdated = z.object({
  staffId: id,
  changes: z
    .object({
      'applicant.name': applicant.shape.name,
      'applicant.idNumber': applicant.shape.idNumber,
      'applicant.phone': applicant.shape.phone,
      'applicant.address': applicant.shape.address,
      documents: documents.optional(),
    })
    .partial()
    .refine((c) => Object.values(c).some((v) => v !== undefined), 'at least one change'),
});

export const zSurveySubmitted = z.object({
  rating: z.enum(RATINGS),
  criteria: z.record(slugKey, z.enum(RATINGS)).optional(),
  answers: z.record(slugKey, z.boolean()).optional(),
  comment: text(1000).optional(),
  dossierCode: z.string().min(3).max(60).optional(),
  surveyVersion: z.number().int().nonnegative().optional(),
  flags: z.array(slugKey).max(10).optional(),
});

export const zChecklistRecorded = z.object({
  templateId: id,
  templateVersion: z.number().int().nonnegative(),
  staffId: id,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  items: z.record(slugKey, z.boolean()),
  note: text(1000).optional(),
});

export const zLetterIssued = z.object({
  kind: z.enum(['apology', 'thanks', 'congratulation', 'condolence']),
  templateId: id,
  dossierId: z.uuid().optional(),
  recipientName: text(200).trim().min(1),
  body: text(10_000),
  staffId: id,
});

export const zLetterDelivered = z.object({ letterId: z.uuid(), staffId: id, deliveredAt: isoDateTime });

const homeClient = z.object({
  name: text(200).trim().min(1),
  address: text(500).trim().min(1),
  phone: applicant.shape.phone,
  idNumber: applicant.shape.idNumber,
  reason: z.enum(['elderly', 'sick', 'disabled', 'other']),
  note: text(1000).optional(),
});
export const zHomeClientRegistered = homeClient;
export const zHomeClientUpdated = z.object({
  changes: homeClient.partial().refine((c) => Object.values(c).some((v) => v !== undefined), 'at least one change'),
});
export const zHomeVisitPlanned = z.object({
  clientId: z.uuid(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  procedureId: id.optional(),
  staffId: id,
});
export const zHomeVisitCompleted = z.object({
  visitId: z.uuid(),
  dossierId: z.uuid().optional(),
  outcome: text(1000).trim().min(1),
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
  deviceSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  type: z.string().min(1).max(64),
  entityId: z.uuid(),
  at: isoDateTime,
  hlc: z.string().regex(HLC_REGEX),
  data: z.record(z.string(), z.unknown()),
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

function describe(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${path || 'op'}: ${issue.message}`;
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
  return { ok: true, op: { ...envelope.data, data: data.data as Record<string, unknown> } };
}
