// What other parts of the app may use of the home-service screens.
export { homeRoutes, mobileRoutes } from './routes';
export { DayPlan } from './DayPlan';
