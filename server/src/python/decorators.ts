import { callValue, invoke } from './calls';
import { evalArgs, evalExpr } from './evalExpressions';
import { execClass, functionValue } from './execStatements';
import type { ImportRun } from './importRun';
import { siteLabel } from './importRun';
import type { PyNode } from './pyNode';
import type { Scope } from './scope';
import { bind } from './scope';
import type { Frame, FunctionValue, Value } from './values';

/**
 * `@decorator def f(): …`: Python evaluates each decorator expression (a factory call such as
 * `@preload('SELECT …')` runs now), then applies them bottom-up at import, so a workspace decorator's
 * body runs too. The decorated body itself runs only when called; post-fork and first-request hooks are noted.
 */
export function evalDecorated(run: ImportRun, node: PyNode, scope: Scope): void {
  const definition = node.get('definition');
  if (!definition) return;
  if (definition.type === 'class_definition') {
    for (const decorator of node.ofType('decorator')) evalExpr(run, decorator.children[0], scope);
    execClass(run, definition, scope);
    return;
  }
  const fn = functionValue(run, definition, scope);
  const applied: Array<{ value: Value; site: Frame; caches: boolean; member?: FunctionValue['member'] }> = [];
  for (const decorator of node.ofType('decorator')) {
    const expr = decorator.children[0];
    const value = evalExpr(run, expr?.type === 'call' ? expr.get('function') : expr, scope);
    const name = value.kind === 'external' ? value.name : expr?.text ?? '';
    const site = { file: scope.file, start: decorator.start, end: decorator.end, label: siteLabel(decorator.text) };
    if (/(^|\.)before_(app_)?first_request$/.test(name) || /(^|\.)before_(app_)?first_request$/.test(decoratorName(expr))) {
      run.hooks.push({ kind: 'beforeFirstRequest', target: fn, site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
    } else if (name === 'uwsgidecorators.postfork' || (value.kind === 'unknown' && run.uwsgidecoratorsImports.length > 0 && /^(uwsgidecorators\.)?postfork$/.test(decoratorName(expr)))) {
      run.hooks.push({ kind: 'postfork', target: fn, site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
    }
    const made = expr?.type === 'call' ? callValue(run, value, evalArgs(run, expr.get('arguments'), scope), expr, scope) : value;
    applied.push({ value: made, site, caches: isResultCache(value), member: memberKind(value, expr) });
  }
  let bound: Value = fn;
  for (const { value, site, caches, member } of applied.reverse()) {
    if (caches && bound.kind === 'function') bound = { ...bound, cachesResult: true };
    if (member && bound.kind === 'function') bound = { ...bound, member, cachesResult: bound.cachesResult || isCachedProperty(value) };
    if (isContextManagerDecorator(value) && bound.kind === 'function') bound = { ...bound, eager: true };
    // Only our own decorators are followed; what a library decorator returns is unknown, so the name keeps the function.
    if (value.kind !== 'function') continue;
    const result = invoke(run, value, { positional: [bound], keywords: new Map() }, site, scope);
    if (result.kind === 'function') bound = result;
  }
  bind(scope, fn.name, bound);
}

/** `@contextlib.contextmanager`: the `with` that calls it runs the generator right away. */
function isContextManagerDecorator(value: Value): boolean {
  return value.kind === 'external' && /^contextlib\.(async)?contextmanager$/.test(value.name);
}

/** `@functools.lru_cache`, `@functools.lru_cache(maxsize=None)`, `@functools.cache`. */
function isResultCache(value: Value): boolean {
  return value.kind === 'external' && /^functools\.(lru_cache|cache)$/.test(value.name);
}

/** The builtins (unless shadowed) and `functools.cached_property`: how the function binds as a class member. */
function memberKind(value: Value, expr: PyNode | undefined): FunctionValue['member'] {
  if (isCachedProperty(value)) return 'property';
  if (value.kind !== 'unknown' || expr?.type !== 'identifier') return undefined;
  return expr.text === 'property' || expr.text === 'staticmethod' || expr.text === 'classmethod' ? expr.text : undefined;
}

/** `@functools.cached_property`: computed on first read, then kept on the instance. */
function isCachedProperty(value: Value): boolean {
  return value.kind === 'external' && value.name === 'functools.cached_property';
}

function decoratorName(expr: PyNode | undefined): string {
  const target = expr?.type === 'call' ? expr.get('function') : expr;
  return target?.text.replace(/\s+/g, '') ?? '';
}
