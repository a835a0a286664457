export * from './figures';
export * from './report-shape';
export * from './report';
