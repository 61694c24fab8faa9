export { formatFailure, formatMismatch, formatStage, formatStages } from './format-failure.ts';
