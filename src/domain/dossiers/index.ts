export * from './lifecycle';
export * from './ops';
