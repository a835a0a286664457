import { z } from './zod';
import { filled, text as str } from './schemas';
import { zCalendarData, zCommuneSettings, zProcedure, zStaff, STAFF_ROLES } from './entities';
import { zChecklistTemplate } from './checklists/templates';
import { zLetterTemplate } from './letters/templates';
import { zSurveyDefinition } from './surveys/definition';

/**
 * The parts of a commune's config an admin edits (PUT /api/v1/admin/communes/:id/config/<part>),
 * with the one schema each is checked against: the server before saving, the dashboard's editor
 * before sending. Template and procedure schemas are read from their capability folders, so the
 * editor follows whatever fields those add.
 */
export const CONFIG_PARTS = ['procedures', 'calendar', 'checklistTemplates', 'letterTemplates', 'staff', 'survey', 'settings', 'kioskCode'] as const;
export type ConfigPart = (typeof CONFIG_PARTS)[number];

/** The kiosk code as an admin sends it; kiosks receive only its salted hash. */
export const zKioskCodeInput = z.object({ code: z.string().check(z.regex(/^[A-Za-z0-9]{8,32}$/, 'the kiosk code is 8 to 32 letters and digits')) });

const staffFields = {
  id: filled(100),
  name: filled(200),
  title: z._default(str(200), ''),
  active: z._default(z.boolean(), true),
  role: z.optional(z.enum(STAFF_ROLES)),
};
/**
 * A staff member as an admin sends one: with a plain `pin` (new, or a PIN reset; hashed on the
 * server, never stored), with the stored hash (a config written back whole), or with neither — a
 * member the admin read back without hashes keeps the PIN already stored.
 */
export const zStaffInput = z.union([
  // A plain PIN wins over a stored hash sent with it: a reset is never silently dropped.
  z.object({ ...staffFields, pin: z.string().check(z.regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')) }),
  zStaff,
  z.strictObject(staffFields),
]);
export type StaffInput = z.infer<typeof zStaffInput>;

export const PART_SCHEMAS = {
  procedures: z.array(zProcedure).check(z.maxLength(1000)),
  calendar: zCalendarData,
  checklistTemplates: z.array(zChecklistTemplate).check(z.maxLength(50)),
  letterTemplates: z.array(zLetterTemplate).check(z.maxLength(50)),
  staff: z.array(zStaffInput).check(
    z.maxLength(500),
    z.refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'two staff members have the same id'),
  ),
  survey: zSurveyDefinition,
  settings: zCommuneSettings,
  kioskCode: zKioskCodeInput,
} satisfies Record<ConfigPart, z.ZodType>;

/** A part's first problem: where, zod's code and limit (the editor words it), and zod's English message (the server's). */
export interface PartIssue {
  path: (string | number)[];
  code: string;
  message: string;
  limit?: number;
}

export function checkPart<P extends ConfigPart>(part: P, body: unknown): { ok: true; value: z.infer<(typeof PART_SCHEMAS)[P]> } | ({ ok: false } & PartIssue) {
  const parsed = (PART_SCHEMAS[part] as z.ZodType).safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<(typeof PART_SCHEMAS)[P]> };
  const issue = parsed.error.issues[0] as { path: PropertyKey[]; code: string; message: string; minimum?: number | bigint; maximum?: number | bigint };
  const limit = issue.minimum ?? issue.maximum;
  return {
    ok: false,
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: issue.code,
    message: issue.message,
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  };
}
