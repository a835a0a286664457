import { z } from './zod';
import { isoDateTime } from './schemas';
import { zDossierReceived, zDossierTransitioned, zDossierUpdated } from './dossiers/ops';
import { zSurveySubmitted } from './surveys/ops';
import { zChecklistRecorded } from './checklists/ops';
import { zLetterDelivered, zLetterIssued } from './letters/ops';
import { zHomeClientRegistered, zHomeClientUpdated, zHomeVisitCompleted, zHomeVisitPlanned } from './home/ops';
import { HLC_FORM_MESSAGE, HLC_PATTERN } from './protocol';

/** The op types of the contract, one line each: its `data` schema lives in its capability's folder. */
export const opDataSchemas = {
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
} satisfies Record<string, z.ZodType>;
export type OpType = keyof typeof opDataSchemas;
export const OP_TYPES = Object.keys(opDataSchemas) as OpType[];

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
  const schema: z.ZodType | undefined = opDataSchemas[envelope.data.type as OpType];
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
