export * from './ratings';
export * from './definition';
export * from './ops';
export * from './rules';
