import { hashPin, newSalt } from '../domain';
import type { CommuneConfig } from '../domain';
import type { Sql } from './sql';

/**
 * The kiosk is a public device: it gets no staff PIN hashes (a 4-digit PIN falls to a brute force
 * in seconds, and it would unlock counter tablets too), but the hash of one long code set centrally
 * for the commune's kiosks. Hashed with the staff PIN helpers (PBKDF2-SHA256, salted); the plain
 * code is never kept.
 */

export interface KioskCodeHash {
  salt: string;
  hash: string;
}

export async function hashKioskCode(code: string): Promise<KioskCodeHash> {
  const salt = newSalt();
  return { salt, hash: await hashPin(code, salt) };
}

/** What a kiosk's GET /config answers: the commune's name, the survey and the kiosk code's hash. Nothing about staff or people. */
export async function kioskConfig(sql: Sql, config: CommuneConfig) {
  const { id, code, name } = config.commune;
  const { rows } = await sql.query<{ body: KioskCodeHash | null }>(
    "SELECT body FROM commune_config WHERE commune_id = $1 AND part = 'kioskCode'",
    [id],
  );
  const kioskCode = rows[0]?.body ?? undefined;
  return { version: config.version, commune: { id, code, name }, survey: config.survey, ...(kioskCode ? { kioskCode } : {}) };
}
