export * from './database';
export * from './writes';
export * from './queries';
export * from './config';
export * from './storage';
export * from './attention';
export * from './surveys';
export * from './setup';
