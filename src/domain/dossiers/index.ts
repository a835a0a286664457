export * from './lifecycle';
export * from './ops';
export * from './due';
