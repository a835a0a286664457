import { randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from '../domain/zod';
import { isCleanText } from '../domain';
import { getCommune } from './communes';
import { HttpError } from './errors';
import type { Sql } from './sql';
import { sha256 } from './tokens';

/** Central users (DESIGN.md "Central users (1.1)"): accounts of the dashboard, sessions, the login limit. */

export const ROLES = ['admin', 'province', 'commune'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling an admin route: a central user, or the root ADMIN_TOKEN (userId null). */
export interface Actor {
  userId: string | null;
  /** The username, or 'admin-token'. */
  name: string;
  role: Role;
  province?: string;
  communeId?: string;
}

export const ADMIN_TOKEN_ACTOR: Actor = { userId: null, name: 'admin-token', role: 'admin' };

export const SESSION_HOURS_DEFAULT = 12;
/** Failed logins that close the door for LOGIN_WINDOW_MINUTES: per username, and per client address. */
export const LOGIN_LIMIT_PER_USER = 5;
export const LOGIN_LIMIT_PER_CLIENT = 20;
export const LOGIN_WINDOW_MINUTES = 15;

// ---- passwords: scrypt (memory-hard, in node:crypto, no native dependency) ----

// N = 2^15, r = 8: about 32 MiB and a few tens of milliseconds per hash. The parameters are kept
// in each stored hash, so they can be raised later without breaking existing passwords.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes; node's default (32 MiB) is just short of it.
  return new Promise((ok, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) => (err ? fail(err) : ok(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// An unknown username costs the same hash as a known one, so timing does not tell which exist.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

// ---- accounts ----

const zUsername = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9._-]{3,64}$/, 'a username is 3–64 letters a–z, digits, dot, dash or underscore'));

export const zNewUser = z.object({
  username: zUsername,
  password: z.string().check(z.minLength(10, 'at least 10 characters'), z.maxLength(200)),
  role: z.enum(ROLES),
  province: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  communeId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

export interface UserOut {
  id: string;
  username: string;
  role: Role;
  province?: string;
  communeId?: string;
  createdAt: string;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  province: string | null;
  commune_id: string | null;
  created_at: string | Date;
}

const toActor = (u: Pick<UserRow, 'id' | 'username' | 'role' | 'province' | 'commune_id'>): Actor => ({
  userId: u.id,
  name: u.username,
  role: u.role,
  ...(u.province ? { province: u.province } : {}),
  ...(u.commune_id ? { communeId: u.commune_id } : {}),
});

/** Make an account. The scope must match the role: a province names its province, a commune its commune. */
export async function createUser(sql: Sql, input: z.infer<typeof zNewUser>, now: Date): Promise<UserOut> {
  let province: string | null = null;
  let communeId: string | null = null;
  if (input.role === 'province') {
    if (!input.province || input.communeId) throw new HttpError(400, 'invalid-body', 'province: a province user names its province (and no communeId)');
    province = input.province;
  } else if (input.role === 'commune') {
    if (!input.communeId || input.province) throw new HttpError(400, 'invalid-body', 'communeId: a commune user names its commune (and no province)');
    if (!(await getCommune(sql, input.communeId))) throw new HttpError(400, 'invalid-body', 'communeId: no such commune');
    communeId = input.communeId;
  } else if (input.province || input.communeId) {
    throw new HttpError(400, 'invalid-body', 'an admin has no province or communeId: it sees everything');
  }
  const id = randomUUID();
  const { rows } = await sql.query<UserRow>(
    `INSERT INTO users (id, username, password_hash, role, province, commune_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (username) DO NOTHING RETURNING id, username, role, province, commune_id, created_at`,
    [id, input.username, await hashPassword(input.password), input.role, province, communeId, now.toISOString()],
  );
  if (!rows[0]) throw new HttpError(409, 'username-taken', `the username ${input.username} is taken`);
  const { userId, name, role, ...scope } = toActor(rows[0]);
  return { id: userId!, username: name, role, ...scope, createdAt: new Date(rows[0].created_at).toISOString() };
}

// ---- sessions ----

/** `SESSION_HOURS` from the environment, else 12. */
export function sessionHours(): number {
  const h = Number(process.env.SESSION_HOURS);
  return Number.isFinite(h) && h > 0 ? h : SESSION_HOURS_DEFAULT;
}

export const zLogin = z.object({
  username: zUsername,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});

/**
 * Check a username and password and open a session. Failures are counted per username and per
 * client address in the database (so all server processes agree); past the limit every attempt,
 * right or wrong, is 429 until the window has passed.
 */
export async function login(sql: Sql, input: { username: string; password: string }, clientAddress: string, now: Date, hours = sessionHours()) {
  const userKey = sha256(`login-user:${input.username}`);
  const clientKey = sha256(`login-client:${clientAddress}`);
  const { rows: counts } = await sql.query<{ user_n: string; client_n: string }>(
    `SELECT count(*) FILTER (WHERE key_hash = $1) AS user_n, count(*) FILTER (WHERE key_hash = $2) AS client_n
       FROM login_failures WHERE key_hash IN ($1, $2) AND at > $3::timestamptz - interval '${LOGIN_WINDOW_MINUTES} minutes'`,
    [userKey, clientKey, now.toISOString()],
  );
  if (Number(counts[0].user_n) >= LOGIN_LIMIT_PER_USER || Number(counts[0].client_n) >= LOGIN_LIMIT_PER_CLIENT) {
    throw new HttpError(429, 'too-many-attempts', `too many failed sign-ins; wait ${LOGIN_WINDOW_MINUTES} minutes`);
  }
  const { rows } = await sql.query<UserRow>(
    'SELECT id, username, password_hash, role, province, commune_id, created_at FROM users WHERE username = $1',
    [input.username],
  );
  const user = rows[0];
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await unknownUserHash()));
  if (!user || !ok) {
    // Old failures no longer count; dropping them here keeps the table small without a timer.
    await sql.query(
      `WITH expired AS (DELETE FROM login_failures WHERE at < $3::timestamptz - interval '1 day')
       INSERT INTO login_failures (key_hash, at) VALUES ($1, $3), ($2, $3)`,
      [userKey, clientKey, now.toISOString()],
    );
    throw new HttpError(401, 'bad-credentials', 'wrong username or password');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await sql.query(
    `WITH expired AS (DELETE FROM sessions WHERE expires_at <= $4)
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $4, $3)`,
    [sha256(token), user.id, expiresAt.toISOString(), now.toISOString()],
  );
  const { userId: _id, name, ...scope } = toActor(user);
  return { token, expiresAt: expiresAt.toISOString(), username: name, ...scope };
}

/** The user behind a session token, while the session lasts; undefined otherwise. */
export async function sessionActor(sql: Sql, token: string, now: Date): Promise<(Actor & { expiresAt: string }) | undefined> {
  if (token.length > 200 || !isCleanText(token)) return undefined;
  const { rows } = await sql.query<UserRow & { expires_at: string | Date }>(
    `SELECT u.id, u.username, u.role, u.province, u.commune_id, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [sha256(token), now.toISOString()],
  );
  return rows[0] && { ...toActor(rows[0]), expiresAt: new Date(rows[0].expires_at).toISOString() };
}

/** End a session (an unknown or expired token is already ended). */
export async function logout(sql: Sql, token: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}
