import type { CommuneConfig } from '../domain';
import { setUpDevice, type DeviceInfo, type FriendlyDeskDB } from '../db';
import { callApi } from './api';

interface EnrollResponse {
  deviceId: string;
  token: string;
  kind: DeviceInfo['kind'];
  deviceNo: number;
  commune: DeviceInfo['commune'];
}

/** Codes are typed by hand from a slip or scanned: accept any case, spaces and dashes. */
export function normalizeEnrollmentCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A kiosk's config holds only the commune and the survey; fill the rest so the tablet's shape is one. */
export function completeConfig(partial: Partial<CommuneConfig> & Pick<CommuneConfig, 'version' | 'commune'>): CommuneConfig {
  return {
    procedures: [],
    checklistTemplates: [],
    letterTemplates: [],
    staff: [],
    survey: null,
    calendar: {
      officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
      sameDayCutoff: '15:00',
      holidays: [],
      workingWeekends: [],
    },
    ...partial,
  } as CommuneConfig;
}

/** Enroll this tablet with a one-time code, then take everything it needs to work offline. */
export async function enrollDevice(db: FriendlyDeskDB, code: string, baseUrl = ''): Promise<DeviceInfo> {
  const { data } = await callApi<EnrollResponse>({ baseUrl }, 'POST', '/api/v1/enroll', { code: normalizeEnrollmentCode(code) });
  const device: DeviceInfo = {
    deviceId: data.deviceId,
    deviceNo: data.deviceNo,
    kind: data.kind,
    commune: data.commune,
    mode: 'enrolled',
    token: data.token,
  };
  const config = await callApi<CommuneConfig>({ baseUrl, token: data.token }, 'GET', '/api/v1/config');
  await setUpDevice(db, device, completeConfig(config.data), config.headers.get('ETag') ?? undefined);
  return device;
}
