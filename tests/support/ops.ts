import { ACTION_REQUIREMENTS, formatHlc, newId, type ActionField, type DossierAction, type Op } from '../../src/domain';

/** 09:00 on 10/03/2026 in Vietnam: the day the tests' ops happen. */
export const T0 = Date.UTC(2026, 2, 10, 2, 0);

export interface OpOptions {
  deviceSeq?: number;
  /** The op's wall time in ms: both `at` and the HLC's time. */
  wall?: number;
  counter?: number;
  opId?: string;
  entityId?: string;
}

/** The one op builder of the tests: a wire op shaped (and with ids made) as a tablet makes it. */
export function makeOp(type: string, data: Record<string, unknown>, o: OpOptions = {}): Op {
  const deviceSeq = o.deviceSeq ?? 1;
  const wall = o.wall ?? T0 + deviceSeq * 1000;
  return {
    opId: o.opId ?? newId(),
    deviceSeq,
    type,
    entityId: o.entityId ?? newId(),
    at: new Date(wall).toISOString(),
    hlc: formatHlc({ wall, counter: o.counter ?? 0 }),
    data,
  };
}

/** The `dossier.received` data of a birth registration at the counter, received at `wall`. */
export function receivedData(wall: number, deviceSeq = 1, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: `000.00.12.H26-260310-01${String(deviceSeq).padStart(3, '0')}`,
    procedureId: 'khai-sinh',
    applicant: { name: `Công dân ${deviceSeq}` },
    channel: 'counter',
    receivedAt: new Date(wall).toISOString(),
    dueAt: new Date(wall + 3 * 86_400_000).toISOString(),
    documents: ['Tờ khai'],
    writtenByStaff: false,
    staffId: 'staff-lan',
    ...over,
  };
}

/** A value for each field an action may require (see ACTION_REQUIREMENTS). */
const REQUIRED_SAMPLES: Record<ActionField, unknown> = {
  reason: 'Theo quy định',
  missingDocuments: ['Giấy chứng sinh'],
  newDueAt: '2026-03-20T17:00:00+07:00',
};

/** The fields `action` requires, filled with samples, from the one requirements table. */
export function actionNeeds(action: DossierAction): Record<string, unknown> {
  return Object.fromEntries(ACTION_REQUIREMENTS[action].map((field) => [field, REQUIRED_SAMPLES[field]]));
}

export function receivedOp(deviceSeq: number, over: Partial<Op> & { data?: Record<string, unknown> } = {}): Op {
  const wall = T0 + deviceSeq * 1000;
  const { data, ...rest } = over;
  return { ...makeOp('dossier.received', receivedData(wall, deviceSeq, data), { deviceSeq, wall }), ...rest };
}

export function transitionOp(deviceSeq: number, entityId: string, action: string, extra: Record<string, unknown> = {}): Op {
  const wall = T0 + 3_600_000 + deviceSeq * 1000;
  return makeOp('dossier.transitioned', { action, staffId: 'staff-lan', ...extra }, { deviceSeq, entityId, wall });
}

export function surveyOp(deviceSeq: number, rating = 'satisfied', extra: Record<string, unknown> = {}): Op {
  const wall = T0 + 2 * 3_600_000 + deviceSeq * 1000;
  return makeOp('survey.submitted', { rating, ...extra }, { deviceSeq, wall });
}

export async function push(url: string, token: string, deviceId: string, ops: unknown[], protocol: unknown = 1): Promise<Response> {
  return fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ protocol, deviceId, ops }),
  });
}

export async function pull(url: string, token: string, after?: string, limit?: number): Promise<Response> {
  const q = new URLSearchParams({ ...(after ? { after } : {}), ...(limit ? { limit: String(limit) } : {}) });
  return fetch(`${url}/api/v1/sync/pull?${q}`, { headers: { Authorization: `Bearer ${token}` } });
}
