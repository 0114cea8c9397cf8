/**
 * The workspace's dependency graph: which package depends on which (dependencies, devDependencies,
 * peerDependencies, optionalDependencies; `workspace:` ranges included), the order packages are published in
 * (dependencies first), and the cycle that makes such an order impossible, refused by name.
 */
import { StageError } from '../util/errors.js';
import { escapeLogText } from '../util/escape.js';
import type { WorkspacePackage } from './workspaces.js';

export const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DepField = (typeof DEP_FIELDS)[number];

export interface Edge {
  /** The package that depends. */
  readonly from: string;
  /** The workspace package it depends on. */
  readonly to: string;
  readonly field: DepField;
  /** The range as written (`^1.2.0`, `workspace:*`). */
  readonly range: string;
}

export interface PackageGraph {
  names: string[];
  edges: Edge[];
  /** name → the edges of the packages that depend on it. */
  dependents: Map<string, Edge[]>;
  /** name → the edges to the workspace packages it depends on. */
  dependencies: Map<string, Edge[]>;
}

/** The edges between workspace packages (a dependency on a package outside the workspace is not one). */
export function buildGraph(packages: WorkspacePackage[]): PackageGraph {
  const names = packages.map((p) => p.name);
  const known = new Set(names);
  const edges: Edge[] = [];
  for (const p of packages) {
    for (const field of DEP_FIELDS) {
      const deps = p.manifest[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const [to, range] of Object.entries(deps as Record<string, unknown>)) {
        if (known.has(to) && to !== p.name && typeof range === 'string') edges.push({ from: p.name, to, field, range });
      }
    }
  }
  const dependents = new Map<string, Edge[]>(names.map((n) => [n, []]));
  const dependencies = new Map<string, Edge[]>(names.map((n) => [n, []]));
  for (const e of edges) {
    dependents.get(e.to)?.push(e);
    dependencies.get(e.from)?.push(e);
  }
  return { names, edges, dependents, dependencies };
}

/**
 * Every package after the packages it depends on (ties in name order, so the order is stable). A cycle has no
 * such order: it is refused up front, naming the packages round it and the fields that make it.
 */
export function topologicalOrder(g: PackageGraph): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: Edge[] = [];
  const visit = (name: string) => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const start = stack.findIndex((e) => e.from === name);
      const loop = stack.slice(start);
      const path = [...loop.map((e) => escapeLogText(e.from)), escapeLogText(name)].join(' → ');
      const how = loop.map((e) => `${escapeLogText(e.from)} ${e.field} ${escapeLogText(e.to)}`).join(', ');
      throw new StageError(
        `the workspace packages depend on each other in a cycle: ${path} (${how}); no publish order exists. Remove one of these dependencies (a devDependency is usually the one to drop) and re-run.`,
      );
    }
    state.set(name, 'visiting');
    for (const e of [...(g.dependencies.get(name) ?? [])].sort((a, b) => a.to.localeCompare(b.to))) {
      stack.push(e);
      visit(e.to);
      stack.pop();
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const n of [...g.names].sort()) visit(n);
  return order;
}
