import { communeReport, dossierFacts, reportPeriod, type CommuneReport, type DossierFacts, type Rating, type ReportSurvey } from '../domain';
import { getCommuneConfig } from './config';
import type { FriendlyDeskDB } from './database';

type SurveyData = { rating: Rating; criteria?: Record<string, string>; answers?: Record<string, boolean>; comment?: string; dossierCode?: string; flags?: string[] };

/**
 * The leader's report on the tablet, offline: the same domain function as the server's, over the
 * tablet's own tables. Answers the kiosk itself flagged as a burst are left out as the server leaves
 * them out; the server's other exclusions (rate, back-dating) are known only to it. Load this module
 * lazily (`await import('../../db/figures')`): the counter's first screen does not need it.
 */
export async function localReport(
  db: FriendlyDeskDB,
  from: string,
  to: string,
  now: Date,
  filter?: { procedureId?: string; staffId?: string },
): Promise<CommuneReport> {
  const config = await getCommuneConfig(db);
  if (!config) throw new Error('no commune config on this tablet');
  const { end } = reportPeriod(from, to, now);
  const [dossiers, surveyOps, letters, checklists, homeClients, homeVisits] = await Promise.all([
    // Dossiers received after the period cannot count in it.
    db.dossiers.where('receivedAt').below(end).toArray(),
    db.ops.where('type').equals('survey.submitted').toArray(),
    db.letters.toArray(),
    db.checklistResults.where('date').between(from, to, true, true).toArray(),
    db.homeClients.toArray(),
    db.homeVisits.where('date').between(from, to, true, true).toArray(),
  ]);
  const facts = dossiers.flatMap((d) => dossierFacts(d, config.calendar) ?? []) as DossierFacts[];
  const surveys = surveyOps.map((op): ReportSurvey => {
    const d = op.data as SurveyData;
    return {
      opId: op.opId,
      at: op.at,
      rating: d.rating,
      ...(d.criteria ? { criteria: d.criteria } : {}),
      ...(d.answers ? { answers: d.answers } : {}),
      ...(d.comment ? { comment: d.comment } : {}),
      ...(d.dossierCode ? { dossierCode: d.dossierCode } : {}),
      ...(d.flags?.includes('burst') ? { excluded: true } : {}),
    };
  });
  return communeReport({
    communeId: config.commune.id,
    from,
    to,
    now,
    facts,
    surveys,
    letters: letters.map((l) => ({ kind: l.kind, issuedAt: l.issuedAt, deliveredAt: l.delivered?.at, dossierId: l.dossierId, clientId: l.clientId })),
    letterKindOf: Object.fromEntries(config.procedures.map((p) => [p.id, p.letterKind])),
    checklists,
    survey: config.survey ?? null,
    homeClients,
    homeVisits,
    filter,
  });
}
