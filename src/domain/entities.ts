import { z } from 'zod';
import { zCalendarData, zProcessingTime } from './calendar';

const label = z.object({ vi: z.string().max(500), en: z.string().max(500) });

export const zProcedure = z.object({
  id: z.string().min(1).max(100),
  code: z.string().max(60).optional(),
  name: z.string().min(1).max(300),
  field: z.string().max(100),
  processingTime: zProcessingTime,
  fee: z.number().int().nonnegative(),
  feeNote: z.string().max(500).optional(),
  documents: z.array(z.object({ name: z.string().min(1).max(300), required: z.boolean() })).max(50),
  resultPlace: z.string().max(300).optional(),
  letterKind: z.enum(['congratulation', 'condolence']).optional(),
});
export type Procedure = z.infer<typeof zProcedure>;

export const zStaff = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  title: z.string().max(200).default(''),
  pinSalt: z.string().min(8).max(128),
  pinHash: z.string().regex(/^[0-9a-f]{64}$/),
  active: z.boolean().default(true),
});
export type Staff = z.infer<typeof zStaff>;

export const zCommune = z.object({
  id: z.string().min(1).max(100),
  code: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  province: z.string().max(200).default(''),
  address: z.string().max(500).optional(),
});
export type Commune = z.infer<typeof zCommune>;

export const zSurveyDefinition = z.object({
  version: z.number().int().nonnegative(),
  levels: z.array(z.enum(['very-satisfied', 'satisfied', 'normal', 'not-satisfied'])).min(2).max(4),
  criteria: z.array(z.object({ id: z.string().max(64), label })).max(10),
  questions: z.array(z.object({ id: z.string().max(64), label })).max(10),
});
export type SurveyDefinition = z.infer<typeof zSurveyDefinition>;

export const zChecklistTemplate = z.object({
  id: z.string().max(64),
  version: z.number().int().nonnegative(),
  name: label,
  items: z.array(z.object({ id: z.string().max(64), label })).max(30),
});

export const zLetterTemplate = z.object({
  id: z.string().max(64),
  kind: z.enum(['apology', 'thanks', 'congratulation', 'condolence']),
  title: label,
  body: z.object({ vi: z.string().max(10_000), en: z.string().max(10_000) }),
});

/** Everything a counter or mobile tablet keeps to work offline (a kiosk gets commune and survey only). */
export const zCommuneConfig = z.object({
  version: z.number().int().nonnegative(),
  commune: zCommune,
  procedures: z.array(zProcedure).max(1000),
  calendar: zCalendarData,
  checklistTemplates: z.array(zChecklistTemplate).max(50),
  letterTemplates: z.array(zLetterTemplate).max(50),
  staff: z.array(zStaff).max(500),
  survey: zSurveyDefinition.nullable(),
});
export type CommuneConfig = z.infer<typeof zCommuneConfig>;
