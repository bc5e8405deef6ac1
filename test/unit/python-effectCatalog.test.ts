import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { ownerOf } from '../../server/src/python/importRun';
import { buildImportModel } from '../../server/src/python/importModel';
import { initPythonParser } from '../../server/src/python/parser';
import { moduleEntry } from './pythonTestKit';

before(async () => {
  await initPythonParser();
});

/** Effects of a module body: `kind owner-kind`. */
function run(body: string): string[] {
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': body }), [moduleEntry('app:app')]);
  return model.effects.map((e) => `${e.kind} ${ownerOf(e.resource).kind}`);
}

test('Flask-SQLAlchemy calls that connect', () => {
  const fsa = 'from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\nclass User(db.Model):\n    pass\n';
  assert.deepEqual(run(fsa + 'db.create_all()\n'), ['ddl engine']);
  assert.deepEqual(run(fsa + 'db.drop_all()\n'), ['ddl engine']);
  assert.deepEqual(run(fsa + 'db.session.execute("x")\n'), ['query engine']);
  assert.deepEqual(run(fsa + 'db.session.query(User).filter(User.id == 1).first()\n'), ['query engine']);
  assert.deepEqual(run(fsa + 'User.query.filter_by(name="a").count()\n'), ['query engine']);
  assert.deepEqual(run(fsa + 'db.engine.connect()\n'), ['connect engine']);
  assert.deepEqual(run(fsa + 'db.session.add(User())\ndb.session.commit()\n'), ['write engine']);
});

test('SQLAlchemy core and ORM calls that connect', () => {
  const sa = 'from sqlalchemy import create_engine, inspect, MetaData\nfrom sqlalchemy.orm import Session, sessionmaker, declarative_base\nengine = create_engine("postgresql://x")\n';
  assert.deepEqual(run(sa + 'engine.connect()\n'), ['connect engine']);
  assert.deepEqual(run(sa + 'with engine.begin() as c:\n    c.execute("x")\n'), ['connect engine', 'query engine']);
  assert.deepEqual(run(sa + 'Base = declarative_base()\nBase.metadata.create_all(bind=engine)\n'), ['ddl engine']);
  assert.deepEqual(run(sa + 'm = MetaData()\nm.create_all(engine)\n'), ['ddl engine']);
  assert.deepEqual(run(sa + 'inspect(engine)\n'), ['query engine']);
  assert.deepEqual(run(sa + 'with Session(engine) as s:\n    s.execute("x")\n'), ['query engine']);
  assert.deepEqual(run(sa + 'S = sessionmaker(bind=engine)\nS().query(1).all()\n'), ['query engine']);
});

test('drivers and clients', () => {
  assert.deepEqual(run('import psycopg2\nc = psycopg2.connect("x")\n'), ['connect driverConnection']);
  assert.deepEqual(run('import psycopg\nc = psycopg.connect("x")\n'), ['connect driverConnection']);
  assert.deepEqual(run('import pymysql\nc = pymysql.connect(host="x")\n'), ['connect driverConnection']);
  assert.deepEqual(run('import MySQLdb\nc = MySQLdb.connect()\n'), ['connect driverConnection']);
  assert.deepEqual(run('import mysql.connector\nc = mysql.connector.connect()\n'), ['connect driverConnection']);
  assert.deepEqual(run('import sqlite3\nc = sqlite3.connect("app.db")\n'), ['connect driverConnection']);
  assert.deepEqual(run('from peewee import PostgresqlDatabase\ndb = PostgresqlDatabase("x")\ndb.connect()\n'), ['connect peeweeDb']);
  assert.deepEqual(run('from pymongo import MongoClient\nc = MongoClient()\n'), ['client client']);
  assert.deepEqual(run('import mongoengine\nmongoengine.connect("x")\n'), ['client client']);
  assert.deepEqual(run('from flask_pymongo import PyMongo\nfrom flask import Flask\nm = PyMongo(Flask(__name__))\n'), ['client client']);
  assert.deepEqual(run('from elasticsearch import Elasticsearch\nes = Elasticsearch("http://x")\n'), ['client client']);
});

test('things that do not connect by themselves', () => {
  assert.deepEqual(run('import sqlite3\nc = sqlite3.connect(":memory:")\n'), []);
  assert.deepEqual(run('from sqlalchemy import create_engine\nengine = create_engine("postgresql://x")\n'), []);
  assert.deepEqual(run('from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\ndb.init_app(app)\n'), []);
  assert.deepEqual(run('from sqlalchemy.orm import sessionmaker, scoped_session\nS = scoped_session(sessionmaker())\n'), []);
  assert.deepEqual(run('import redis\nr = redis.Redis()\n'), []);
  assert.deepEqual(run('from celery import Celery\nc = Celery("x")\n'), []);
  assert.deepEqual(run('from flask_pymongo import PyMongo\nm = PyMongo()\n'), []);
  assert.deepEqual(run('from playhouse.db_url import connect\ndb = connect("postgresql://x")\n'), []);
});

test('engine options: NullPool and in-memory sqlite are recorded', () => {
  const model = buildImportModel(
    new MemoryFileSystem({ '/w/app.py': 'from sqlalchemy import create_engine\nfrom sqlalchemy.pool import NullPool\ne = create_engine("x", poolclass=NullPool)\nf = create_engine("sqlite://")\ne.connect()\nf.connect()\n' }),
    [moduleEntry('app:app')],
  );
  const owners = model.effects.map((e) => ownerOf(e.resource));
  assert.equal(owners[0].nullPool, true);
  assert.equal(owners[1].inMemory, true);
});

test('SQLModel and model bases outside the workspace: metadata.create_all(engine) is DDL on that engine', () => {
  assert.deepEqual(run('from sqlmodel import SQLModel, create_engine\nengine = create_engine("x")\nSQLModel.metadata.create_all(engine)\n'), ['ddl engine']);
  assert.deepEqual(run('from sqlalchemy import create_engine\nfrom vendored.models import Base\ne = create_engine("x")\nBase.metadata.create_all(bind=e)\n'), ['ddl engine']);
  assert.deepEqual(run('import importlib.metadata\nv = importlib.metadata.version("flask")\n'), []);
});

test('MongoClient(connect=False) defers connecting to the first operation, the remedy pymongo itself suggests', () => {
  const effects = (app: string) => buildImportModel(new MemoryFileSystem({ '/w/app.py': app }), [moduleEntry('app:app')]).effects.map((e) => e.kind);
  assert.deepEqual(effects('from pymongo import MongoClient\nclient = MongoClient("mongodb://x", connect=False)\n'), []);
  assert.deepEqual(effects('from pymongo import MongoClient\nclient = MongoClient("mongodb://x", connect=True)\n'), ['client']);
});
