import type { Span } from '../core/finding';
import type { PyNode } from './pyNode';

/**
 * Abstract values of the import-time model: just enough to follow which engine, session or
 * connection a call uses across modules, factories and methods. Anything else is `unknown`.
 */

/** A call-site frame of an import chain: ini entry → import → call → … → effect. */
export interface Frame extends Span {
  label: string;
}

/** Kinds the effect catalog gives methods and attributes to. */
export type ResourceKind =
  | 'engine' // SQLAlchemy Engine (pooled)
  | 'fsa' // Flask-SQLAlchemy `db`
  | 'session' // Session / scoped_session / db.session
  | 'sessionFactory' // sessionmaker()
  | 'connection' // SQLAlchemy Connection (checked out of a pool)
  | 'pool' // an engine's `.pool`
  | 'driverConnection' // DBAPI connection (psycopg2, pymysql, sqlite3…)
  | 'cursor'
  | 'query' // Model.query / session.query(...)
  | 'modelBase' // db.Model / declarative base
  | 'metadata'
  | 'peeweeDb'
  | 'client' // MongoClient, Elasticsearch…
  | 'extension' // a Flask extension that only remembers the app and engine (Flask-Migrate)
  | 'flaskApp';

export interface Resource {
  id: number;
  kind: ResourceKind;
  /** Library-level name for messages, e.g. `psycopg2 connection`, `SQLAlchemy engine`. */
  label: string;
  /** Where it was created. */
  origin?: Frame;
  /** The engine (or driver connection, client) whose sockets this resource uses. */
  owner?: Resource;
  /** Engine with `poolclass=NullPool`: nothing stays open after use. */
  nullPool?: boolean;
  /** sqlite `:memory:`: no socket or file to share. */
  inMemory?: boolean;
  /** Driver name for messages (`psycopg2`, `sqlite3`…). */
  driver?: string;
  /** Stored in a module global or an object attribute: lives for the process. */
  stored?: boolean;
  closed?: boolean;
  /** `with X as c:` closes it when the block ends. */
  contextCloses?: boolean;
  /** Connections: opened (by connect() or the first query). */
  opened?: boolean;
  /** Rule family for clients: database connections (UW301) or other network clients (UW303). */
  family?: 'database' | 'network';
  attrs?: Map<string, Value>;
}

export interface ModuleState {
  file?: string;
  name: string;
  isPackage: boolean;
  namespace: Map<string, Value>;
  packageDirs: string[];
  searchPath: string[];
  status: 'running' | 'done';
}

export type Value =
  | { kind: 'unknown' }
  | { kind: 'const'; value: string | number | boolean | null }
  /** `stored`: bound in a module global or on an object, so what is put in it later lives for the process too. */
  | { kind: 'dict'; entries: Map<string, Value>; stored?: boolean }
  | { kind: 'sequence'; items: Value[]; stored?: boolean }
  | { kind: 'module'; module: ModuleState }
  /**
   * `cachesResult`: `@functools.lru_cache`/`@cache` keep every result for the process.
   * `eager`: `@contextlib.contextmanager` generators run when called (the `with` consumes them at once).
   * `member`: how a class body's `@property` / `@staticmethod` / `@classmethod` binds when looked up.
   */
  | {
      kind: 'function'; def: PyNode; module: ModuleState; name: string; enclosing?: Map<string, Value>[]; self?: Value;
      defaults?: Map<string, Value>; cachesResult?: boolean; eager?: boolean; member?: 'property' | 'staticmethod' | 'classmethod';
    }
  | { kind: 'class'; def: PyNode; module: ModuleState; name: string; attrs: Map<string, Value>; bases: Value[] }
  | { kind: 'instance'; cls: Extract<Value, { kind: 'class' }>; attrs: Map<string, Value> }
  /** Third-party name, by its dotted import path (`sqlalchemy.create_engine`). */
  | { kind: 'external'; name: string }
  | { kind: 'resource'; resource: Resource }
  /** `engine.dispose` without the call, e.g. passed as `after_in_child=`. */
  | { kind: 'boundMethod'; resource: Resource; name: string }
  /** What calling a generator function returns: its body runs only when something iterates it. */
  | { kind: 'generator'; consume: () => Value };

export type FunctionValue = Extract<Value, { kind: 'function' }>;
export type ClassValue = Extract<Value, { kind: 'class' }>;

export const UNKNOWN: Value = { kind: 'unknown' };

export function resourceOf(value: Value | undefined): Resource | undefined {
  return value?.kind === 'resource' ? value.resource : undefined;
}
