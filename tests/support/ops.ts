import { formatHlc, newId, type Op } from '../../src/domain';

/** Wire ops for tests, shaped (and with ids made) as a tablet makes them. */
export function receivedOp(deviceSeq: number, over: Partial<Op> & { data?: Record<string, unknown> } = {}): Op {
  const wall = Date.UTC(2026, 2, 10, 2, 0) + deviceSeq * 1000;
  const { data, ...rest } = over;
  return {
    opId: newId(),
    deviceSeq,
    type: 'dossier.received',
    entityId: newId(),
    at: new Date(wall).toISOString(),
    hlc: formatHlc({ wall, counter: 0 }),
    data: {
      code: `000.00.12.H26-260310-01${String(deviceSeq).padStart(3, '0')}`,
      procedureId: 'khai-sinh',
      applicant: { name: `Công dân ${deviceSeq}` },
      channel: 'counter',
      receivedAt: new Date(wall).toISOString(),
      dueAt: new Date(wall + 3 * 86_400_000).toISOString(),
      documents: ['Tờ khai'],
      writtenByStaff: false,
      staffId: 'staff-lan',
      ...data,
    },
    ...rest,
  };
}

export function transitionOp(deviceSeq: number, entityId: string, action: string, extra: Record<string, unknown> = {}): Op {
  const wall = Date.UTC(2026, 2, 10, 3, 0) + deviceSeq * 1000;
  return {
    opId: newId(),
    deviceSeq,
    type: 'dossier.transitioned',
    entityId,
    at: new Date(wall).toISOString(),
    hlc: formatHlc({ wall, counter: 0 }),
    data: { action, staffId: 'staff-lan', ...extra },
  };
}

export function surveyOp(deviceSeq: number, rating = 'satisfied', extra: Record<string, unknown> = {}): Op {
  const wall = Date.UTC(2026, 2, 10, 4, 0) + deviceSeq * 1000;
  return {
    opId: newId(),
    deviceSeq,
    type: 'survey.submitted',
    entityId: newId(),
    at: new Date(wall).toISOString(),
    hlc: formatHlc({ wall, counter: 0 }),
    data: { rating, ...extra },
  };
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
