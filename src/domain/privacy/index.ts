export * from './retention';
export * from './lockout';
