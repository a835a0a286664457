// What other parts of the app may use of the conduct checklists; everything else here is internal.
export { checklistRoutes } from './routes';
export { QuickCheckPrompt } from './QuickCheckPrompt';
export { isLeader } from './roles';
