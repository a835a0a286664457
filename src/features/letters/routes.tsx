import { LETTER_KINDS, type CommuneConfig, type LetterKind } from '../../domain';
import type { Route } from '../../app/routes';
import { LetterList } from './LetterList';
import { LetterIssue } from './LetterIssue';
import { LetterView } from './LetterView';

const isKind = (k: string): k is LetterKind => (LETTER_KINDS as readonly string[]).includes(k);

/** The letters by hash path: the list, a new letter (for a dossier, or "-" for none) and one letter. */
export const letterRoutes: Route<CommuneConfig>[] = [
  { pattern: '/letters', render: (_, config) => <LetterList config={config} /> },
  {
    pattern: '/letters/new/:dossierId/:kind',
    render: ({ dossierId, kind }, config) =>
      isKind(kind) ? <LetterIssue key={`${dossierId}/${kind}`} dossierId={dossierId === '-' ? undefined : dossierId} kind={kind} config={config} /> : null,
  },
  { pattern: '/letters/:id', render: ({ id }, config) => <LetterView id={id} config={config} /> },
];
