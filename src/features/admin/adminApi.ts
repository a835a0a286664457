import type { CommentRow, CommuneConfig, CommuneReport, DeviceKind, ProvinceReport, TrendPoint } from '../../domain';
import type { ConfigPart } from '../../domain/config-parts';
import { callApi } from '../../sync';

/** The central admin API (DESIGN.md), called with the admin token or a session token; the dashboard is online-only. */
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

/** Who a token belongs to (GET /api/v1/auth/me): a central user, or 'admin-token' for the root token. */
export interface Me {
  username: string;
  role: 'admin' | 'province' | 'commune';
  province?: string;
  communeId?: string;
  expiresAt?: string;
}

export interface NewUser {
  username: string;
  password: string;
  role: Me['role'];
  province?: string;
  communeId?: string;
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  route: string;
  communeId?: string;
  target?: string;
  /** English, for scripts; the dashboard words `details` in the reader's language. */
  summary: string;
  details?: Record<string, string | number>;
}

/** Whose figures: one commune (narrowed to a procedure or an officer for the drill-down), or a whole province. */
export type ReportScope = { communeId: string; procedureId?: string; staffId?: string } | { province: string };

const query = (params: Record<string, string | undefined>) => new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));

export interface AuditFilter {
  communeId?: string;
  from?: string;
  to?: string;
  actor?: string;
}

/** GET …/communes/:id/config: every part as edited; staff carry no PIN hash, the kiosk code is never read back. */
export type EditableConfig = Omit<CommuneConfig, 'staff'> & {
  staff: (Omit<CommuneConfig['staff'][number], 'pinSalt' | 'pinHash'> & { pin?: string })[];
};

/** Sign in with a username and password: a session token and the user's scope. */
export async function login(username: string, password: string, baseUrl = '') {
  return (await callApi<Me & { token: string; expiresAt: string }>({ baseUrl }, 'POST', '/api/v1/auth/login', { username, password })).data;
}

export function adminApi(token: string, baseUrl = '') {
  const opts = { baseUrl, token };
  return {
    me: async () => (await callApi<Me>(opts, 'GET', '/api/v1/auth/me')).data,
    createUser: async (user: NewUser) => (await callApi<Me & { id: string }>(opts, 'POST', '/api/v1/admin/users', user)).data,
    logout: async () => callApi(opts, 'POST', '/api/v1/auth/logout'),
    audit: async (filter: AuditFilter) => {
      const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
      return (await callApi<AuditRow[]>(opts, 'GET', `/api/v1/admin/audit?${query}`)).data;
    },
    communes: async () => (await callApi<Commune[]>(opts, 'GET', '/api/v1/admin/communes')).data,
    devices: async (communeId: string) =>
      (await callApi<DeviceRow[]>(opts, 'GET', `/api/v1/admin/devices?communeId=${encodeURIComponent(communeId)}`)).data,
    enroll: async (communeId: string, kind: DeviceRow['kind']) =>
      (await callApi<{ code: string; expiresAt: string }>(opts, 'POST', '/api/v1/admin/enrollments', { communeId, kind })).data,
    revoke: async (deviceId: string) => callApi(opts, 'POST', `/api/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`),
    /** The config as edited (staff without PIN hashes). */
    config: async (communeId: string) => (await callApi<EditableConfig>(opts, 'GET', `/api/v1/admin/communes/${encodeURIComponent(communeId)}/config`)).data,
    /** Replace one part; the answer is the commune's new config version (tablets refresh by ETag). */
    saveConfigPart: async (communeId: string, part: ConfigPart, body: unknown) =>
      (await callApi<{ version: number }>(opts, 'PUT', `/api/v1/admin/communes/${encodeURIComponent(communeId)}/config/${part}`, body)).data,
    /** The 1.1 report (DESIGN.md › Reports) of a commune, with the drill-down filters. */
    communeReport: async (scope: { communeId: string; procedureId?: string; staffId?: string }, from: string, to: string) =>
      (await callApi<CommuneReport>(opts, 'GET', `/api/v1/admin/reports?${query({ ...scope, from, to })}`)).data,
    provinceReport: async (province: string, from: string, to: string) =>
      (await callApi<ProvinceReport>(opts, 'GET', `/api/v1/admin/reports?${query({ province, from, to })}`)).data,
    /** The trend, one point a month (`YYYY-MM`, both inclusive). */
    monthly: async (scope: ReportScope, from: string, to: string) =>
      (await callApi<{ months: TrendPoint[] }>(opts, 'GET', `/api/v1/admin/reports/monthly?${query({ ...scope, from, to })}`)).data.months,
    comments: async (communeId: string, from: string, to: string) =>
      (await callApi<{ comments: CommentRow[] }>(opts, 'GET', `/api/v1/admin/reports/comments?${query({ communeId, from, to })}`)).data.comments,
    markHandled: async (opId: string, note?: string) =>
      callApi(opts, 'POST', `/api/v1/admin/comments/${encodeURIComponent(opId)}/handled`, note ? { note } : {}),
  };
}
