import type { Op } from '../domain';

/**
 * What a counter or mobile tablet receives of an op when it pulls. A kiosk comment is the
 * citizen's free text about the officers at that counter: it stays in the central op log (the
 * figures and the admin read it there) and never travels to staff tablets.
 */
export function opForTablet<T extends Pick<Op, 'type' | 'data'>>(op: T): T {
  if (op.type !== 'survey.submitted' || !('comment' in op.data)) return op;
  const { comment: _comment, ...data } = op.data as Record<string, unknown>;
  return { ...op, data };
}
