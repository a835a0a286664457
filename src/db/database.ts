import Dexie, { type Table } from 'dexie';
import { nameWordPairs, personalClosedAt, type DeviceKind, type Op } from '../domain';
import type { DossierRow } from './dossiers';
import type { SurveyRow } from './surveys';
import type { LetterRow } from './letters';
import type { ChecklistRow } from './checklists';
import type { HomeClientRow, HomeVisitRow } from './home';
import { DB_NAME } from './name';

export { DB_NAME };

export type OpState = 'pending' | 'synced' | 'rejected';

/** An op as the tablet keeps it: the wire op plus who made it and where it stands in sync. */
export interface StoredOp extends Op {
  deviceId: string;
  state: OpState;
  error?: { code: string; message: string };
  /** Set when staff fixed or discarded a rejected op (the decision is itself an op or a log entry). */
  resolution?: 'fixed' | 'discarded';
  resolvedAt?: string;
  resolvedBy?: string;
  /** The new op that carried a fixed change. */
  fixedBy?: string;
}

export interface KeyValue<T = unknown> {
  key: string;
  value: T;
}

export interface DeviceInfo {
  deviceId: string;
  deviceNo: number;
  kind: DeviceKind;
  commune: { id: string; code: string; name: string };
  /** 'demo' runs on the bundled demo commune with no server. */
  mode: 'demo' | 'enrolled';
  token?: string;
}

export class FriendlyDeskDB extends Dexie {
  ops!: Table<StoredOp, string>;
  dossiers!: Table<DossierRow, string>;
  surveys!: Table<SurveyRow, string>;
  letters!: Table<LetterRow, string>;
  checklistResults!: Table<ChecklistRow, string>;
  homeClients!: Table<HomeClientRow, string>;
  homeVisits!: Table<HomeVisitRow, string>;
  config!: Table<KeyValue, string>;
  meta!: Table<KeyValue, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Schema changes are new versions with an upgrade function, each tested on a fixture of the previous one.
    this.version(1).stores({
      ops: 'opId, [state+deviceSeq], entityId, type',
      dossiers: 'id, code, status, [open+dueAt], receivedAt, *words',
      surveys: 'id, at, dossierCode',
      // Declared by version 1 for checklists, letters and home service, written by nothing yet: the
      // capability that projects into one adds its typed table to this class (db/<capability>.ts).
      checklistResults: 'id, date',
      letters: 'id, dossierId, kind',
      homeClients: 'id',
      homeVisits: 'id, clientId, date',
      config: 'key',
      meta: 'key',
    });
    // Name searches by word pairs: 100,000 dossiers, "nguyen thi hoa" read 31,700 index entries, now 2,400.
    this.version(2)
      .stores({ dossiers: 'id, code, status, [open+dueAt], receivedAt, *words, *namePairs' })
      .upgrade((tx) =>
        tx
          .table<DossierRow>('dossiers')
          .toCollection()
          .modify((row) => {
            row.namePairs = nameWordPairs(row.applicant?.name);
          }),
      );
    // Retention (issue 12): closed dossiers lose their personal fields after settings.retentionDays,
    // and survey comments leave as soon as they are synced (from now on when they become synced).
    this.version(3)
      .stores({ dossiers: 'id, code, status, [open+dueAt], receivedAt, *words, *namePairs, personalClosedAt' })
      .upgrade(async (tx) => {
        await tx
          .table<DossierRow>('dossiers')
          .toCollection()
          .modify((row) => {
            const closedAt = personalClosedAt(row);
            if (closedAt) row.personalClosedAt = closedAt;
          });
        await tx
          .table<StoredOp>('ops')
          .where('type')
          .equals('survey.submitted')
          .modify((op) => {
            if (op.state === 'synced') delete (op.data as { comment?: string }).comment;
          });
      });
  }
}
