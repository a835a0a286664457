import type { DossierEvent, DossierState, TransitionAction } from '../../domain';

/** The forms of Circular 03/2025 printed for one dossier (01, the slip, lives with the dossier screens). */
export const DOSSIER_FORMS = ['02', '03', '04', '05', '06'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

/** The event each form is made from; form 06 travels with every dossier. */
const MADE_BY: Record<Exclude<DossierForm, '06'>, readonly TransitionAction[]> = {
  '02': ['request-supplement'],
  '03': ['refuse'],
  '04': ['apologize-extend'],
  '05': ['stop', 'withdraw'],
};

/** The latest applied event that made `form` (a reprint shows the latest), or undefined. */
export function eventFor(d: Pick<DossierState, 'history'>, form: Exclude<DossierForm, '06'>): DossierEvent | undefined {
  return d.history.findLast((e) => !e.flagged && e.action !== undefined && MADE_BY[form].includes(e.action));
}

/** The forms this dossier has had an event for, in form order: offered on the detail, reprintable. */
export function papersFor(d: Pick<DossierState, 'history' | 'status'>): DossierForm[] {
  if (d.status === 'unknown') return [];
  return DOSSIER_FORMS.filter((f) => f === '06' || eventFor(d, f));
}

/** The form an action makes (02 for a supplement request …), if any. */
export function formMadeBy(action: TransitionAction): DossierForm | undefined {
  return (Object.keys(MADE_BY) as Exclude<DossierForm, '06'>[]).find((f) => MADE_BY[f].includes(action));
}

export const isDossierForm = (s: string): s is DossierForm => (DOSSIER_FORMS as readonly string[]).includes(s);
