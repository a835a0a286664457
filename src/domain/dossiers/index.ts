export * from './lifecycle';
export * from './ops';
export * from './decree';
export * from './due';
