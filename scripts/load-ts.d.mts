import type { BuildOptions } from 'esbuild';

/** Bundles with esbuild (these options on top of node/ESM/in-memory ones) and imports the result from a temp file. */
export function importBundle(options: BuildOptions): Promise<unknown>;
/** Loads a TypeScript module of this repository (path from the root) through an esbuild bundle. */
export function loadTs(entry: string): Promise<Record<string, unknown>>;
