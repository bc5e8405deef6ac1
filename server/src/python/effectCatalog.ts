import type { ResourceKind } from './values';

/**
 * What opens or uses a connection when it runs at import time, as data. Extend it by adding
 * names: constructors by their dotted import path, methods and attributes by resource kind.
 *
 * Deliberately absent (they do not connect by themselves): `create_engine` only builds a pool,
 * `SQLAlchemy(app)`/`db.init_app`, `sessionmaker`, `scoped_session`, Celery apps, and
 * `redis.Redis` (redis-py also checks the pid and rebuilds its pool after a fork).
 */

export type EffectKind =
  | 'connect' // opens a connection (driver connect, engine.connect/begin)
  | 'query' // uses a pooled or open connection
  | 'ddl' // create_all / drop_all / create_tables: connects and writes the schema
  | 'write' // session commit/flush: connects and writes rows
  | 'client' // starts a network client (MongoClient, Elasticsearch…)
  | 'dispose' // empties an engine's pool
  | 'close';

export interface CallSpec {
  effect?: EffectKind;
  /** Kind of the value the call returns (a new resource, owned by the receiver or the engine argument). */
  returns?: ResourceKind;
  /** Label of a new resource, for messages. */
  label?: string;
  driver?: string;
  family?: 'database' | 'network';
  /** Where an engine is passed (`metadata.create_all(engine)`, `Session(bind=engine)`). */
  engineArg?: { position: number; keyword: string };
  /** `with X(...) as c:` closes the returned resource when the block ends. */
  contextCloses?: boolean;
  /** Only when called with at least one positional argument (`PyMongo(app)` vs `PyMongo()`). */
  needsArgument?: boolean;
  /** A keyword that, set to `False`, defers connecting to the first operation (pymongo's `connect=False`). */
  deferredBy?: string;
  /** Remembers the engine passed here for later calls that use "the app's" engine (`Migrate(app, db)`). */
  registersEngine?: { position: number; keyword: string };
  /** Acts on the engine registered last (Flask-Migrate's `upgrade()` uses the app's `db`). */
  usesRegisteredEngine?: boolean;
}

function driver(name: string, contextCloses: boolean): CallSpec {
  return { effect: 'connect', returns: 'driverConnection', label: `${name} connection`, driver: name, family: 'database', contextCloses };
}

function client(label: string, extra: Partial<CallSpec> = {}): CallSpec {
  return { effect: 'client', returns: 'client', label, family: 'network', ...extra };
}

const ENGINE_ARG = { position: 0, keyword: 'bind' };

/** Calls of third-party names, by dotted import path. psycopg2's `with conn:` only ends a transaction. */
export const EXTERNAL_CALLS: Record<string, CallSpec> = {
  'psycopg2.connect': driver('psycopg2', false),
  'psycopg2.pool.SimpleConnectionPool': driver('psycopg2', false),
  'psycopg2.pool.ThreadedConnectionPool': driver('psycopg2', false),
  'psycopg.connect': driver('psycopg', true),
  'psycopg.Connection.connect': driver('psycopg', true),
  'psycopg_pool.ConnectionPool': driver('psycopg_pool', true),
  'pymysql.connect': driver('pymysql', true),
  'pymysql.Connect': driver('pymysql', true),
  'pymysql.connections.Connection': driver('pymysql', true),
  'MySQLdb.connect': driver('MySQLdb', true),
  'MySQLdb.Connect': driver('MySQLdb', true),
  'mysql.connector.connect': driver('mysql.connector', true),
  'sqlite3.connect': driver('sqlite3', false),
  'cx_Oracle.connect': driver('cx_Oracle', true),
  'oracledb.connect': driver('oracledb', true),
  'pyodbc.connect': driver('pyodbc', true),
  'sqlalchemy.create_engine': { returns: 'engine', label: 'SQLAlchemy engine' },
  'sqlalchemy.engine.create_engine': { returns: 'engine', label: 'SQLAlchemy engine' },
  'sqlalchemy.engine_from_config': { returns: 'engine', label: 'SQLAlchemy engine' },
  'flask_sqlalchemy.SQLAlchemy': { returns: 'fsa', label: 'Flask-SQLAlchemy' },
  'sqlmodel.create_engine': { returns: 'engine', label: 'SQLAlchemy engine' },
  'sqlmodel.Session': { returns: 'session', engineArg: ENGINE_ARG, contextCloses: true },
  'sqlalchemy.orm.sessionmaker': { returns: 'sessionFactory', engineArg: ENGINE_ARG },
  'sqlalchemy.orm.Session': { returns: 'session', engineArg: ENGINE_ARG, contextCloses: true },
  'sqlalchemy.orm.scoped_session': { returns: 'session', engineArg: { position: 0, keyword: 'session_factory' } },
  'sqlalchemy.inspect': { effect: 'query', engineArg: { position: 0, keyword: 'subject' } },
  'sqlalchemy.MetaData': { returns: 'metadata' },
  // Reflection checks a connection out of the pool and returns it there.
  'sqlalchemy.Table': { effect: 'query', engineArg: { position: -1, keyword: 'autoload_with' } },
  'sqlalchemy.schema.Table': { effect: 'query', engineArg: { position: -1, keyword: 'autoload_with' } },
  'flask_migrate.Migrate': { returns: 'extension', registersEngine: { position: 1, keyword: 'db' } },
  // Alembic migrations connect through the app's Flask-SQLAlchemy engine.
  'flask_migrate.upgrade': { effect: 'ddl', usesRegisteredEngine: true },
  'flask_migrate.downgrade': { effect: 'ddl', usesRegisteredEngine: true },
  'flask_migrate.stamp': { effect: 'ddl', usesRegisteredEngine: true },
  'sqlalchemy.schema.MetaData': { returns: 'metadata' },
  'sqlalchemy.orm.declarative_base': { returns: 'modelBase' },
  'sqlalchemy.ext.declarative.declarative_base': { returns: 'modelBase' },
  'peewee.PostgresqlDatabase': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  'peewee.MySQLDatabase': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  'peewee.SqliteDatabase': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  'playhouse.pool.PooledPostgresqlDatabase': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  'playhouse.pool.PooledMySQLDatabase': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  'playhouse.db_url.connect': { returns: 'peeweeDb', label: 'peewee database', driver: 'peewee', family: 'database' },
  // "MongoClient opened before fork. Create MongoClient with connect=False, or create client after forking."
  'pymongo.MongoClient': client('MongoClient', { deferredBy: 'connect' }),
  'pymongo.mongo_client.MongoClient': client('MongoClient', { deferredBy: 'connect' }),
  'mongoengine.connect': client('mongoengine connection'),
  'flask_pymongo.PyMongo': client('Flask-PyMongo client', { needsArgument: true }),
  'flask_mongoengine.MongoEngine': client('Flask-MongoEngine connection', { needsArgument: true }),
  'elasticsearch.Elasticsearch': client('Elasticsearch client'),
  'opensearchpy.OpenSearch': client('OpenSearch client'),
  'pika.BlockingConnection': client('RabbitMQ connection'),
  'kafka.KafkaProducer': client('KafkaProducer'),
  'kafka.KafkaConsumer': client('KafkaConsumer'),
};

const QUERY: CallSpec = { effect: 'query' };
const WRITE: CallSpec = { effect: 'write' };
const DDL: CallSpec = { effect: 'ddl' };
const CLOSE: CallSpec = { effect: 'close' };
const QUERY_TERMINALS = ['all', 'first', 'one', 'one_or_none', 'scalar', 'count', 'get', 'delete', 'update',
  'first_or_404', 'get_or_404', 'one_or_404', 'paginate', 'exists', 'scalar_one', 'scalar_one_or_none'];

/** Methods by the kind of their receiver; a method not listed does nothing we track. */
export const METHODS: Record<ResourceKind, Record<string, CallSpec>> = {
  engine: {
    connect: { effect: 'connect', returns: 'connection', contextCloses: true },
    begin: { effect: 'connect', returns: 'connection', contextCloses: true },
    raw_connection: { effect: 'connect', returns: 'connection' },
    execute: QUERY, scalar: QUERY, table_names: QUERY, has_table: QUERY, run_callable: QUERY,
    dispose: { effect: 'dispose' },
  },
  fsa: {
    create_all: DDL, drop_all: DDL, reflect: QUERY,
    get_engine: { returns: 'engine' },
    // Flask-SQLAlchemy 3 query helpers on `db` itself.
    paginate: QUERY, get_or_404: QUERY, first_or_404: QUERY, one_or_404: QUERY,
  },
  session: {
    execute: QUERY, scalar: QUERY, scalars: QUERY, get: QUERY, refresh: QUERY, commit: WRITE, flush: WRITE,
    query: { returns: 'query' }, connection: { effect: 'connect', returns: 'connection' },
  },
  sessionFactory: {},
  // `engine.pool.dispose()` empties the engine's pool like `engine.dispose()`.
  pool: { dispose: { effect: 'dispose' } },
  connection: {
    execute: QUERY, exec_driver_sql: QUERY, scalar: QUERY, scalars: QUERY, commit: QUERY,
    close: CLOSE, execution_options: { returns: 'connection' }, cursor: { returns: 'cursor' },
  },
  driverConnection: {
    cursor: { returns: 'cursor' }, execute: QUERY, executemany: QUERY, executescript: QUERY, commit: QUERY,
    rollback: QUERY, getconn: { returns: 'driverConnection' }, close: CLOSE, closeall: CLOSE,
  },
  cursor: { execute: QUERY, executemany: QUERY, fetchone: QUERY, fetchall: QUERY, fetchmany: QUERY, callproc: QUERY },
  query: Object.fromEntries(QUERY_TERMINALS.map((name) => [name, QUERY])),
  modelBase: {},
  metadata: {
    create_all: { effect: 'ddl', engineArg: ENGINE_ARG },
    drop_all: { effect: 'ddl', engineArg: ENGINE_ARG },
    reflect: { effect: 'query', engineArg: ENGINE_ARG },
  },
  peeweeDb: {
    connect: { effect: 'connect' }, create_tables: DDL, drop_tables: DDL, execute_sql: QUERY, get_tables: QUERY,
    close: CLOSE,
  },
  client: { close: CLOSE },
  extension: { init_app: { registersEngine: { position: 1, keyword: 'db' } } },
  flaskApp: {},
};

/** Attributes that yield another resource owned by the same engine (`db.session`, `db.engine`, `Model.query`). */
export const ATTRIBUTES: Partial<Record<ResourceKind, Record<string, ResourceKind>>> = {
  fsa: { engine: 'engine', session: 'session', Model: 'modelBase', metadata: 'metadata' },
  engine: { pool: 'pool' },
  modelBase: { metadata: 'metadata', query: 'query' },
  session: { bind: 'engine' },
  connection: { engine: 'engine', connection: 'driverConnection' },
};

/**
 * Attributes that hold a dict of resources, each like another attribute: Flask-SQLAlchemy 3's
 * `db.engines` maps each bind to its engine (the default one is `db.engine`; other binds are not tracked apart).
 */
export const COLLECTION_ATTRIBUTES: Partial<Record<ResourceKind, Record<string, string>>> = {
  fsa: { engines: 'engine' },
};

/** Methods of a query builder that return a narrower query rather than running it. */
export function isQueryBuilderMethod(name: string): boolean {
  return !QUERY_TERMINALS.includes(name);
}

/** Kinds that own sockets: effects are attributed to these. */
export const OWNER_KINDS: readonly ResourceKind[] = ['engine', 'driverConnection', 'client', 'peeweeDb'];

/** Flask-SQLAlchemy: `SQLALCHEMY_ENGINE_OPTIONS = {'poolclass': NullPool}` makes its engine pool-free. */
export const FSA_NULLPOOL_PATTERN = /SQLALCHEMY_ENGINE_OPTIONS[\s\S]{0,300}?NullPool/;
