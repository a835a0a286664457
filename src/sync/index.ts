export * from './api';
export * from './backoff';
export * from './outbox';
export * from './inbox';
export * from './engine';
export * from './status';
export * from './enroll';
export * from './scheduler';
