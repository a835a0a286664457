/** Satisfaction levels used at desks (DESIGN.md › Facts); some communes leave "normal" out. */
export const RATINGS = ['very-satisfied', 'satisfied', 'normal', 'not-satisfied'] as const;
export type Rating = (typeof RATINGS)[number];
