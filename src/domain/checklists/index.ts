export * from './templates';
export * from './versions';
export * from './ops';
export * from './scoring';
