import seed from '../../src/domain/demo/demo-commune.json';
import { configFromSeed, type CommuneSeed } from '../../src/app/demo';
import type { DeviceInfo, FriendlyDeskDB } from '../../src/db';
import { opsInState, setUpDevice } from '../../src/db';
import type { SurveyDefinition } from '../../src/domain';

/** The bundled demo commune as a tablet keeps it (no readable PINs). */
export const demoConfig = configFromSeed(seed as CommuneSeed);

/**
 * The demo survey as a commune that configured the long flow of before: every criterion by its
 * label, every yes/no question, the comment, then the receipt code.
 */
export const longFlowSurvey: SurveyDefinition = {
  ...demoConfig.survey!,
  criteria: demoConfig.survey!.criteria.map(({ id, label }) => ({ id, label })),
  flow: [
    ...demoConfig.survey!.criteria.map((c) => ({ kind: 'criterion' as const, id: c.id })),
    ...demoConfig.survey!.questions.map((q) => ({ kind: 'question' as const, id: q.id })),
    { kind: 'comment' as const },
    { kind: 'dossier' as const },
  ],
};

export const demoPins: Record<string, string> = Object.fromEntries(seed.staff.map((s) => [s.id, s.pin]));

export function testDevice(deviceNo = 1, deviceId = crypto.randomUUID()): DeviceInfo {
  const { id, code, name } = demoConfig.commune;
  return { deviceId, deviceNo, kind: 'counter', commune: { id, code, name }, mode: 'demo' };
}

export async function setUpDemoTablet(db: FriendlyDeskDB, deviceNo = 1): Promise<DeviceInfo> {
  const device = testDevice(deviceNo);
  await setUpDevice(db, device, demoConfig);
  return device;
}

/** What a clerk fills in to receive a dossier for `name` at the counter (demo commune). */
export const counterIntake = (name: string) => ({
  procedureId: demoConfig.procedures[0].id,
  applicant: { name },
  channel: 'counter' as const,
  documents: ['Tờ khai'],
  writtenByStaff: false,
  staffId: demoConfig.staff[0].id,
  dueAt: '2026-03-12T10:00:00.000Z',
});

/**
 * The two ways an op this tablet made is stored once the server has it (src/db/sent.ts): rewritten
 * as synced, or left as it was sent, below the outbox's checkpoint. Every reader must take both.
 */
export const SENT_WAYS: [string, (db: FriendlyDeskDB) => Promise<unknown>][] = [
  ['rewritten as synced', (db) => opsInState(db, 'pending').modify({ state: 'synced' })],
  ['left below the checkpoint', async (db) => db.meta.put({ key: 'sentThrough', value: Math.max(0, ...(await db.ops.toArray()).map((op) => op.deviceSeq)) })],
];
