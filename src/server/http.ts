import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isCleanText } from '../domain';
import type { Device } from './devices';
import { errorBody, HttpError } from './errors';
import type { housekeeping } from './housekeeping';
import type { Sql } from './sql';

/** What every route area gets from createServer. */
export interface ServerContext {
  sql: Sql;
  adminToken: string;
  now: () => Date;
  upkeep: ReturnType<typeof housekeeping>;
  /** Who a request comes from, for the enrollment limit (TRUST_PROXY, IPv6 by /64: limits.ts). */
  clientKey: (c: Context) => string;
  /** Pushes are refused below this much free disk (health.ts). */
  lowDisk?: { dir: string; minFreeBytes: number };
}

/** Hono's variables: the device a device route was called by. */
export type Env = { Variables: { device: Device } };

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** At most `maxSize` bytes of body, else 413 with the contract's code; counted as it streams in. */
export const limit = (maxSize: number, code = 'body-too-large') =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is never read: close the connection so the client does not reuse it mid-upload.
      c.header('Connection', 'close');
      return c.json(errorBody(code, `the body is larger than ${maxSize} bytes`), 413);
    },
  });

/** The body as JSON, unchecked beyond that (the push checks each op on its own: one bad op must not fail its batch). */
export async function parseJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-body', 'the body is not valid JSON');
  }
}

/** Deeper than any body of the contract: refused before anything walks it (recursion would overflow). */
const MAX_JSON_DEPTH = 32;
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The body as JSON, checked whole: bounded depth, text any database stores. */
export async function readJson(c: Context): Promise<unknown> {
  const body = await parseJson(c);
  if (depthExceeds(body, MAX_JSON_DEPTH)) throw new HttpError(400, 'too-deep', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (!isCleanText(body)) throw new HttpError(400, 'invalid-body', 'text contains NUL or broken Unicode');
  return body;
}
