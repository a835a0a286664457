import { compareOps, type FoldOp } from '../dossiers/lifecycle';
import { foldVietnamese } from '../text';
import type { HomeClientData } from './ops';
import type { HomeReason } from './kinds';

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
/** The fields that identify or reach a person: what the retention rule takes off a tablet. */
export const HOME_PERSONAL_FIELDS = ['phone', 'idNumber', 'contact', 'note', 'birthYear'] as const satisfies readonly Field[];

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
