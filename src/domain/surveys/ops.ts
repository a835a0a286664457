import { z } from '../zod';
import { cappedRecord, dossierCode, slug, text } from '../schemas';
import { RATINGS } from './ratings';

const rating = z.enum(RATINGS);
export const zSurveySubmitted = z.object({
  rating,
  criteria: z.optional(cappedRecord(rating, 20)),
  answers: z.optional(cappedRecord(z.boolean(), 20)),
  comment: z.optional(text(1000)),
  dossierCode: z.optional(dossierCode),
  surveyVersion: z.optional(z.int().check(z.nonnegative())),
  flags: z.optional(z.array(slug).check(z.maxLength(10))),
});
export type SurveySubmittedData = z.infer<typeof zSurveySubmitted>;
