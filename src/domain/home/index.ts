export * from './kinds';
export * from './ops';
export * from './clients';
export * from './visits';
