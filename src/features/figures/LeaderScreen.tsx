import { useCallback } from 'react';
import type { CommuneConfig } from '../../domain';
import { localReport } from '../../db/figures';
import { db } from '../../app/db';
import { useSession } from '../../app/stores';
import { isLeader } from '../checklists';
import { LeaderFigures } from './LeaderFigures';
import type { Period } from './periods';

/** The tablet's figures route: the signed-in leader's report, from the tablet's own data by the domain function the server uses. */
export function LeaderScreen({ config }: { config: CommuneConfig }) {
  const staff = useSession((s) => s.staff);
  const load = useCallback((p: Period) => localReport(db, p.from, p.to, new Date()), []);
  return <LeaderFigures config={config} leader={isLeader(config, staff?.id)} load={load} />;
}
