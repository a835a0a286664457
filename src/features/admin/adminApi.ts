import type { CommuneFigures, DeviceKind } from '../../domain';
import { callApi } from '../../sync';

export type { CommuneFigures };

/** The central admin API (DESIGN.md), called with the admin token; the dashboard is online-only. */
export interface Commune {
  id: string;
  code: string;
  name: string;
  province: string;
}

export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  deviceNo: number;
  enrolledAt: string;
  lastSyncAt: string | null;
  revoked: boolean;
  opCount: number;
  maxSeq: number;
  seqGaps: { from: number; to: number }[];
  /** Ops the tablet said it holds beyond the last one received (from its pushes' lastDeviceSeq). */
  unsent?: number;
  /** An active tablet that has not synced for the server's SILENT_DEVICE_DAYS. */
  silent?: boolean;
}

export function adminApi(token: string, baseUrl = '') {
  const opts = { baseUrl, token };
  return {
    communes: async () => (await callApi<Commune[]>(opts, 'GET', '/api/v1/admin/communes')).data,
    devices: async (communeId: string) =>
      (await callApi<DeviceRow[]>(opts, 'GET', `/api/v1/admin/devices?communeId=${encodeURIComponent(communeId)}`)).data,
    enroll: async (communeId: string, kind: DeviceRow['kind']) =>
      (await callApi<{ code: string; expiresAt: string }>(opts, 'POST', '/api/v1/admin/enrollments', { communeId, kind })).data,
    revoke: async (deviceId: string) => callApi(opts, 'POST', `/api/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`),
    reports: async (communeId: string, from: string, to: string) =>
      (
        await callApi<CommuneFigures>(
          opts,
          'GET',
          `/api/v1/admin/reports?${new URLSearchParams({ communeId, from, to })}`,
        )
      ).data,
  };
}
