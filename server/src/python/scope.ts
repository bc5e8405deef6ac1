import type { ModuleState, Value } from './values';
import { UNKNOWN } from './values';

/** Names visible while one block runs: function locals, enclosing functions, the module. */
export interface Scope {
  module: ModuleState;
  /** Module namespace at module level, the class namespace in a class body, else the function's locals. */
  locals: Map<string, Value>;
  kind: 'module' | 'class' | 'function';
  /** Names declared `global` in this function. */
  globals: Set<string>;
  /** Locals of enclosing functions, innermost first. */
  enclosing: Map<string, Value>[];
  file: string;
  /** Set by `return`. */
  returned?: Value;
  /** The first value a generator body yields (what `next()` gives). */
  yielded?: Value;
  /** Code that may not run (an `except` handler): it does not replace what a name is known to hold. */
  weak?: boolean;
  /**
   * An `except` handler: the fallback for when the `try` body failed. Under uWSGI the body's imports
   * succeed (`uwsgi`, `uwsgidecorators`), so the handler never replaces a name the body bound.
   */
  fallback?: boolean;
}

export function moduleScope(module: ModuleState, file: string): Scope {
  return { module, locals: module.namespace, kind: 'module', globals: new Set(), enclosing: [], file };
}

export function lookup(scope: Scope, name: string): Value {
  if (!scope.globals.has(name)) {
    const local = scope.locals.get(name);
    if (local) return local;
    for (const frame of scope.enclosing) {
      const value = frame.get(name);
      if (value) return value;
    }
  }
  const global = scope.module.namespace.get(name);
  if (global) return global;
  if (name === '__name__') return { kind: 'const', value: scope.module.name };
  if (name === '__file__' && scope.module.file) return { kind: 'const', value: scope.module.file };
  return UNKNOWN;
}

/** Binds a plain name; reports whether it landed in a module namespace (lives for the process). */
export function bind(scope: Scope, name: string, value: Value): boolean {
  if (scope.weak && informative(lookup(scope, name)) && !informative(value)) return false;
  if (scope.fallback && informative(lookup(scope, name))) return false;
  if (scope.kind === 'module' || scope.globals.has(name)) {
    scope.module.namespace.set(name, value);
    return true;
  }
  scope.locals.set(name, value);
  return scope.kind === 'class';
}

/** `import uwsgi` … `except ImportError: uwsgi = None`: the module is what matters under uWSGI. */
function informative(value: Value): boolean {
  return value.kind !== 'unknown' && value.kind !== 'const';
}
