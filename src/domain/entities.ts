import { z } from './zod';
import type { CalendarData, ProcessingTime } from './calendar';
import { isDateKey, isHhmm, minutesOf } from './time';
import { filled, text as str } from './schemas';
import { PROCEDURE_LETTER_KINDS } from './letters/kinds';
import { zLetterTemplate } from './letters/templates';
import { zChecklistTemplate } from './checklists/templates';
import { zSurveyDefinition } from './surveys/definition';

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
  letterKind: z.optional(z.enum(PROCEDURE_LETTER_KINDS)),
});
export type Procedure = z.infer<typeof zProcedure>;

/** A clerk receives and handles dossiers; a leader also spot-checks others' conduct. */
export const STAFF_ROLES = ['clerk', 'leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const zStaff = z.object({
  id: filled(100),
  name: filled(200),
  title: z._default(str(200), ''),
  pinSalt: z.string().check(z.minLength(8), z.maxLength(128)),
  pinHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  active: z._default(z.boolean(), true),
  /** Optional on the wire (1.1): a leader spot-checks other officers' conduct and reads the conduct figures; absent means clerk. */
  role: z._default(z.enum(STAFF_ROLES), 'clerk'),
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
