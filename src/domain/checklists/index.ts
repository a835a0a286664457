export * from './templates';
export * from './ops';
