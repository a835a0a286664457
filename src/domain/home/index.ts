export * from './ops';
