export * from './task-result.ts';
