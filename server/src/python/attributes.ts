import { ATTRIBUTES, COLLECTION_ATTRIBUTES, METHODS, OWNER_KINDS } from './effectCatalog';
import { invoke } from './calls';
import type { ImportRun } from './importRun';
import { newResource } from './importRun';
import type { ClassValue, Frame, FunctionValue, Resource, Value } from './values';
import { UNKNOWN } from './values';

/** Attribute lookup across modules, classes (bases, model classes), instances, resources and third-party names. */
export function getAttr(run: ImportRun, value: Value, name: string): Value {
  switch (value.kind) {
    case 'module':
      return value.module.namespace.get(name) ?? UNKNOWN;
    case 'class': {
      const found = classAttr(run, value, name, 0);
      return found?.kind === 'function' && found.member === 'classmethod' ? { ...found, self: value } : found ?? UNKNOWN;
    }
    case 'instance': {
      const own = value.attrs.get(name);
      if (own) return own;
      const found = classAttr(run, value.cls, name, 0);
      if (found?.kind !== 'function') return found ?? UNKNOWN;
      if (found.member === 'staticmethod') return found;
      if (found.member === 'classmethod') return { ...found, self: value.cls };
      if (found.member === 'property') return readProperty(run, value, found);
      return { ...found, self: value };
    }
    case 'resource':
      return (
        resourceAttr(run, value.resource, name) ??
        collectionAttr(run, value.resource, name) ??
        (METHODS[value.resource.kind]?.[name] ? { kind: 'boundMethod', resource: value.resource, name } : UNKNOWN)
      );
    case 'external':
      // `Base.metadata` of a model base we cannot see (SQLModel, a package outside the workspace).
      if (name === 'metadata') return { kind: 'resource', resource: newResource(run, { kind: 'metadata', label: `${value.name}.metadata` }) };
      return { kind: 'external', name: `${value.name}.${name}` };
    default:
      return UNKNOWN;
  }
}

/** Reading a `@property` runs its getter on the instance (a `cached_property` keeps the result on it). */
function readProperty(run: ImportRun, instance: Extract<Value, { kind: 'instance' }>, getter: FunctionValue): Value {
  const site = { file: getter.module.file ?? '', start: getter.def.start, end: getter.def.end, label: `${getter.name} (property)` };
  const result = invoke(run, { ...getter, self: instance }, { positional: [], keywords: new Map() }, site);
  if (getter.cachesResult) instance.attrs.set(getter.name, result);
  return result;
}

export function setAttr(run: ImportRun, target: Value, name: string, value: Value, site: Frame): void {
  if (target.kind === 'module') target.module.namespace.set(name, value);
  else if (target.kind === 'class' || target.kind === 'instance') target.attrs.set(name, value);
  else if (target.kind === 'resource') (target.resource.attrs ??= new Map()).set(name, value);
  else if (target.kind === 'external' && target.name === 'uwsgi' && name === 'post_fork_hook' && (value.kind === 'function' || value.kind === 'boundMethod')) {
    run.hooks.push({ kind: 'postForkHook', target: value, site, chain: [...run.frames], entryIndex: run.entryIndex, seq: run.seq++ });
  }
}

function classAttr(run: ImportRun, cls: ClassValue, name: string, depth: number): Value | undefined {
  const own = cls.attrs.get(name);
  if (own) return own;
  if (depth > 20) return undefined;
  for (const base of cls.bases) {
    if (base.kind === 'class') {
      const found = classAttr(run, base, name, depth + 1);
      if (found) return found;
    } else if (base.kind === 'resource' || isDeclarativeBase(base)) {
      // A model class: `User.query` and `Base.metadata` are bound to the model base's engine.
      const modelBase = base.kind === 'resource' ? base.resource : declarativeBase(run, cls);
      const found = resourceAttr(run, modelBase, name);
      if (found) return found;
    }
  }
  return undefined;
}

function isDeclarativeBase(value: Value): boolean {
  return value.kind === 'external' && /(^|\.)(DeclarativeBase|DeclarativeBaseNoMeta)$/.test(value.name);
}

/** `class Base(DeclarativeBase)`: the class itself acts as the model base. */
function declarativeBase(run: ImportRun, cls: ClassValue): Resource {
  const existing = cls.attrs.get('__model_base__');
  if (existing?.kind === 'resource') return existing.resource;
  const resource = newResource(run, { kind: 'modelBase', label: 'declarative base' });
  cls.attrs.set('__model_base__', { kind: 'resource', resource });
  return resource;
}

/** `db.engine`, `db.session`, `Model.query`: resources owned by the same engine, cached so identity holds. */
export function resourceAttr(run: ImportRun, resource: Resource, name: string): Value | undefined {
  const cached = resource.attrs?.get(name);
  if (cached) return cached;
  const kind = ATTRIBUTES[resource.kind]?.[name];
  if (!kind) return undefined;
  // What hangs off a socket owner (`engine.pool`) belongs to that owner.
  const owner = OWNER_KINDS.includes(resource.kind) ? resource : resource.owner ?? resource;
  const created: Resource =
    kind === 'engine' && resource.owner?.kind === 'engine'
      ? resource.owner
      : newResource(run, { kind, label: `${resource.label}.${name}`, owner });
  const value: Value = { kind: 'resource', resource: created };
  // A query is a fresh object each time in SQLAlchemy, but sharing one changes nothing we track.
  (resource.attrs ??= new Map()).set(name, value);
  return value;
}

/** `db.engines`: a dict of the resources another attribute gives (`db.engine`), cached like it. */
function collectionAttr(run: ImportRun, resource: Resource, name: string): Value | undefined {
  const each = COLLECTION_ATTRIBUTES[resource.kind]?.[name];
  if (!each) return undefined;
  const item = resourceAttr(run, resource, each);
  if (!item) return undefined;
  const value: Value = { kind: 'dict', entries: new Map([['default', item]]) };
  (resource.attrs ??= new Map()).set(name, value);
  return value;
}
