export * from './kinds';
export * from './templates';
export * from './ops';
export * from './merge';
