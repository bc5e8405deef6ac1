import { resourceAttr } from './attributes';
import type { CallSpec } from './effectCatalog';
import { METHODS, isQueryBuilderMethod } from './effectCatalog';
import type { Args } from './evalExpressions';
import type { ImportRun } from './importRun';
import { newResource, ownerOf, recordEffect } from './importRun';
import type { Frame, Resource, Value } from './values';
import { resourceOf, UNKNOWN } from './values';

/** A catalogued third-party call: creates the engine, client or connection and records its I/O. */
export function applyExternal(run: ImportRun, spec: CallSpec, name: string, args: Args, site: Frame): Value {
  register(run, spec, args);
  if (spec.usesRegisteredEngine) {
    const engine = run.registeredEngines[run.registeredEngines.length - 1] ?? anonymousEngine(run, site);
    if (spec.effect) recordEffect(run, spec.effect, engine, site);
    return UNKNOWN;
  }
  if (spec.returns === 'engine') return wrap(createEngine(run, name, args, site));
  if (spec.returns === 'fsa') return wrap(createFlaskSqlalchemy(run, args, site));
  const bound = spec.engineArg ? argument(args, spec.engineArg.position, spec.engineArg.keyword) : undefined;
  if (!spec.returns) {
    if (spec.effect && bound) recordEffect(run, spec.effect, bound, site);
    return UNKNOWN;
  }
  const resource = newResource(run, {
    kind: spec.returns,
    label: spec.label ?? name.split('.').pop() ?? name,
    origin: site,
    owner: bound,
    driver: spec.driver,
    family: spec.family,
    contextCloses: spec.contextCloses,
  });
  const deferred = spec.deferredBy !== undefined && isFalse(args.keywords.get(spec.deferredBy));
  if (spec.effect && !deferred && !(spec.needsArgument && args.positional.length === 0) && !isInMemorySqlite(name, args)) {
    resource.opened = true;
    recordEffect(run, spec.effect, resource, site);
  }
  return wrap(resource);
}

/** A method of a resource (`engine.connect()`, `db.session.commit()`, `Model.query.all()`). */
export function applyMethod(run: ImportRun, receiver: Resource, name: string, args: Args, site: Frame): Value {
  if (receiver.kind === 'query' && isQueryBuilderMethod(name)) return wrap(receiver);
  if (name === '__call__') {
    if (receiver.kind === 'sessionFactory') return wrap(newResource(run, { kind: 'session', label: 'session', owner: receiver.owner, contextCloses: true }));
    return receiver.kind === 'session' ? wrap(receiver) : UNKNOWN;
  }
  if (receiver.kind === 'client' && name === 'init_app' && !receiver.opened) {
    receiver.opened = true;
    recordEffect(run, 'client', receiver, site);
    return UNKNOWN;
  }
  const spec = METHODS[receiver.kind]?.[name];
  if (!spec) return UNKNOWN;
  register(run, spec, args);
  let target = receiver;
  if (spec.engineArg) {
    const own = receiver.owner ? ownerOf(receiver.owner) : undefined;
    target = argument(args, spec.engineArg.position, spec.engineArg.keyword) ?? (own?.kind === 'engine' ? own : anonymousEngine(run, site));
  }
  if (spec.effect === 'close' && run.inExcept === 0) receiver.closed = true;
  if (receiver.kind === 'peeweeDb' && spec.effect && spec.effect !== 'close') receiver.opened = true;
  if (spec.returns) {
    if (spec.returns === 'engine') return resourceAttr(run, receiver, 'engine') ?? UNKNOWN;
    const created = newResource(run, {
      kind: spec.returns,
      label: `${receiver.label}.${name}()`,
      origin: site,
      owner: receiver,
      contextCloses: spec.contextCloses,
      family: receiver.family,
    });
    if (spec.effect) {
      created.opened = true;
      recordEffect(run, spec.effect, created, site);
    }
    return wrap(created);
  }
  if (spec.effect) recordEffect(run, spec.effect, target, site);
  return UNKNOWN;
}

/** Leaving `with X as c:` closes connections whose context manager closes them. */
export function closeOnExit(resource: Resource): void {
  if (resource.contextCloses) resource.closed = true;
}

function createEngine(run: ImportRun, name: string, args: Args, site: Frame): Resource {
  const url = args.positional[0] ?? args.keywords.get('url');
  const poolclass = args.keywords.get('poolclass');
  return newResource(run, {
    kind: 'engine',
    label: 'SQLAlchemy engine',
    origin: site,
    nullPool: poolclass?.kind === 'external' && /NullPool$/.test(poolclass.name),
    inMemory: url?.kind === 'const' && typeof url.value === 'string' && /^sqlite(\+\w+)?:\/\/(\/:memory:.*)?$/.test(url.value),
    driver: name,
    family: 'database',
  });
}

/** `db = SQLAlchemy(app)`: no connection yet; its engine (`db.engine`) is one resource for the run. */
function createFlaskSqlalchemy(run: ImportRun, args: Args, site: Frame): Resource {
  const options = args.keywords.get('engine_options');
  const poolclass = options?.kind === 'dict' ? options.entries.get('poolclass') : undefined;
  const engine = newResource(run, {
    kind: 'engine',
    label: 'Flask-SQLAlchemy engine',
    origin: site,
    nullPool: run.nullPoolFsa || (poolclass?.kind === 'external' && /NullPool$/.test(poolclass.name)),
    family: 'database',
  });
  return newResource(run, { kind: 'fsa', label: 'db', origin: site, owner: engine, family: 'database' });
}

function anonymousEngine(run: ImportRun, site: Frame): Resource {
  return newResource(run, { kind: 'engine', label: 'SQLAlchemy engine', origin: site, family: 'database' });
}

/** An engine-like resource passed at `position` or as `keyword`; engines are what effects attach to. */
function argument(args: Args, position: number, keyword: string): Resource | undefined {
  const value = args.keywords.get(keyword) ?? args.positional[position];
  const resource = resourceOf(value);
  if (!resource) return undefined;
  return resource.kind === 'sessionFactory' || resource.kind === 'connection' ? resource : ownerOf(resource);
}

function isInMemorySqlite(name: string, args: Args): boolean {
  if (name !== 'sqlite3.connect') return false;
  const target = args.positional[0] ?? args.keywords.get('database');
  return target?.kind === 'const' && typeof target.value === 'string' && /^(:memory:|file::memory:)/.test(target.value);
}

function wrap(resource: Resource): Value {
  return { kind: 'resource', resource };
}

/** `Migrate(app, db)` / `migrate.init_app(app, db)`: later `upgrade()` uses this engine. */
function register(run: ImportRun, spec: CallSpec, args: Args): void {
  if (!spec.registersEngine) return;
  const engine = argument(args, spec.registersEngine.position, spec.registersEngine.keyword);
  if (engine) run.registeredEngines.push(engine);
}

function isFalse(value: Value | undefined): boolean {
  return value?.kind === 'const' && value.value === false;
}
