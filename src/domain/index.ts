export * from './time';
export * from './calendar';
export * from './text';
export * from './validation';
export * from './hlc';
export * from './codes';
export * from './devices';
export * from './ops';
export * from './pin';
export * from './entities';
export * from './ids';
// Capabilities: each folder owns its op schemas, enums and rules.
export * from './dossiers';
export * from './surveys';
export * from './checklists';
export * from './letters';
export * from './home';
export * from './figures';
