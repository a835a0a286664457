import { z } from '../zod';
import { label, slug } from '../schemas';
import { RATINGS } from './ratings';

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

/** The commune's survey as the kiosk shows it: levels, SIPAS criteria, yes/no questions, flow, misuse rules. */
export const zSurveyDefinition = z.object({
  version: z.int().check(z.nonnegative()),
  levels: z.array(z.enum(RATINGS)).check(z.minLength(2), z.maxLength(4)),
  /** `label` names the SIPAS factor in reports; `question` asks it in plain words at the kiosk. */
  criteria: z.array(z.object({ id: slug, label, question: z.optional(label) })).check(z.maxLength(10)),
  /** `checklistItem` (1.1, optional): the "<templateId>/<itemId>" a yes/no question asks citizens about. */
  questions: z.array(z.object({ id: slug, label, checklistItem: z.optional(z.string().check(z.regex(/^[^/\s]{1,64}\/[a-z0-9][a-z0-9_-]{0,63}$/, 'expected <templateId>/<itemId>'))) })).check(z.maxLength(10)),
  /** The screens after the faces, in order; absent: the short default of surveySteps(). */
  flow: z.optional(z.array(zSurveyFlowStep).check(z.maxLength(25))),
  rules: z.optional(zSurveyRules),
});
export type SurveyDefinition = z.infer<typeof zSurveyDefinition>;
