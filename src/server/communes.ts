import { randomUUID } from 'node:crypto';
import { z } from '../domain/zod';
import { hashPin, isCleanText, newSalt, zCommuneSettings, type CommuneConfig, type Staff } from '../domain';
import { checkPart, CONFIG_PARTS, type ConfigPart, type StaffInput } from '../domain/config-parts';
import seed from '../domain/demo/demo-commune.json';
import { HttpError } from './errors';
import { hashKioskCode } from './kiosk-code';
import type { Sql } from './sql';

export { CONFIG_PARTS, type ConfigPart };

/** Communes made before the `settings` part existed read these (DESIGN.md: retention 90 days, idle lock 5 minutes). */
const defaultSettings = () => zCommuneSettings.parse({});

/** What every new commune starts with: the default catalogue and calendar, no staff. */
export function defaultParts(): Record<ConfigPart, unknown> {
  return {
    procedures: seed.procedures,
    calendar: seed.calendar,
    checklistTemplates: seed.checklistTemplates,
    letterTemplates: seed.letterTemplates,
    staff: [],
    survey: seed.survey,
    settings: defaultSettings(),
    // No kiosk code until an admin sets one: a kiosk then cannot be unlocked, rather than by a guessable default.
    kioskCode: null,
  };
}

export interface CommuneRow {
  id: string;
  code: string;
  name: string;
  province: string;
  address?: string | null;
}

export const zNewCommune = z.object({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  province: z.string().check(z.trim(), z.maxLength(200)),
  address: z.optional(z.string().check(z.maxLength(500))),
});

export async function createCommune(sql: Sql, input: z.infer<typeof zNewCommune> & { id?: string }, parts = defaultParts()): Promise<CommuneRow> {
  const id = input.id ?? randomUUID();
  return sql.transaction(async (tx) => {
    const inserted = await tx.query<CommuneRow>(
      `INSERT INTO communes (id, code, name, province, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING RETURNING id, code, name, province, address`,
      [id, input.code, input.name, input.province, input.address ?? null],
    );
    if (inserted.rows.length === 0) throw new HttpError(409, 'commune-exists', `a commune with code ${input.code} exists`);
    for (const part of CONFIG_PARTS) {
      await tx.query('INSERT INTO commune_config (commune_id, part, body) VALUES ($1, $2, $3)', [id, part, JSON.stringify(parts[part])]);
    }
    return inserted.rows[0];
  });
}

/** Ids come from URLs and bodies: refuse what the database could choke on before asking it. */
const plausibleId = (id: string) => id.length > 0 && id.length <= 100 && isCleanText(id);

/** Every commune, by name (the admin's list). */
export async function listCommunes(sql: Sql): Promise<CommuneRow[]> {
  const { rows } = await sql.query<CommuneRow>('SELECT id, code, name, province FROM communes ORDER BY name');
  return rows;
}

export async function getCommune(sql: Sql, id: string): Promise<(CommuneRow & { config_version: number }) | undefined> {
  if (!plausibleId(id)) return undefined;
  const { rows } = await sql.query<CommuneRow & { config_version: number }>(
    'SELECT id, code, name, province, address, config_version FROM communes WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function loadConfig(sql: Sql, communeId: string): Promise<CommuneConfig> {
  const commune = await getCommune(sql, communeId);
  if (!commune) throw new HttpError(404, 'not-found', 'no such commune');
  const { rows } = await sql.query<{ part: ConfigPart; body: unknown }>('SELECT part, body FROM commune_config WHERE commune_id = $1', [communeId]);
  const parts = Object.fromEntries(rows.map((r) => [r.part, r.body]));
  return {
    version: commune.config_version,
    commune: { id: commune.id, code: commune.code, name: commune.name, province: commune.province, ...(commune.address ? { address: commune.address } : {}) },
    procedures: parts.procedures ?? [],
    calendar: parts.calendar,
    checklistTemplates: parts.checklistTemplates ?? [],
    letterTemplates: parts.letterTemplates ?? [],
    staff: parts.staff ?? [],
    survey: parts.survey ?? null,
    settings: parts.settings ?? defaultSettings(),
  } as CommuneConfig;
}

/**
 * The config as an admin edits it (GET …/communes/:id/config): every part, staff with names and
 * roles but never their PIN salts and hashes (a PIN is set, not read back).
 */
export async function editableConfig(sql: Sql, communeId: string): Promise<CommuneConfig> {
  const config = await loadConfig(sql, communeId);
  const staff = (config.staff as unknown as Record<string, unknown>[]).map(({ pinSalt: _s, pinHash: _h, ...member }) => member);
  return { ...config, staff } as unknown as CommuneConfig;
}

/** The ids a pushed op may refer to (a commune may list a few hundred procedures; pushes look up every op). */
export interface ReferenceIds {
  procedures: ReadonlySet<string>;
  staff: ReadonlySet<string>;
}

/** Only the ids a push checks references against: far less to read than the whole config. */
export async function loadReferenceIds(sql: Sql, communeId: string): Promise<ReferenceIds> {
  const { rows } = await sql.query<{ part: string; ids: string[] | null }>(
    `SELECT part, jsonb_path_query_array(body, '$[*].id') AS ids FROM commune_config
      WHERE commune_id = $1 AND part IN ('procedures', 'staff')`,
    [communeId],
  );
  const ids = (part: string) => new Set(rows.find((r) => r.part === part)?.ids ?? []);
  return { procedures: ids('procedures'), staff: ids('staff') };
}

/** Replace one part of a commune's config and bump its version, so tablets' ETags go stale. */
export async function putConfigPart(sql: Sql, communeId: string, part: string, body: unknown): Promise<number> {
  if (!plausibleId(communeId)) throw new HttpError(404, 'not-found', 'no such commune');
  if (!(CONFIG_PARTS as readonly string[]).includes(part)) throw new HttpError(404, 'not-found', `unknown config part "${part}"`);
  const checked = checkPart(part as ConfigPart, body);
  if (!checked.ok) throw new HttpError(400, 'invalid-body', `${[part, ...checked.path].join('.')}: ${checked.message}`);
  let value: unknown = checked.value;
  if (part === 'kioskCode') value = await hashKioskCode((value as { code: string }).code);
  if (part === 'staff') value = await storedStaff(sql, communeId, value as StaffInput[]);
  return sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ config_version: number }>(
      'UPDATE communes SET config_version = config_version + 1 WHERE id = $1 RETURNING config_version',
      [communeId],
    );
    if (rows.length === 0) throw new HttpError(404, 'not-found', 'no such commune');
    await tx.query(
      `INSERT INTO commune_config (commune_id, part, body) VALUES ($1, $2, $3)
       ON CONFLICT (commune_id, part) DO UPDATE SET body = EXCLUDED.body`,
      [communeId, part, JSON.stringify(value)],
    );
    return rows[0].config_version;
  });
}

/** A member as stored: `role` may be absent (clerk), as configs made before roles have it. */
type StoredStaff = Omit<Staff, 'role'> & { role?: Staff['role'] };

/**
 * Staff as stored: a plain PIN becomes a salted hash; a member sent without PIN or hash (read back
 * through the admin API, which never shows hashes) keeps the one stored under the same id.
 */
async function storedStaff(sql: Sql, communeId: string, input: StaffInput[]): Promise<StoredStaff[]> {
  const { rows } = await sql.query<{ body: Staff[] | null }>("SELECT body FROM commune_config WHERE commune_id = $1 AND part = 'staff'", [communeId]);
  const stored = new Map((rows[0]?.body ?? []).map((s) => [s.id, s]));
  return Promise.all(
    input.map(async (s) => {
      if ('pinHash' in s) return s;
      if ('pin' in s) {
        const { pin, ...rest } = s;
        const pinSalt = newSalt();
        return { ...rest, pinSalt, pinHash: await hashPin(pin, pinSalt) };
      }
      const before = stored.get(s.id);
      if (!before) throw new HttpError(400, 'invalid-body', `staff: ${s.name} (${s.id}) is new and needs a PIN`);
      return { ...s, pinSalt: before.pinSalt, pinHash: before.pinHash };
    }),
  );
}

/** First start on an empty database: the demo commune, so `npm start` is a working product. */
export async function seedDemoIfEmpty(sql: Sql): Promise<CommuneRow | null> {
  // Several processes may start at once on one database: one seeds, the others see it done.
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7261002)');
    const { rows } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM communes');
    if (Number(rows[0].n) > 0) return null;
    return createCommune(tx, { ...seed.commune }, {
      ...defaultParts(),
      // The demo file keeps readable PINs for the README; the server keeps only the salted hashes.
      staff: seed.staff.map(({ pin: _pin, ...s }) => s),
      // The demo's kiosk code is public (README, first-start.txt) like its PINs.
      kioskCode: await hashKioskCode(seed.kioskCode),
    });
  });
}
