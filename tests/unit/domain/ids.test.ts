import { describe, expect, it } from 'vitest';
import { formatHlc, newId, validateOp } from '../../../src/domain';

describe('newId', () => {
  it('makes version 7 UUIDs that sort in the order they were made and pass the op schema', () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    const op = { opId: ids[0], deviceSeq: 1, type: 'survey.submitted', entityId: ids[1], at: new Date().toISOString(), hlc: formatHlc({ wall: Date.now(), counter: 0 }), data: { rating: 'satisfied' } };
    expect(validateOp(op)).toMatchObject({ ok: true });
  });
});
