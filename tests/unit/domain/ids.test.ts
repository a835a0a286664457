import { describe, expect, it } from 'vitest';
import { newId, validateOp } from '../../../src/domain';
import { makeOp } from '../../support/ops';

describe('newId', () => {
  it('makes version 7 UUIDs that sort in the order they were made and pass the op schema', () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    const op = makeOp('survey.submitted', { rating: 'satisfied' }, { opId: ids[0], entityId: ids[1], wall: Date.now() });
    expect(validateOp(op)).toMatchObject({ ok: true });
  });
});
