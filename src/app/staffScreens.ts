import { lazy } from 'react';

// The features a counter or mobile tablet's shell shows, loaded when first drawn: the one place
// in the shell that names features, so no feature is imported into app/ anywhere else.

/** What a signed-in clerk works in: the counter's routes (dossiers, needs attention). */
export const StaffRoutes = lazy(async () => ({ default: (await import('../features/counter/CounterRoutes')).CounterRoutes }));

/** The tablet handed to a citizen: the kiosk's survey, locked behind a staff PIN. */
export const SurveyMode = lazy(() => import('../features/kiosk/SurveyMode'));
