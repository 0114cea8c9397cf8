/** The release dashboard: a static HTML page generated from release-status.yaml. */
export * from './model.js';
export * from './render.js';
export { esc, tone } from './charts.js';
