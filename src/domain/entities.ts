import { z } from './zod';
import type { CalendarData, ProcessingTime } from './calendar';
import { isDateKey, isHhmm, minutesOf } from './time';

// The schemas live here, not in calendar.ts: the calendar rules are on every first screen, and
// zod should only load with the first config check or write.
const zDateKey = z.string().check(z.refine(isDateKey, 'expected a real YYYY-MM-DD date'));
const zHhmm = z.string().check(z.refine(isHhmm, 'expected HH:mm'));
const zDay = z.object({ date: zDateKey, name: z.string().check(z.maxLength(200)) });

export const zCalendarData: z.ZodType<CalendarData> = z
  .object({
    officeHours: z.object({ morning: z.tuple([zHhmm, zHhmm]), afternoon: z.tuple([zHhmm, zHhmm]) }),
    sameDayCutoff: zHhmm,
    holidays: z.array(zDay).check(z.maxLength(400)),
    workingWeekends: z.array(zDay).check(z.maxLength(200)),
  })
  .check(
    // Sessions out of order would make due-date walking meaningless (or endless).
    z.refine((c) => {
      const all = [...c.officeHours.morning, ...c.officeHours.afternoon];
      if (!all.every(isHhmm)) return true; // already reported field by field
      const [a, b, d, e] = all.map(minutesOf);
      return a < b && b <= d && d < e;
    }, 'office hours: morning starts before it ends, and ends before the afternoon starts'),
  );

export const zProcessingTime: z.ZodType<ProcessingTime> = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working-days'), value: z.int().check(z.positive(), z.lte(365)) }),
  z.object({ unit: z.literal('working-hours'), value: z.int().check(z.positive(), z.lte(1000)) }),
  z.object({ unit: z.literal('same-day') }),
]);

const str = (max: number) => z.string().check(z.maxLength(max));
const filled = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const label = z.object({ vi: str(500), en: str(500) });
/** Ids that end up as keys of op data (survey criteria, checklist items): the same slugs the op schemas accept. */
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/), z.refine((k) => !(k in Object.prototype), 'reserved id'));

export const zProcedure = z.object({
  id: filled(100),
  code: z.optional(str(60)),
  name: filled(300),
  field: str(100),
  processingTime: zProcessingTime,
  fee: z.int().check(z.nonnegative()),
  feeNote: z.optional(str(500)),
  documents: z.array(z.object({ name: filled(300), required: z.boolean() })).check(z.maxLength(50)),
  resultPlace: z.optional(str(300)),
  letterKind: z.optional(z.enum(['congratulation', 'condolence'])),
});
export type Procedure = z.infer<typeof zProcedure>;

export const zStaff = z.object({
  id: filled(100),
  name: filled(200),
  title: z._default(str(200), ''),
  pinSalt: z.string().check(z.minLength(8), z.maxLength(128)),
  pinHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  active: z._default(z.boolean(), true),
});
export type Staff = z.infer<typeof zStaff>;

export const zCommune = z.object({
  id: filled(100),
  code: filled(60),
  name: filled(200),
  province: z._default(str(200), ''),
  address: z.optional(str(500)),
});
export type Commune = z.infer<typeof zCommune>;

const ratingLevel = z.enum(['very-satisfied', 'satisfied', 'normal', 'not-satisfied']);
const seconds = (max: number) => z.int().check(z.positive(), z.lte(max));
export const zSurveyRules = z.object({
  /** Taps that submit again this soon after a submission count once. */
  repeatWindowSeconds: z.optional(seconds(600)),
  /** More submissions than this within the burst window are flagged (kept, never dropped). */
  burstLimit: z.optional(seconds(1000)),
  burstWindowSeconds: z.optional(seconds(3600)),
  /** Synced answers are removed from the kiosk after this many days. */
  pruneSyncedAfterDays: z.optional(seconds(365)),
  /** Idle time before the kiosk offers to start over (then a visible countdown). */
  inactivitySeconds: z.optional(seconds(3600)),
  /** The visible countdown before starting over. */
  countdownSeconds: z.optional(seconds(120)),
});

/** One screen after the faces. Criteria and questions are named by id; unknown ids are left out. */
const zSurveyFlowStep = z.union([
  z.object({ kind: z.literal('dossier') }),
  z.object({ kind: z.literal('comment') }),
  z.object({ kind: z.literal('criterion'), id: slug }),
  z.object({ kind: z.literal('question'), id: slug }),
]);

export const zSurveyDefinition = z.object({
  version: z.int().check(z.nonnegative()),
  levels: z.array(ratingLevel).check(z.minLength(2), z.maxLength(4)),
  /** `label` names the SIPAS factor in reports; `question` asks it in plain words at the kiosk. */
  criteria: z.array(z.object({ id: slug, label, question: z.optional(label) })).check(z.maxLength(10)),
  questions: z.array(z.object({ id: slug, label })).check(z.maxLength(10)),
  /** The screens after the faces, in order; absent: the short default of surveySteps(). */
  flow: z.optional(z.array(zSurveyFlowStep).check(z.maxLength(25))),
  rules: z.optional(zSurveyRules),
});
export type SurveyDefinition = z.infer<typeof zSurveyDefinition>;

export const zChecklistTemplate = z.object({
  id: str(64),
  version: z.int().check(z.nonnegative()),
  name: label,
  items: z.array(z.object({ id: slug, label })).check(z.maxLength(30)),
});

export const zLetterTemplate = z.object({
  id: str(64),
  kind: z.enum(['apology', 'thanks', 'congratulation', 'condolence']),
  title: label,
  body: z.object({ vi: str(10_000), en: str(10_000) }),
});

/** Central settings for counter and mobile tablets (config part `settings`). */
export const zCommuneSettings = z.object({
  /** Days after closing before a dossier's ID number, phone and address leave the tablets. */
  retentionDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 90),
  /** Idle minutes before a tablet asks for the PIN again. */
  idleLockMinutes: z._default(z.int().check(z.gte(1), z.lte(120)), 5),
});
export type CommuneSettings = z.infer<typeof zCommuneSettings>;

/** A kiosk code as tablets receive it: salted PBKDF2, like staff PINs (src/domain/pin.ts). */
export const zKioskCode = z.object({ salt: z.string().check(z.minLength(8), z.maxLength(128)), hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)) });

/** Everything a counter or mobile tablet keeps to work offline (a kiosk gets commune and survey only). */
export const zCommuneConfig = z.object({
  version: z.int().check(z.nonnegative()),
  commune: zCommune,
  procedures: z.array(zProcedure).check(z.maxLength(1000)),
  calendar: zCalendarData,
  checklistTemplates: z.array(zChecklistTemplate).check(z.maxLength(50)),
  letterTemplates: z.array(zLetterTemplate).check(z.maxLength(50)),
  staff: z.array(zStaff).check(z.maxLength(500)),
  survey: z.nullable(zSurveyDefinition),
  settings: z.optional(zCommuneSettings),
  /** A kiosk's staff panel opens with this code (contract 1.1); kiosks get no staff PIN hashes. */
  kioskCode: z.optional(zKioskCode),
  /** Sent to kiosks by 1.0 servers only; no longer used to unlock anything. */
  staffPins: z.optional(z.array(z.object({ pinSalt: z.string(), pinHash: z.string() })).check(z.maxLength(500))),
});
export type CommuneConfig = z.infer<typeof zCommuneConfig>;
