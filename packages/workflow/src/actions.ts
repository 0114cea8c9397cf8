/**
 * What a `uses:` names, and whether the local executor can run it: this repository's JavaScript actions (their
 * committed dist, as the runner runs them), four third-party actions with local stand-ins, reusable workflows of
 * this repository or of the caller's. Anything else is refused by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UnsupportedError } from './model.js';

export interface ActionInput {
  default?: string;
  required?: boolean;
}

export interface ActionMeta {
  inputs: Record<string, ActionInput>;
  outputs: string[];
}

export type StandIn = 'checkout' | 'setup-node' | 'upload-artifact' | 'download-artifact';

export type ResolvedAction =
  | { kind: 'node'; uses: string; dir: string; main: string; meta: ActionMeta }
  | { kind: 'stand-in'; uses: string; name: StandIn; meta: ActionMeta };

/** The inputs and outputs of the stand-ins: the real actions' (v5/v6), so a misspelt `with:` key is refused. */
export const STAND_INS: Record<StandIn, ActionMeta> = {
  checkout: {
    inputs: {
      repository: {},
      ref: {},
      token: {},
      'persist-credentials': { default: 'true' },
      path: {},
      clean: { default: 'true' },
      'fetch-depth': { default: '1' },
      'fetch-tags': { default: 'false' },
      'show-progress': {},
      lfs: { default: 'false' },
      submodules: { default: 'false' },
      'set-safe-directory': {},
      'sparse-checkout': {},
      'sparse-checkout-cone-mode': {},
      filter: {},
      'ssh-key': {},
      'ssh-known-hosts': {},
      'ssh-strict': {},
      'ssh-user': {},
      'github-server-url': {},
    },
    outputs: ['ref', 'commit'],
  },
  'setup-node': {
    inputs: {
      'node-version': {},
      'node-version-file': {},
      'check-latest': {},
      architecture: {},
      token: {},
      cache: {},
      'package-manager-cache': {},
      'cache-dependency-path': {},
      'registry-url': {},
      scope: {},
      'always-auth': {},
      mirror: {},
      'mirror-token': {},
    },
    outputs: ['cache-hit', 'node-version'],
  },
  'upload-artifact': {
    inputs: {
      name: { default: 'artifact' },
      path: { required: true },
      'if-no-files-found': { default: 'warn' },
      'retention-days': {},
      'compression-level': {},
      overwrite: { default: 'false' },
      'include-hidden-files': { default: 'false' },
    },
    outputs: ['artifact-id', 'artifact-url', 'artifact-digest'],
  },
  'download-artifact': {
    inputs: {
      name: {},
      'artifact-ids': {},
      path: {},
      pattern: {},
      'merge-multiple': { default: 'false' },
      'github-token': {},
      repository: {},
      'run-id': {},
    },
    outputs: ['download-path'],
  },
};

const STAND_IN_RE = /^actions\/(checkout|setup-node|upload-artifact|download-artifact)@[\w.\-/]+$/;
/** `<owner>/release-actions/actions/<x>@<ref>`: a fork keeps the repository's name. */
const OWN_ACTION_RE = /^[\w.-]+\/release-actions\/actions\/([\w-]+)@[\w.\-/]+$/;
const OWN_WORKFLOW_RE = /^[\w.-]+\/release-actions\/(\.github\/workflows\/[\w.-]+\.ya?ml)@[\w.\-/]+$/;

// A run reads the same action.yml for every step that uses it.
const metaCache = new Map<string, { meta: ActionMeta; main: string; using: string }>();

export function readActionMeta(dir: string): { meta: ActionMeta; main: string; using: string } {
  const hit = metaCache.get(dir);
  if (hit) return hit;
  const read = readActionMetaUncached(dir);
  metaCache.set(dir, read);
  return read;
}

function readActionMetaUncached(dir: string): { meta: ActionMeta; main: string; using: string } {
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new UnsupportedError(`no action.yml in ${dir}`);
  const doc = parseYaml(readFileSync(file, 'utf8')) as {
    inputs?: Record<string, { default?: unknown; required?: boolean }>;
    outputs?: Record<string, unknown>;
    runs?: { using?: string; main?: string; pre?: string; post?: string };
  };
  const using = String(doc.runs?.using ?? '');
  if (!/^node\d+$/.test(using)) {
    throw new UnsupportedError(
      `${file}: runs.using ${using || '(none)'} is not supported locally (JavaScript actions only)`,
    );
  }
  if (doc.runs?.pre || doc.runs?.post) {
    throw new UnsupportedError(`${file}: runs.pre / runs.post are not supported locally`);
  }
  const inputs: Record<string, ActionInput> = {};
  for (const [k, v] of Object.entries(doc.inputs ?? {})) {
    inputs[k] = { default: v?.default === undefined ? undefined : String(v.default), required: v?.required === true };
  }
  return {
    meta: { inputs, outputs: Object.keys(doc.outputs ?? {}) },
    main: String(doc.runs?.main ?? 'index.js'),
    using,
  };
}

export interface Resolver {
  /** This package: actions/<x>/ and .github/workflows/ of release-actions. */
  packageRoot: string;
  /** The repository being released (the caller's), for `./` references. */
  repository: string;
}

/**
 * A step's `uses:`. `./actions/<x>` is looked up in the job's workspace first (the runner's meaning), then in this
 * package (a workflow of release-actions itself, or a check before the workspace exists).
 */
export function resolveAction(uses: string, r: Resolver, workspace?: string): ResolvedAction {
  const standIn = STAND_IN_RE.exec(uses);
  if (standIn) return { kind: 'stand-in', uses, name: standIn[1] as StandIn, meta: STAND_INS[standIn[1] as StandIn] };
  let dir: string | undefined;
  const own = OWN_ACTION_RE.exec(uses);
  if (own) dir = join(r.packageRoot, 'actions', own[1]!);
  else if (uses.startsWith('./')) {
    const inWorkspace = workspace ? resolve(workspace, uses) : undefined;
    dir = [inWorkspace, resolve(r.packageRoot, uses)].find((d) => d && existsSync(join(d, 'action.yml')));
    if (!dir)
      throw new UnsupportedError(`uses: ${uses}: no action.yml there (looked in the workspace and in release-actions)`);
  } else if (uses.startsWith('docker://')) {
    throw new UnsupportedError(`uses: ${uses}: docker actions are not supported by the local executor`);
  } else {
    throw new UnsupportedError(
      `uses: ${uses} is not supported by the local executor (it runs this repository's actions and local stand-ins for actions/checkout, actions/setup-node, actions/upload-artifact and actions/download-artifact)`,
    );
  }
  if (!existsSync(join(dir, 'action.yml'))) throw new UnsupportedError(`uses: ${uses}: no action ${dir}`);
  const { meta, main } = readActionMeta(dir);
  return { kind: 'node', uses, dir, main: join(dir, main), meta };
}

/** A job's `uses:` (a reusable workflow): the file to run. */
export function resolveWorkflow(uses: string, r: Resolver): string {
  const own = OWN_WORKFLOW_RE.exec(uses);
  if (own) return join(r.packageRoot, own[1]!);
  // The reusable workflow of this package is what a caller's `./.github/workflows/release.yml` means here.
  if (uses === './.github/workflows/release.yml') return join(r.packageRoot, '.github/workflows/release.yml');
  if (/^\.\/\.github\/workflows\/[\w.-]+\.ya?ml$/.test(uses)) {
    const file = resolve(r.repository, uses);
    if (!existsSync(file)) throw new UnsupportedError(`uses: ${uses}: no such workflow in ${r.repository}`);
    return file;
  }
  throw new UnsupportedError(
    `uses: ${uses}: reusable workflows of other repositories are not supported by the local executor (only release-actions' own and ./.github/workflows/…)`,
  );
}
