// What other parts of the app may use of the dossier screens; everything else here is internal.
export { dossierRoutes } from './routes';
export { DossierList } from './DossierList';
export { IntakeForm } from './IntakeForm';
export { SignatureBox } from './SignatureBox';
export { StatusBadge } from './StatusBadge';
export type { IntakeDraft } from './intakeRules';
