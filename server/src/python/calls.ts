import { getAttr } from './attributes';
import { applyExternal, applyMethod } from './callCatalog';
import { containerMethod } from './containers';
import { EXTERNAL_CALLS } from './effectCatalog';
import type { Args } from './evalExpressions';
import { evalExpr, markStored } from './evalExpressions';
import { execBlock } from './execStatements';
import { importDotted } from './execImports';
import { isCoroutineFunction, isGeneratorFunction } from './generators';
import type { ImportRun } from './importRun';
import { MAX_DEPTH, siteLabel } from './importRun';
import type { PyNode } from './pyNode';
import type { Scope } from './scope';
import { moduleScope } from './scope';
import { pathCall } from './pathCalls';
import { UNKNOWN, type ClassValue, type Frame, type FunctionValue, type Value } from './values';

/** `receiver.name(args)`: catalog methods on resources, hook registrations, then ordinary lookup and call. */
export function callMethod(run: ImportRun, receiver: Value, name: string, args: Args, node: PyNode, scope: Scope): Value {
  const site = { file: scope.file, start: node.start, end: node.end, label: siteLabel(node.text) };
  if ((name === 'before_first_request' || name === 'before_app_first_request') && args.positional.length > 0) {
    run.hooks.push({ kind: 'beforeFirstRequest', target: args.positional[0], site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
    return args.positional[0];
  }
  if (receiver.kind === 'external' && receiver.name === 'os' && name === 'register_at_fork') {
    const child = args.keywords.get('after_in_child');
    if (child) run.hooks.push({ kind: 'registerAtFork', target: child, site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
    return UNKNOWN;
  }
  if (receiver.kind === 'resource') {
    const own = receiver.resource.attrs?.get(name);
    if (own) return callValue(run, own, args, node, scope);
    const before = run.effects.length;
    const result = applyMethod(run, receiver.resource, name, args, site);
    for (const effect of run.effects.slice(before)) effect.scope = scope;
    return result;
  }
  return containerMethod(receiver, name, args) ?? callValue(run, getAttr(run, receiver, name), args, node, scope);
}

export function callValue(run: ImportRun, callee: Value, args: Args, node: PyNode, scope: Scope): Value {
  const site = { file: scope.file, start: node.start, end: node.end, label: siteLabel(node.text) };
  switch (callee.kind) {
    case 'function':
      return invoke(run, callee, args, site, scope);
    case 'class':
      return instantiate(run, callee, args, node, scope);
    case 'external': {
      const path = pathCall(callee.name, args, scope);
      if (path) return path;
      const spec = EXTERNAL_CALLS[callee.name];
      if (spec) return applyExternal(run, spec, callee.name, args, site);
      const imported = dynamicImport(run, callee.name, args, scope, site);
      if (imported) return imported;
      // `postfork(reset_pool)`: the call form of the decorator registers the function the same way.
      const target = args.positional[0];
      if (callee.name === 'uwsgidecorators.postfork' && (target?.kind === 'function' || target?.kind === 'boundMethod')) {
        run.hooks.push({ kind: 'postfork', target, site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
        return target;
      }
      if (callee.name === 'flask.Flask') return { kind: 'resource', resource: { id: run.nextResourceId++, kind: 'flaskApp', label: 'Flask app' } };
      return UNKNOWN;
    }
    case 'resource':
      return applyMethod(run, callee.resource, '__call__', args, site);
    case 'boundMethod':
      return applyMethod(run, callee.resource, callee.name, args, site);
    default:
      return UNKNOWN;
  }
}

/** `importlib.import_module('app.db')`: a literal name is imported like an `import` statement. */
function dynamicImport(run: ImportRun, name: string, args: Args, scope: Scope, site: Frame): Value | undefined {
  if (name !== 'importlib.import_module') return undefined;
  const target = args.positional[0];
  if (target?.kind !== 'const' || typeof target.value !== 'string' || target.value.startsWith('.')) return undefined;
  const chain = importDotted(run, target.value, scope.module.searchPath, site);
  const module = chain?.[chain.length - 1];
  return module ? { kind: 'module', module } : undefined;
}

/** Follows a workspace function; a generator function only runs when its generator is iterated. */
export function invoke(run: ImportRun, fn: FunctionValue, args: Args, site: Frame, callerScope?: Scope): Value {
  if (isGeneratorFunction(fn.def) && !fn.eager) {
    // The body waits for the first iteration, and runs at most once.
    let result: Value | undefined;
    return { kind: 'generator', consume: () => (result ??= runBody(run, fn, args, site, callerScope)?.yielded ?? UNKNOWN) };
  }
  if (isCoroutineFunction(fn.def)) {
    // A coroutine runs when awaited (or run by an event loop) and gives what it returns.
    let result: Value | undefined;
    return { kind: 'generator', consume: () => (result ??= runBody(run, fn, args, site, callerScope)?.returned ?? UNKNOWN) };
  }
  const scope = runBody(run, fn, args, site, callerScope);
  // A context-manager generator gives the `with` target what it yields.
  const result = (fn.eager ? scope?.yielded : undefined) ?? scope?.returned ?? UNKNOWN;
  if (fn.cachesResult) markStored(result);
  return result;
}

/** Parameters bound, body run under a call frame; recursion and depth bounded. */
function runBody(run: ImportRun, fn: FunctionValue, args: Args, site: Frame, callerScope?: Scope): Scope | undefined {
  if (run.active.has(fn.def) || run.frames.length >= MAX_DEPTH || !fn.module.file) return undefined;
  const scope: Scope = {
    ...moduleScope(fn.module, fn.module.file),
    locals: new Map(),
    kind: 'function',
    enclosing: fn.enclosing ?? [],
  };
  bindParameters(fn, args, scope);
  run.frames.push(site);
  run.callerScopes.push(callerScope);
  run.active.add(fn.def);
  try {
    if (fn.def.type === 'lambda') scope.returned = evalExpr(run, fn.def.get('body'), scope);
    else execBlock(run, fn.def.get('body')?.children ?? [], scope);
  } finally {
    run.active.delete(fn.def);
    run.frames.pop();
    run.callerScopes.pop();
  }
  return scope;
}

function bindParameters(fn: FunctionValue, args: Args, scope: Scope): void {
  const positional = fn.self ? [fn.self, ...args.positional] : args.positional;
  let index = 0;
  for (const param of fn.def.get('parameters')?.children ?? []) {
    if (param.type === 'list_splat_pattern' || param.type === 'dictionary_splat_pattern' || param.type === 'keyword_separator') continue;
    const nameNode = param.type === 'identifier' ? param : param.get('name') ?? param.ofType('identifier')[0];
    const name = nameNode?.text;
    if (!name) continue;
    const value = positional[index++] ?? args.keywords.get(name) ?? fn.defaults?.get(name) ?? UNKNOWN;
    scope.locals.set(name, value);
  }
}

/** `Cls(...)`: an instance whose `__init__` runs; a subclass of a catalogued class behaves like it. */
function instantiate(run: ImportRun, cls: ClassValue, args: Args, node: PyNode, scope: Scope): Value {
  for (const base of cls.bases) {
    if (base.kind === 'external' && EXTERNAL_CALLS[base.name]) return callValue(run, base, args, node, scope);
  }
  const instance: Value = { kind: 'instance', cls, attrs: new Map() };
  const init = getAttr(run, instance, '__init__');
  if (init.kind === 'function') invoke(run, init, args, { file: scope.file, start: node.start, end: node.end, label: siteLabel(node.text) }, scope);
  return instance;
}
