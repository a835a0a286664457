import { lazy } from 'react';
import { LETTER_KINDS, type CommuneConfig, type LetterKind } from '../../domain';
import { whenLoaded, type Route } from '../../app/routes';

// The letters screens load when first opened, not with the counter's first screen.
const LetterList = lazy(async () => ({ default: (await import('./LetterList')).LetterList }));
const LetterIssue = lazy(async () => ({ default: (await import('./LetterIssue')).LetterIssue }));
const LetterView = lazy(async () => ({ default: (await import('./LetterView')).LetterView }));

const isKind = (k: string): k is LetterKind => (LETTER_KINDS as readonly string[]).includes(k);

/** The letters by hash path: the list, a new letter (for a dossier, or "-" for none) and one letter. */
export const letterRoutes: Route<CommuneConfig>[] = [
  { pattern: '/letters', render: (_, config) => whenLoaded(<LetterList config={config} />) },
  // A longevity letter for a person on the home list (the letters list suggests it).
  { pattern: '/letters/new/client/:clientId', render: ({ clientId }, config) => whenLoaded(<LetterIssue key={`client/${clientId}`} clientId={clientId} kind="longevity" config={config} />) },
  {
    pattern: '/letters/new/:dossierId/:kind',
    render: ({ dossierId, kind }, config) =>
      isKind(kind)
        ? whenLoaded(<LetterIssue key={`${dossierId}/${kind}`} dossierId={dossierId === '-' ? undefined : dossierId} kind={kind} config={config} />)
        : null,
  },
  { pattern: '/letters/:id', render: ({ id }, config) => whenLoaded(<LetterView id={id} config={config} />) },
];
