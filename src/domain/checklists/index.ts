export * from './templates';
export * from './ops';
export * from './scoring';
