/**
 * dashboard/: the release dashboard, a static HTML page generated from release-status.yaml (no script, no
 * request). model.ts reads the status record tolerantly; render.ts writes the page; charts.ts draws its inline
 * SVG charts.
 */
export * from './model.js';
export * from './render.js';
export { esc, tone } from './charts.js';
