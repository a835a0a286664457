import type { CommuneConfig } from '../../domain';

/** The config says who leads; the session only says who signed in. */
export const isLeader = (config: CommuneConfig, staffId: string | undefined): boolean =>
  config.staff.some((s) => s.id === staffId && s.role === 'leader');
