export * from './storage';
export * from './time';
