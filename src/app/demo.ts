import { zCommuneConfig, type CommuneConfig } from '../domain';
import type { DeviceInfo } from '../db';

/** The shape of src/domain/demo/demo-commune.json, which the server also seeds from. */
export interface CommuneSeed {
  commune: CommuneConfig['commune'];
  /** Staff as the JSON holds them (a role is a plain string there): the config check types them. */
  staff: (Omit<CommuneConfig['staff'][number], 'role'> & { role?: string; pin?: string })[];
  procedures: unknown[];
  calendar: unknown;
  checklistTemplates: unknown[];
  letterTemplates: unknown[];
  survey: unknown;
}

/** What a tablet keeps of a seed: everything but the readable demo PINs (only salted hashes). */
export function configFromSeed(seed: CommuneSeed, version = 1): CommuneConfig {
  return zCommuneConfig.parse({
    version,
    commune: seed.commune,
    procedures: seed.procedures,
    calendar: seed.calendar,
    checklistTemplates: seed.checklistTemplates,
    letterTemplates: seed.letterTemplates,
    staff: seed.staff.map(({ pin: _pin, ...staff }) => staff),
    survey: seed.survey,
  });
}

/** The bundled demo commune, loaded only when someone chooses to try the app without a server. */
export async function loadDemo(): Promise<{ device: DeviceInfo; config: CommuneConfig }> {
  const seed = (await import('../domain/demo/demo-commune.json')).default as CommuneSeed;
  const config = configFromSeed(seed);
  const device: DeviceInfo = {
    deviceId: crypto.randomUUID(),
    deviceNo: 1,
    kind: 'counter',
    commune: { id: config.commune.id, code: config.commune.code, name: config.commune.name },
    mode: 'demo',
  };
  return { device, config };
}
