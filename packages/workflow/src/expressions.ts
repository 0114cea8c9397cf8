/**
 * `${{ }}` evaluation with GitHub's own expression library (@actions/expressions): lexer, parser and evaluator
 * are GitHub's; this module adds the runner's functions (status functions, hashFiles), the conversion between
 * plain values and the library's data, and a three-valued evaluator for the dry run, where outputs of jobs that
 * have not run are unknown.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { data, Evaluator, Lexer, Parser, type Expr } from '@actions/expressions';
import {
  Binary,
  ContextAccess,
  FunctionCall,
  IndexAccess,
  Literal,
  Logical,
  Star,
  Unary,
} from '@actions/expressions/ast';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { TokenType } from '@actions/expressions/lexer';
import { equals, falsy, greaterThan, lessThan } from '@actions/expressions/result';

export type ExpressionData = data.ExpressionData;

/** Every context a workflow may name; which of them is filled depends on where the expression is. */
export const CONTEXT_NAMES = [
  'inputs',
  'needs',
  'steps',
  'env',
  'vars',
  'secrets',
  'github',
  'runner',
  'matrix',
  'strategy',
  'job',
  'jobs',
] as const;

export const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'] as const;
const EXTRA_FUNCTIONS = [
  ...STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 })),
  { name: 'hashFiles', minArgs: 1, maxArgs: 255 },
];

export class ExpressionSyntaxError extends Error {}

const parsed = new Map<string, Expr>();

/** Parses one expression (without `${{ }}`); cached, as a workflow evaluates the same text for every matrix leg. */
export function parseExpression(text: string): Expr {
  const hit = parsed.get(text);
  if (hit) return hit;
  try {
    const lexed = new Lexer(text).lex();
    const expr = new Parser(lexed.tokens, [...CONTEXT_NAMES], EXTRA_FUNCTIONS).parse();
    parsed.set(text, expr);
    return expr;
  } catch (e) {
    throw new ExpressionSyntaxError(`${JSON.stringify(text)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A value of the dry run that is only known once a job has run; `refs` names what it waits for. */
export class Unknown extends data.Null {
  constructor(readonly refs: readonly string[]) {
    super();
  }
}

export const isUnknown = (d: unknown): d is Unknown => d instanceof Unknown;

export function toData(value: unknown): ExpressionData {
  if (value instanceof Unknown) return value;
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toData));
  if (typeof value === 'object') {
    return new data.Dictionary(...Object.entries(value).map(([key, v]) => ({ key, value: toData(v) })));
  }
  return new data.StringData(String(value));
}

export function fromData(d: ExpressionData): unknown {
  switch (d.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
      return (d as data.BooleanData).value;
    case data.Kind.Number:
      return d.number();
    case data.Kind.String:
      return d.coerceString();
    case data.Kind.Array:
      return (d as data.Array).values().map(fromData);
    default: {
      const out: Record<string, unknown> = {};
      for (const p of (d as data.Dictionary).pairs()) out[p.key] = fromData(p.value);
      return out;
    }
  }
}

/** How a value is written into a string, as the runner does (true, 3, '' for null; JSON for objects). */
export function coerceToString(d: ExpressionData): string {
  if (d.kind === data.Kind.Array || d.kind === data.Kind.Dictionary) return JSON.stringify(fromData(d), null, 2);
  return d.coerceString();
}

/**
 * The status functions' view: the results of the needs (job `if:`) or of the earlier steps (step `if:`). 'skipped'
 * (a need was skipped) makes both success() and failure() false.
 */
export type Status = 'success' | 'failure' | 'skipped' | Unknown;

export interface EvalScope {
  contexts: Record<string, unknown>;
  /** The status success()/failure() read; Unknown in a dry run before the needs are decided. */
  status?: Status;
  cancelled?: boolean;
  /** hashFiles() globs relative to this directory (the job's workspace). */
  workspace?: string;
}

function statusFunctions(scope: EvalScope): Map<string, FunctionDefinition> {
  const status = scope.status ?? 'success';
  const bool = (f: (s: Exclude<Status, Unknown>) => boolean) => () =>
    status instanceof Unknown ? status : new data.BooleanData(f(status));
  const fns: FunctionDefinition[] = [
    { name: 'success', minArgs: 0, maxArgs: 0, call: bool((s) => s === 'success' && !scope.cancelled) },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: bool((s) => s === 'failure') },
    { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(scope.cancelled === true) },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (...args) =>
        new data.StringData(
          hashFiles(
            scope.workspace,
            args.map((a) => a.coerceString()),
          ),
        ),
    },
  ];
  return new Map(fns.map((f) => [f.name.toLowerCase(), f]));
}

/**
 * The runner's hashFiles: SHA-256 over the SHA-256 of each matching file, in path order; '' when none match.
 * Patterns are relative to the workspace, `!` excludes; nothing outside the workspace is read.
 */
export function hashFiles(workspace: string | undefined, patterns: string[]): string {
  if (!workspace) throw new Error('hashFiles() needs a job workspace (it is not available here)');
  const root = resolve(workspace);
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = new Set<string>();
  for (const p of include) {
    for (const f of globSync(p, { cwd: root, exclude })) {
      const abs = resolve(root, f);
      if (abs !== root && !abs.startsWith(root + sep)) continue;
      if (statSync(abs).isFile()) files.add(relative(root, abs));
    }
  }
  if (files.size === 0) return '';
  const outer = createHash('sha256');
  for (const f of [...files].sort())
    outer.update(
      createHash('sha256')
        .update(readFileSync(join(root, f)))
        .digest(),
    );
  return outer.digest('hex');
}

/** GitHub's evaluator, except that an Unknown operand makes the result Unknown unless it cannot matter. */
class PartialEvaluator extends Evaluator {
  private readonly tok = { type: TokenType.NULL, lexeme: '', line: 0, column: 0 } as never;

  override visitUnary(unary: Unary): ExpressionData {
    const r = this.eval(unary.expr);
    return r instanceof Unknown ? r : new data.BooleanData(falsy(r));
  }

  override visitBinary(binary: Binary): ExpressionData {
    const l = this.eval(binary.left);
    const r = this.eval(binary.right);
    if (l instanceof Unknown || r instanceof Unknown) return merge(l, r);
    switch (binary.operator.type) {
      case TokenType.EQUAL_EQUAL:
        return new data.BooleanData(equals(l, r));
      case TokenType.BANG_EQUAL:
        return new data.BooleanData(!equals(l, r));
      case TokenType.GREATER:
        return new data.BooleanData(greaterThan(l, r));
      case TokenType.GREATER_EQUAL:
        return new data.BooleanData(equals(l, r) || greaterThan(l, r));
      case TokenType.LESS:
        return new data.BooleanData(lessThan(l, r));
      case TokenType.LESS_EQUAL:
        return new data.BooleanData(equals(l, r) || lessThan(l, r));
    }
    throw new Error(`unknown binary operator: ${binary.operator.lexeme}`);
  }

  // a && b is false as soon as one operand is known false, whatever the unknown ones are (|| likewise with true).
  override visitLogical(logical: Logical): ExpressionData {
    const and = logical.operator.type === TokenType.AND;
    let unknown: Unknown | undefined;
    let result: ExpressionData = new data.Null();
    for (const arg of logical.args) {
      result = this.eval(arg);
      if (result instanceof Unknown) {
        unknown = unknown ? merge(unknown, result) : result;
        continue;
      }
      if (and ? falsy(result) : !falsy(result)) return result;
    }
    return unknown ?? result;
  }

  override visitIndexAccess(ia: IndexAccess): ExpressionData {
    const obj = this.eval(ia.expr);
    if (obj instanceof Unknown) return obj;
    const index = ia.index instanceof Star ? undefined : this.eval(ia.index);
    if (index instanceof Unknown) return index;
    return super.visitIndexAccess(
      new IndexAccess(new Literal(obj, this.tok), index ? new Literal(index, this.tok) : ia.index),
    );
  }

  override visitFunctionCall(call: FunctionCall): ExpressionData {
    const args = call.args.map((a) => this.eval(a));
    const unknowns = args.filter((a): a is Unknown => a instanceof Unknown);
    if (unknowns.length) return unknowns.reduce(merge);
    return super.visitFunctionCall(
      new FunctionCall(
        call.functionName,
        args.map((a) => new Literal(a, this.tok)),
      ),
    );
  }
}

function merge(a: ExpressionData, b: ExpressionData): Unknown {
  const refs = [...(a instanceof Unknown ? a.refs : []), ...(b instanceof Unknown ? b.refs : [])];
  return new Unknown([...new Set(refs)]);
}

/** Evaluates one expression (without `${{ }}`). */
export function evaluate(text: string, scope: EvalScope): ExpressionData {
  const expr = parseExpression(text);
  const ctx = toData(scope.contexts) as data.Dictionary;
  return new PartialEvaluator(expr, ctx, statusFunctions(scope)).evaluate();
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

export const hasExpression = (s: string): boolean => /\$\{\{[\s\S]*?\}\}/.test(s);

/** Every `${{ }}` of a string, without the braces. */
export function expressionsIn(s: string): string[] {
  return [...s.matchAll(TEMPLATE)].map((m) => (m[1] ?? '').trim());
}

/**
 * A workflow value with its `${{ }}` evaluated. A string that is one expression keeps the expression's type (a
 * matrix from fromJSON stays an array); expressions inside text are written as strings. Mapping keys are kept.
 */
export function interpolate(value: unknown, scope: EvalScope): unknown {
  if (typeof value === 'string') {
    const only = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
    if (only && !only[1]!.includes('}}')) {
      const d = evaluate(only[1]!.trim(), scope);
      return d instanceof Unknown ? d : fromData(d);
    }
    let unknown: Unknown | undefined;
    const out = value.replace(TEMPLATE, (_m, text: string) => {
      const d = evaluate(text.trim(), scope);
      if (d instanceof Unknown) unknown = unknown ? merge(unknown, d) : d;
      return coerceToString(d);
    });
    return unknown ?? out;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, scope));
  if (value && typeof value === 'object' && !(value instanceof Unknown)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, scope)]));
  }
  return value;
}

/** The value as the string the runner would pass (inputs, env): booleans and numbers as text, null as ''. */
export function asString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Whether an `if:` names a status function; without one the runner adds `success() &&`. */
export function usesStatusFunction(text: string): boolean {
  const found = { hit: false };
  walk(parseExpression(text), (e) => {
    if (
      e instanceof FunctionCall &&
      (STATUS_FUNCTIONS as readonly string[]).includes(e.functionName.lexeme.toLowerCase())
    ) {
      found.hit = true;
    }
  });
  return found.hit;
}

/** The context paths an expression reads (`needs.plan.outputs.sha`, `steps.x.outputs.y`), for static checks. */
export function referencesIn(text: string): string[] {
  const refs: string[] = [];
  const path = (e: Expr): string[] | undefined => {
    if (e instanceof ContextAccess) return [e.name.lexeme];
    if (e instanceof IndexAccess) {
      const base = path(e.expr);
      if (!base) return undefined;
      if (e.index instanceof Literal && e.index.literal.kind === data.Kind.String) {
        return [...base, e.index.literal.coerceString()];
      }
      return base;
    }
    return undefined;
  };
  const visit = (e: Expr, inPath: boolean): void => {
    if (e instanceof IndexAccess || e instanceof ContextAccess) {
      if (!inPath) {
        const p = path(e);
        if (p) refs.push(p.join('.'));
      }
      if (e instanceof IndexAccess) {
        visit(e.expr, true);
        visit(e.index, false);
      }
      return;
    }
    for (const child of children(e)) visit(child, false);
  };
  visit(parseExpression(text), false);
  return refs;
}

function children(e: Expr): Expr[] {
  if (e instanceof Unary) return [e.expr];
  if (e instanceof Binary) return [e.left, e.right];
  if (e instanceof Logical) return e.args;
  if (e instanceof FunctionCall) return e.args;
  if (e instanceof IndexAccess) return [e.expr, e.index];
  if ('group' in e) return [(e as { group: Expr }).group];
  return [];
}

function walk(e: Expr, f: (e: Expr) => void): void {
  f(e);
  for (const c of children(e)) walk(c, f);
}

export const truthyValue = (v: unknown): boolean => !falsy(toData(v));

export const isTruthy = (d: ExpressionData): boolean => !falsy(d);
