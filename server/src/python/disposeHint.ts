import type { Scope } from './scope';
import type { Resource, Value } from './values';

/**
 * How code at this point can name an engine to dispose it: `engine.dispose()` for a name bound
 * to the engine, `db.engine.dispose()` for a Flask-SQLAlchemy object owning it. Undefined when
 * nothing in scope reaches it (the fix is then not offered).
 */
export function disposeTarget(scope: Scope, engine: Resource): string | undefined {
  const maps = [scope.locals, ...scope.enclosing, scope.module.namespace];
  let viaFsa: string | undefined;
  for (const names of maps) {
    for (const [name, value] of names) {
      const found = describe(value, engine);
      if (found === 'engine') return `${name}.dispose()`;
      if (found === 'fsa') viaFsa ??= `${name}.engine.dispose()`;
    }
  }
  return viaFsa;
}

function describe(value: Value, engine: Resource): 'engine' | 'fsa' | undefined {
  if (value.kind !== 'resource') return undefined;
  if (value.resource === engine) return 'engine';
  if (value.resource.kind === 'fsa' && value.resource.owner === engine) return 'fsa';
  return undefined;
}
