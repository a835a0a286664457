// The conduct pages, one chunk loaded when first opened: only the quick check is on the counter's
// first screen (it follows a receipt or a return).
export { ChecklistsHome } from './ChecklistsHome';
export { DailyCheck } from './SelfCheck';
export { SpotCheck } from './SpotCheck';
export { ConductFigures } from './ConductFigures';
