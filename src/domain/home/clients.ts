import { compareOps, type FoldOp } from '../dossiers/lifecycle';
import { foldVietnamese } from '../text';
import type { HomeClientData } from './ops';
import { CLEARABLE_HOME_FIELDS, type HomeReason } from './kinds';

/** A person on the commune's home-service list, as the fold of their ops leaves them. */
export interface HomeClient {
  id: string;
  name: string;
  address: string;
  village?: string;
  birthYear?: number;
  phone?: string;
  idNumber?: string;
  reason: HomeReason;
  contact?: string;
  consent?: boolean;
  note?: string;
  /** `at` of the registration and of the latest change. */
  registeredAt: string;
  updatedAt: string;
}

type Field = keyof HomeClientData;
const FIELDS: Field[] = ['name', 'address', 'village', 'birthYear', 'phone', 'idNumber', 'reason', 'contact', 'consent', 'note'];
/**
 * The fields that identify or reach a person beyond what finds their house: what the retention rule
 * takes off a tablet once nobody visits them any more. Name, address, village and reason stay, so
 * the list and the figures keep working (and a new visit starts from the house).
 */
export const HOME_PERSONAL_FIELDS = ['phone', 'idNumber', 'contact', 'note', 'birthYear'] as const satisfies readonly Field[];

/** A home-client op's data without the personal fields; undefined when it holds none. */
export function stripHomePersonalData(type: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !(HOME_PERSONAL_FIELDS as readonly string[]).includes(k)));
  const has = (o: Record<string, unknown> | undefined) => Boolean(o) && HOME_PERSONAL_FIELDS.some((f) => f in o!);
  if (type === 'home.client-registered') return has(data) ? drop(data) : undefined;
  if (type === 'home.client-updated') {
    const changes = data.changes as Record<string, unknown> | undefined;
    return has(changes) ? { ...data, changes: drop(changes!) } : undefined;
  }
  return undefined;
}

/**
 * When a person's record last served: its latest change, or the latest day a visit was planned
 * for; undefined while a visit is still to come or unrecorded (the work needs the record).
 */
export function homeClientLastNeeded(client: Pick<HomeClient, 'updatedAt'>, visits: { date: string; outcome?: string }[], today: string): string | undefined {
  let last = client.updatedAt;
  for (const v of visits) {
    if (!v.outcome || v.date >= today) return undefined;
    // The end of the visit's day, in Vietnam (UTC+7): dates compare with ISO instants as text.
    const end = `${v.date}T17:00:00.000Z`;
    if (end > last) last = end;
  }
  return last;
}

/**
 * Last writer wins per field by HLC (then device, then op id): a phone corrected on one tablet and
 * an address on another both stay, and every tablet and the server reach the same client whatever
 * order the ops came in. Undefined until the registration is there.
 */
export function foldHomeClient(id: string, ops: FoldOp[]): HomeClient | undefined {
  const sorted = ops.filter((op) => op.entityId === id && op.type.startsWith('home.client-')).sort(compareOps);
  const registration = sorted.find((op) => op.type === 'home.client-registered');
  if (!registration) return undefined;
  const client: Record<string, unknown> = { id, registeredAt: registration.at, updatedAt: registration.at };
  for (const op of sorted) {
    const changes = (op.type === 'home.client-registered' ? op.data : (op.data as { changes?: object }).changes) ?? {};
    for (const field of FIELDS) {
      const value = (changes as Record<string, unknown>)[field];
      if (value !== undefined) client[field] = value;
    }
    // A cleared field is a write too: a later value (by HLC) sets it again, an earlier one stays gone.
    const clear = op.type === 'home.client-updated' ? ((op.data as { clear?: unknown }).clear ?? []) : [];
    if (Array.isArray(clear)) for (const field of clear) if ((CLEARABLE_HOME_FIELDS as readonly unknown[]).includes(field)) delete client[field as string];
    if (op.at > (client.updatedAt as string)) client.updatedAt = op.at;
  }
  return client as unknown as HomeClient;
}

/** Where the person lives, as written on papers: the address, then the village unless the address already names it. */
export function homeAddress(client: Pick<HomeClient, 'address' | 'village'>): string {
  const village = client.village?.trim();
  if (!village || foldVietnamese(client.address).includes(foldVietnamese(village))) return client.address;
  return `${client.address}, ${village}`;
}
