import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  compareOps,
  DOSSIER_ACTIONS,
  FINAL_STATUSES,
  foldDossier,
  formatHlc,
  IN_PROGRESS_STATUSES,
  isOverdue,
  nextStatus,
  OPEN_STATUSES,
  type DossierAction,
  type DossierStatus,
  type FoldOp,
} from '../../../../src/domain';
import { seededRandom } from '../../../support/random';
import { actionNeeds, makeOp, T0 } from '../../../support/ops';

const ID = '9b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
const OTHER_ID = '1b2f6c1e-3d4a-4e5b-8c7d-1a2b3c4d5e6f';
const minute = (m: number) => new Date(T0 + m * 60_000).toISOString();

let n = 0;
/** An op at `m` minutes after T0 (HLC wall = at), from `deviceId`. */
function mk(deviceId: string, m: number, type: string, data: Record<string, unknown>, counter = 0): FoldOp {
  n++;
  const opId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { ...makeOp(type, data, { opId, deviceSeq: n, entityId: ID, wall: T0 + m * 60_000, counter }), deviceId };
}
const receivedOp = (deviceId = 'tablet-a', m = 0) =>
  mk(deviceId, m, 'dossier.received', {
    code: 'H29-260310-01001',
    procedureId: 'khai-sinh',
    applicant: { name: 'Nguyễn Văn An', phone: '0912345678' },
    channel: 'counter',
    receivedAt: '2026-03-10T09:00:00+07:00',
    dueAt: '2026-03-13T17:00:00+07:00',
    documents: ['Tờ khai'],
    writtenByStaff: false,
    staffId: 's1',
  });
/** An action with what it needs to be valid on the wire (samples from tests/support/ops.ts). */
const act = (deviceId: string, m: number, action: DossierAction, extra: Record<string, unknown> = {}, counter = 0) =>
  mk(deviceId, m, 'dossier.transitioned', { action, staffId: 's1', ...actionNeeds(action), ...extra }, counter);
const update = (deviceId: string, m: number, changes: Record<string, unknown>, counter = 0) =>
  mk(deviceId, m, 'dossier.updated', { staffId: 's2', changes }, counter);

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** How to reach each status from a fresh receipt. */
const PATHS: Record<Exclude<DossierStatus, 'unknown'>, DossierAction[]> = {
  received: [],
  processing: ['start-processing'],
  'supplement-requested': ['request-supplement'],
  'supplement-received': ['request-supplement', 'receive-supplement'],
  'result-ready': ['start-processing', 'mark-result-ready'],
  returned: ['start-processing', 'mark-result-ready', 'return-result'],
  refused: ['refuse'],
  withdrawn: ['withdraw'],
  stopped: ['start-processing', 'stop'],
};

/** The lifecycle as the brief states it, written out independently of the code. */
const EXPECTED: Record<string, Partial<Record<DossierAction, DossierStatus>>> = {
  received: {
    'start-processing': 'processing',
    'request-supplement': 'supplement-requested',
    refuse: 'refused',
    withdraw: 'withdrawn',
    'apologize-extend': 'received',
  },
  processing: {
    'request-supplement': 'supplement-requested',
    'mark-result-ready': 'result-ready',
    refuse: 'refused',
    withdraw: 'withdrawn',
    stop: 'stopped',
    'apologize-extend': 'processing',
  },
  'supplement-requested': {
    'receive-supplement': 'supplement-received',
    refuse: 'refused',
    withdraw: 'withdrawn',
    stop: 'stopped',
    'apologize-extend': 'supplement-requested',
  },
  'supplement-received': {
    'start-processing': 'processing',
    'mark-result-ready': 'result-ready',
    withdraw: 'withdrawn',
    stop: 'stopped',
    'apologize-extend': 'supplement-received',
  },
  'result-ready': { 'return-result': 'returned' },
  returned: {},
  refused: {},
  withdrawn: {},
  stopped: {},
};

function reach(status: Exclude<DossierStatus, 'unknown'>): FoldOp[] {
  return [receivedOp(), ...PATHS[status].map((a, i) => act('tablet-a', i + 1, a))];
}

describe('dossier lifecycle: the transition table', () => {
  it('reaches every status along its path without flags', () => {
    for (const status of Object.keys(PATHS) as (keyof typeof PATHS)[]) {
      const s = foldDossier(ID, reach(status));
      expect(s.status, status).toBe(status);
      expect(s.flags).toEqual([]);
    }
  });

  it('applies every action from every status exactly as the table says, flagging the rest', () => {
    for (const status of Object.keys(PATHS) as (keyof typeof PATHS)[]) {
      for (const action of DOSSIER_ACTIONS) {
        const ops = [...reach(status), act('tablet-b', 30, action)];
        const s = foldDossier(ID, ops);
        const expected = EXPECTED[status][action];
        const label = `${status} + ${action}`;
        if (expected) {
          expect(s.status, label).toBe(expected);
          expect(s.flags, label).toEqual([]);
          expect(nextStatus(status, action), label).toBe(expected);
        } else {
          expect(s.status, label).toBe(status); // unchanged
          expect(s.flags, label).toEqual([{ opId: ops.at(-1)!.opId, code: 'impossible-transition' }]);
          expect(s.history.at(-1)!.flagged, label).toBe('impossible-transition');
          expect(nextStatus(status, action), label).toBeNull();
        }
        expect(allowedActions(status).includes(action), label).toBe(Boolean(expected));
      }
    }
  });

  it('offers no action on a dossier that does not exist yet', () => {
    expect(allowedActions('unknown')).toEqual([]);
    expect(allowedActions('received')).toEqual(['start-processing', 'request-supplement', 'refuse', 'withdraw', 'apologize-extend']);
    expect(allowedActions('result-ready')).toEqual(['return-result']);
    for (const s of FINAL_STATUSES) expect(allowedActions(s)).toEqual([]);
  });

  it('groups statuses into open, in progress and final', () => {
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual(Object.keys(PATHS).sort());
    expect(IN_PROGRESS_STATUSES).not.toContain('result-ready');
    expect(OPEN_STATUSES).toContain('result-ready');
  });
});

describe('dossier lifecycle fold', () => {
  it('takes the receipt as the initial state, in one sortable time form', () => {
    const s = foldDossier(ID, [receivedOp()]);
    expect(s).toMatchObject({
      id: ID,
      code: 'H29-260310-01001',
      procedureId: 'khai-sinh',
      applicant: { name: 'Nguyễn Văn An', phone: '0912345678' },
      channel: 'counter',
      receivedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-13T10:00:00.000Z',
      originalDueAt: '2026-03-13T10:00:00.000Z',
      documents: ['Tờ khai'],
      writtenByStaff: false,
      staffId: 's1',
      status: 'received',
      extended: false,
      supplementPeriods: [],
      flags: [],
    });
    expect(s.processedAt).toBeUndefined();
    expect(s.returnedAt).toBeUndefined();
  });

  it('is an empty, unknown dossier with no ops', () => {
    const s = foldDossier(ID, []);
    expect(s.status).toBe('unknown');
    expect(s.history).toEqual([]);
    expect(s.lastHlc).toBe('');
  });

  it('walks the happy path and records when processing ended and when the result was returned', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'start-processing'), act('a', 2, 'mark-result-ready'), act('a', 3, 'return-result')]);
    expect(s.status).toBe('returned');
    expect(s.processedAt).toBe(minute(2)); // result ready ends processing, not the return
    expect(s.returnedAt).toBe(minute(3));
    expect(s.history.map((e) => e.action ?? e.type)).toEqual(['dossier.received', 'start-processing', 'mark-result-ready', 'return-result']);
    expect(s.lastHlc).toBe(formatHlc({ wall: T0 + 3 * 60_000, counter: 0 }));
  });

  it('ends processing at refusal or stop, but not at withdrawal', () => {
    expect(foldDossier(ID, [receivedOp(), act('a', 5, 'refuse')]).processedAt).toBe(minute(5));
    expect(foldDossier(ID, [receivedOp(), act('a', 1, 'start-processing'), act('a', 6, 'stop')]).processedAt).toBe(minute(6));
    expect(foldDossier(ID, [receivedOp(), act('a', 1, 'start-processing'), act('a', 6, 'withdraw')]).processedAt).toBeUndefined();
  });

  it('records each supplement wait, closing it when the supplement arrives or the dossier ends', () => {
    const twice = foldDossier(ID, [
      receivedOp(),
      act('a', 10, 'request-supplement'),
      act('a', 20, 'receive-supplement'),
      act('a', 30, 'start-processing'),
      act('a', 40, 'request-supplement'),
      act('a', 50, 'receive-supplement'),
      act('a', 60, 'mark-result-ready'),
    ]);
    expect(twice.supplementPeriods).toEqual([
      { from: minute(10), to: minute(20) },
      { from: minute(40), to: minute(50) },
    ]);
    const stillWaiting = foldDossier(ID, [receivedOp(), act('a', 10, 'request-supplement')]);
    expect(stillWaiting.supplementPeriods).toEqual([{ from: minute(10) }]);
    const refusedWhileWaiting = foldDossier(ID, [receivedOp(), act('a', 10, 'request-supplement'), act('a', 25, 'refuse')]);
    expect(refusedWhileWaiting.supplementPeriods).toEqual([{ from: minute(10), to: minute(25) }]);
    // An extension while waiting does not end the wait.
    const extended = foldDossier(ID, [receivedOp(), act('a', 10, 'request-supplement'), act('a', 15, 'apologize-extend')]);
    expect(extended.supplementPeriods).toEqual([{ from: minute(10) }]);
  });

  it('moves the due date on apology-and-extension, keeping the status and the original date', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'start-processing'), act('a', 2, 'apologize-extend')]);
    expect(s.status).toBe('processing');
    expect(s.extended).toBe(true);
    expect(s.dueAt).toBe('2026-03-20T10:00:00.000Z');
    expect(s.originalDueAt).toBe('2026-03-13T10:00:00.000Z');
    const again = foldDossier(ID, [receivedOp(), act('a', 2, 'apologize-extend'), act('a', 3, 'apologize-extend', { newDueAt: '2026-03-27T17:00:00+07:00' })]);
    expect(again.dueAt).toBe('2026-03-27T10:00:00.000Z');
    expect(again.originalDueAt).toBe('2026-03-13T10:00:00.000Z');
  });

  it('keeps what each event said for the timeline', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'request-supplement'), update('b', 2, { 'applicant.phone': '0987654321' })]);
    expect(s.history[1]).toEqual({
      opId: s.history[1].opId,
      hlc: formatHlc({ wall: T0 + 60_000, counter: 0 }),
      deviceId: 'a',
      at: minute(1),
      type: 'dossier.transitioned',
      action: 'request-supplement',
      staffId: 's1',
      missingDocuments: ['Giấy chứng sinh'],
    });
    expect(s.history[2]).toMatchObject({ type: 'dossier.updated', staffId: 's2', changes: { 'applicant.phone': '0987654321' } });
    expect(s.history[2]).not.toHaveProperty('action');
  });
});

describe('conflicts between tablets', () => {
  it('gives identical state for two tablets’ interleaved ops in every one of 720 arrival orders', () => {
    const ops = [
      receivedOp('tablet-a', 0),
      act('tablet-a', 1, 'start-processing'),
      update('tablet-b', 2, { 'applicant.phone': '0987654321' }),
      act('tablet-b', 3, 'request-supplement'),
      act('tablet-a', 3, 'refuse'), // same wall time: device id breaks the tie
      update('tablet-a', 4, { 'applicant.phone': '0911111111', 'applicant.address': 'Thôn 3' }),
    ];
    const expected = foldDossier(ID, ops);
    const all = permutations(ops);
    expect(all).toHaveLength(720);
    for (const order of all) expect(foldDossier(ID, order)).toEqual(expected);
    // tablet-a sorts first at the same HLC, so the refusal wins and the supplement request is flagged.
    expect(expected.status).toBe('refused');
    expect(expected.applicant).toEqual({ name: 'Nguyễn Văn An', phone: '0911111111', address: 'Thôn 3' });
    expect(expected.flags).toEqual([{ opId: ops[3].opId, code: 'impossible-transition' }]);
    expect(expected.history.map((e) => e.opId)).toEqual([ops[0], ops[1], ops[2], ops[4], ops[3], ops[5]].map((o) => o.opId));
  });

  it('gives identical state in every order of a return racing a refusal from two tablets', () => {
    const ops = [
      receivedOp('tablet-a', 0),
      act('tablet-a', 1, 'start-processing'),
      act('tablet-a', 2, 'mark-result-ready'),
      act('tablet-a', 3, 'return-result'),
      act('tablet-b', 3, 'return-result', {}, 1), // the same return recorded on the other tablet
      update('tablet-b', 2, { 'applicant.name': 'Nguyễn Văn Ân' }, 1),
    ];
    const expected = foldDossier(ID, ops);
    for (const order of permutations(ops)) expect(foldDossier(ID, order)).toEqual(expected);
    expect(expected.status).toBe('returned');
    expect(expected.returnedAt).toBe(minute(3));
    expect(expected.flags).toEqual([{ opId: ops[4].opId, code: 'impossible-transition' }]); // returned twice
  });

  it('agrees on random orders of long histories from three tablets', () => {
    const rnd = seededRandom(1234);
    for (let round = 0; round < 30; round++) {
      const ops: FoldOp[] = [receivedOp('t1', 0)];
      // Random actions, valid or not, at random (sometimes equal) times from three tablets.
      for (let i = 0; i < 25; i++) {
        const device = `t${1 + Math.floor(rnd() * 3)}`;
        const m = 1 + Math.floor(rnd() * 40);
        const counter = Math.floor(rnd() * 2);
        if (rnd() < 0.6) ops.push(act(device, m, DOSSIER_ACTIONS[Math.floor(rnd() * DOSSIER_ACTIONS.length)], {}, counter));
        else
          ops.push(
            update(device, m, rnd() < 0.5 ? { 'applicant.name': `Tên ${i}` } : { 'applicant.phone': `09${String(i).padStart(8, '0')}`, documents: [`Giấy ${i}`] }, counter),
          );
      }
      const expected = foldDossier(ID, ops);
      for (let k = 0; k < 40; k++) expect(foldDossier(ID, shuffle(ops, rnd))).toEqual(expected);
      // Every op is accounted for: applied or flagged, never dropped.
      expect(expected.history).toHaveLength(ops.length);
      expect(new Set(expected.history.map((e) => e.opId)).size).toBe(ops.length);
      expect(expected.flags.map((f) => f.opId)).toEqual(expected.history.filter((e) => e.flagged).map((e) => e.opId));
      const sortedHlcs = expected.history.map((e) => e.hlc);
      expect([...sortedHlcs].sort()).toEqual(sortedHlcs);
    }
  });

  it('goes on from a folded state as if it had the ops behind it (a tablet started from a snapshot)', () => {
    const rnd = seededRandom(99);
    for (let round = 0; round < 30; round++) {
      const ops: FoldOp[] = [receivedOp('t1', 0)];
      for (let i = 0; i < 20; i++) {
        const device = `t${1 + Math.floor(rnd() * 3)}`;
        const m = 1 + i * 2 + Math.floor(rnd() * 2);
        if (rnd() < 0.7) ops.push(act(device, m, DOSSIER_ACTIONS[Math.floor(rnd() * DOSSIER_ACTIONS.length)]));
        else ops.push(update(device, m, { 'applicant.phone': `09${String(i).padStart(8, '0')}` }));
      }
      const sorted = [...ops].sort(compareOps);
      const cut = 1 + Math.floor(rnd() * (sorted.length - 1));
      const snapshot = foldDossier(ID, sorted.slice(0, cut));
      const frozen = structuredClone(snapshot);
      expect(foldDossier(ID, shuffle(sorted.slice(cut), rnd), snapshot)).toEqual(foldDossier(ID, ops));
      expect(snapshot).toEqual(frozen); // the state it started from is left as it was
    }
  });

  it('orders by HLC, then device id, then op id', () => {
    const a = { ...act('a', 1, 'start-processing'), opId: '00000000-0000-4000-8000-00000000000b' };
    const b = { ...a, deviceId: 'b', opId: '00000000-0000-4000-8000-00000000000a' };
    const a2 = { ...a, opId: '00000000-0000-4000-8000-00000000000c' };
    const later = act('0', 1, 'start-processing', {}, 1);
    expect([later, b, a2, a].sort(compareOps)).toEqual([a, a2, b, later]);
  });
});

describe('flags instead of drops', () => {
  it('flags a return after a refusal and leaves the refusal standing', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'refuse'), act('b', 2, 'return-result')]);
    expect(s.status).toBe('refused');
    expect(s.returnedAt).toBeUndefined();
    expect(s.history).toHaveLength(3);
    expect(s.history[2].flagged).toBe('impossible-transition');
  });

  it('flags a second receipt and keeps the first one’s data', () => {
    const second = { ...receivedOp('b', 1), data: { ...receivedOp().data, code: 'H29-260310-02001', applicant: { name: 'Someone Else' } } };
    const s = foldDossier(ID, [receivedOp('a', 0), second]);
    expect(s.flags).toEqual([{ opId: second.opId, code: 'duplicate-received' }]);
    expect(s.code).toBe('H29-260310-01001');
    expect(s.applicant.name).toBe('Nguyễn Văn An');
  });

  it('flags transitions and corrections that sort before the receipt', () => {
    const orphan = foldDossier(ID, [act('a', 1, 'start-processing')]);
    expect(orphan.status).toBe('unknown');
    expect(orphan.flags.map((f) => f.code)).toEqual(['missing-received']);
    // A tablet with a slow clock: its step sorts before the receipt made on another tablet.
    const early = act('b', -5, 'start-processing');
    const earlyFix = update('b', -4, { 'applicant.name': 'Too early' });
    const s = foldDossier(ID, [receivedOp('a', 0), early, earlyFix]);
    expect(s.status).toBe('received');
    expect(s.applicant.name).toBe('Nguyễn Văn An');
    expect(s.flags).toEqual([
      { opId: early.opId, code: 'missing-received' },
      { opId: earlyFix.opId, code: 'missing-received' },
    ]);
  });

  it('flags unknown and malformed ops without throwing', () => {
    const weird = [
      mk('a', 1, 'dossier.exploded', {}),
      mk('a', 2, 'dossier.transitioned', { action: 'teleport', staffId: 's' }),
      mk('a', 3, 'dossier.transitioned', { action: 'apologize-extend', staffId: 's', reason: 'x' }), // no new date
      mk('a', 4, 'dossier.transitioned', { action: 'toString', staffId: 's' }),
      mk('a', 5, 'dossier.updated', { staffId: 's' }),
      { ...mk('a', 6, 'dossier.transitioned', {}), data: null as unknown as Record<string, unknown> },
    ];
    const s = foldDossier(ID, [receivedOp(), ...weird]);
    expect(s.status).toBe('received');
    expect(s.flags.map((f) => f.code)).toEqual(['unknown-op', 'invalid-op', 'invalid-op', 'invalid-op', 'invalid-op', 'invalid-op']);
    const badReceipt = { ...receivedOp(), data: { code: 'x' } };
    expect(foldDossier(ID, [badReceipt]).flags.map((f) => f.code)).toEqual(['invalid-op']);
    expect(foldDossier(ID, [badReceipt]).status).toBe('unknown');
  });
});

describe('field corrections', () => {
  it('are last-writer-wins per field by HLC, whatever the arrival order', () => {
    const ops = [
      receivedOp(),
      update('b', 5, { 'applicant.phone': '0987654321' }),
      update('a', 3, { 'applicant.phone': '0911111111', 'applicant.name': 'Nguyễn Văn Ân' }),
      update('a', 4, { documents: ['Tờ khai', 'Bản sao CCCD'] }),
      update('c', 2, { 'applicant.address': 'Thôn 7', 'applicant.idNumber': '001085123456' }),
    ];
    for (const order of permutations(ops)) {
      const s = foldDossier(ID, order);
      expect(s.applicant).toEqual({ name: 'Nguyễn Văn Ân', phone: '0987654321', address: 'Thôn 7', idNumber: '001085123456' });
      expect(s.documents).toEqual(['Tờ khai', 'Bản sao CCCD']);
    }
  });

  it('break HLC ties by device id, the same way everywhere', () => {
    const x = update('tablet-x', 3, { 'applicant.phone': '0900000001' });
    const y = update('tablet-y', 3, { 'applicant.phone': '0900000002' });
    expect(foldDossier(ID, [receivedOp(), x, y]).applicant.phone).toBe('0900000002');
    expect(foldDossier(ID, [y, receivedOp(), x]).applicant.phone).toBe('0900000002');
  });

  it('still apply after the dossier is closed, and do not change its status', () => {
    const s = foldDossier(ID, [receivedOp(), act('a', 1, 'refuse'), update('a', 2, { 'applicant.phone': '0987654321' })]);
    expect(s.status).toBe('refused');
    expect(s.applicant.phone).toBe('0987654321');
    expect(s.flags).toEqual([]);
  });

  it('do not share arrays with the ops they came from', () => {
    const ops = [receivedOp(), update('a', 1, { documents: ['A'] })];
    const s = foldDossier(ID, ops);
    s.documents.push('mutated');
    expect((ops[1].data.changes as { documents: string[] }).documents).toEqual(['A']);
    expect(foldDossier(ID, ops).documents).toEqual(['A']);
  });
});

describe('robustness', () => {
  it('counts the same op twice once (pulled back after pushing)', () => {
    const ops = [receivedOp(), act('a', 1, 'start-processing'), act('a', 2, 'mark-result-ready'), act('a', 3, 'return-result')];
    const s = foldDossier(ID, [...ops, ...ops.map((o) => ({ ...o }))]);
    expect(s.flags).toEqual([]);
    expect(s.history).toHaveLength(4);
    expect(s).toEqual(foldDossier(ID, ops));
  });

  it('ignores ops of other dossiers', () => {
    const stray = { ...act('a', 1, 'refuse'), entityId: OTHER_ID };
    const s = foldDossier(ID, [receivedOp(), stray]);
    expect(s.status).toBe('received');
    expect(s.history).toHaveLength(1);
  });

  it('keeps dates in one sortable form, whatever form they came in, and rolls impossible days over as Date does', () => {
    const dated = (receivedAt: string) => {
      const op = receivedOp();
      return foldDossier(ID, [{ ...op, data: { ...op.data, receivedAt } }]).receivedAt;
    };
    expect(dated('2026-03-10T09:00:00+07:00')).toBe('2026-03-10T02:00:00.000Z');
    expect(dated('2026-03-10T02:00:00Z')).toBe('2026-03-10T02:00:00.000Z');
    expect(dated('2026-03-10T02:00:00.000Z')).toBe('2026-03-10T02:00:00.000Z');
    expect(dated('2026-02-30T02:00:00.000Z')).toBe('2026-03-02T02:00:00.000Z');
    expect(dated('2026-03-10T24:00:00.000Z')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('does not mutate its input', () => {
    const ops = [act('a', 2, 'start-processing'), receivedOp()];
    const copy = structuredClone(ops);
    foldDossier(ID, ops);
    expect(ops).toEqual(copy);
  });
});

describe('isOverdue', () => {
  const s = foldDossier(ID, [receivedOp()]);

  it('is late only after the due instant', () => {
    expect(isOverdue(s, new Date('2026-03-13T09:59:00Z'))).toBe(false);
    expect(isOverdue(s, new Date('2026-03-13T10:00:00Z'))).toBe(false);
    expect(isOverdue(s, new Date('2026-03-13T10:01:00Z'))).toBe(true);
  });

  it('only counts dossiers the desk still owes a result', () => {
    const late = new Date('2026-04-01T00:00:00Z');
    for (const status of IN_PROGRESS_STATUSES) expect(isOverdue({ ...s, status }, late)).toBe(true);
    for (const status of ['result-ready', ...FINAL_STATUSES, 'unknown'] as DossierStatus[]) expect(isOverdue({ ...s, status }, late)).toBe(false);
  });

  it('reads any ISO form and follows an extension', () => {
    expect(isOverdue({ status: 'processing', dueAt: '2026-03-13T17:00:00+07:00' }, new Date('2026-03-13T10:30:00Z'))).toBe(true);
    expect(isOverdue({ status: 'processing', dueAt: '' }, new Date())).toBe(false);
    const ext = foldDossier(ID, [receivedOp(), act('a', 1, 'apologize-extend')]);
    expect(isOverdue(ext, new Date('2026-03-15T00:00:00Z'))).toBe(false);
  });
});
