// What other parts of the app may use of the letters screens.
export { letterRoutes } from './routes';
export { DossierLetters } from './DossierLetters';
