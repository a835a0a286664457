// The dossier-shaped record both drain benches send: this app's outbox and PouchDB's replication
// carry the same fields, so the two times compare the sync engines, not the payloads.
export interface BenchCommune {
  procedures: { id: string }[];
  staff: { id: string }[];
}

export function benchDossier(i: number, at: Date, code: string, commune: BenchCommune) {
  return {
    code,
    procedureId: commune.procedures[i % commune.procedures.length].id,
    applicant: { name: `Công dân ${i}` },
    channel: 'home' as const,
    receivedAt: at.toISOString(),
    dueAt: new Date(at.getTime() + 3 * 86_400_000).toISOString(),
    documents: [],
    writtenByStaff: true,
    staffId: commune.staff[0].id,
  };
}
