export * from './figures';
export * from './report-shape';
