import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pinAtLeast, pinnedVersion, pythonPins } from '../../server/src/deploy/pythonPins';
import { parseSpecifier, rangeAtLeast } from '../../server/src/deploy/pep440';
import { parseRequirement } from '../../server/src/deploy/requirementLine';
import { contextFor, spanText } from './appTestContext';

test('requirements.txt: exact pin, extras, markers, comments and -r includes', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\n',
    '/ws/requirements.txt': '# web\n-r requirements/base.txt\nFlask[async]==2.3.2 ; python_version >= "3.8"  # pinned\n',
    '/ws/requirements/base.txt': 'SQLAlchemy>=1.4.33,<2\npsycopg2-binary\n',
  };
  const context = contextFor(files);
  const flask = pinnedVersion(context, 'flask');
  assert.equal(flask?.exact, '2.3.2');
  assert.equal(flask?.via, 'requirements.txt');
  assert.match(spanText(files, flask!.origin), /^Flask\[async\]==2\.3\.2/);
  const sqlalchemy = pinnedVersion(context, 'SQLAlchemy');
  assert.equal(sqlalchemy?.specifier, '>=1.4.33,<2');
  assert.equal(pinAtLeast(sqlalchemy, '1.4.33'), true);
  assert.equal(pinnedVersion(context, 'psycopg2_binary')?.specifier, '');
  assert.equal(pinAtLeast(pinnedVersion(context, 'psycopg2-binary'), '2'), undefined);
});

test('requirements include cycles and missing files degrade quietly', () => {
  const context = contextFor({
    '/ws/requirements.txt': '-r requirements-dev.txt\n-r missing.txt\nflask~=2.2\n',
    '/ws/requirements-dev.txt': '-r requirements.txt\n',
  });
  const flask = pinnedVersion(context, 'flask');
  assert.equal(flask?.specifier, '~=2.2');
  assert.equal(pinAtLeast(flask, '2.3'), undefined);
  assert.equal(pinAtLeast(flask, '3'), false);
  assert.equal(pinAtLeast(flask, '2.2'), true);
});

test('pyproject PEP 621 dependencies (multi-line array) and poetry tables', () => {
  const files = {
    '/ws/pyproject.toml': [
      '[project]',
      'name = "shop"',
      'dependencies = [',
      '  "flask>=2.3",   # web',
      "  'sqlalchemy[asyncio]~=1.4.40',",
      ']',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'Flask-SQLAlchemy = { version = "^3.0", extras = ["x"] }',
      'psycopg2 = "2.9.5"',
    ].join('\n'),
  };
  const context = contextFor(files);
  const flask = pinnedVersion(context, 'flask');
  assert.equal(flask?.source, 'pyproject');
  assert.equal(spanText(files, flask!.origin), 'flask>=2.3');
  assert.equal(pinAtLeast(flask, '2.3'), true);
  assert.equal(pinAtLeast(pinnedVersion(context, 'sqlalchemy'), '1.4.33'), true);
  const fsa = pinnedVersion(context, 'flask_sqlalchemy');
  assert.equal(fsa?.specifier, '^3.0');
  assert.equal(pinAtLeast(fsa, '4'), false);
  assert.equal(pinnedVersion(context, 'psycopg2')?.exact, '2.9.5');
  assert.equal(pinnedVersion(context, 'python'), undefined);
});

test('lock files win over ranges; Pipfile packages are read', () => {
  const context = contextFor({
    '/ws/Pipfile': '[packages]\nflask = "*"\nsqlalchemy = {version = "==1.4.30"}\n[dev-packages]\npytest = "*"\n',
    '/ws/poetry.lock': '[[package]]\nname = "flask"\nversion = "2.2.5"\n\n[[package]]\nname = "click"\nversion = "8.1.3"\n',
  });
  const flask = pinnedVersion(context, 'flask');
  assert.equal(flask?.source, 'lock');
  assert.equal(flask?.exact, '2.2.5');
  assert.equal(pinAtLeast(flask, '2.3'), false);
  assert.equal(pinnedVersion(context, 'sqlalchemy')?.exact, '1.4.30');
  assert.equal(pinAtLeast(pinnedVersion(context, 'sqlalchemy'), '1.4.33'), false);
  assert.equal(pinnedVersion(context, 'pytest'), undefined);
});

test('uv.lock with inline tables and nested arrays', () => {
  const context = contextFor({
    '/ws/uv.lock': [
      'version = 1',
      '[[package]]',
      'name = "sqlalchemy"',
      'version = "2.0.21"',
      'source = { registry = "https://pypi.org/simple" }',
      'dependencies = [',
      '    { name = "greenlet", marker = "platform_machine == \'x86_64\'" },',
      ']',
    ].join('\n'),
  });
  assert.equal(pinnedVersion(context, 'sqlalchemy')?.exact, '2.0.21');
  assert.equal(pythonPins(context).length, 1);
});

test('nearest folder first: a service folder beats the workspace root', () => {
  const context = contextFor(
    { '/ws/requirements.txt': 'flask==2.0.1\n', '/ws/api/requirements.txt': 'flask==2.3.3\n', '/ws/api/uwsgi.ini': '' },
    { rootPath: '/ws/api/uwsgi.ini' },
  );
  assert.equal(pinnedVersion(context, 'flask')?.exact, '2.3.3');
});

test('specifier ranges: ~=, ^, ~, wildcard, unions, pre-releases', () => {
  assert.equal(rangeAtLeast(parseSpecifier('==2.3.*'), '2.3'), true);
  assert.equal(rangeAtLeast(parseSpecifier('==2.2.*'), '2.3'), false);
  assert.equal(rangeAtLeast(parseSpecifier('^0.2.3'), '0.3'), false);
  assert.equal(rangeAtLeast(parseSpecifier('~2.3'), '2.4'), false);
  assert.equal(rangeAtLeast(parseSpecifier('<2.3'), '2.3'), false);
  assert.equal(rangeAtLeast(parseSpecifier('<=2.3'), '2.3'), undefined);
  assert.equal(rangeAtLeast(parseSpecifier('>2.2'), '2.3'), undefined);
  assert.equal(rangeAtLeast(parseSpecifier('^2.3 || ^3.0'), '2.3'), true);
  assert.equal(rangeAtLeast(parseSpecifier('==2.3.0rc1'), '2.3'), false);
  assert.equal(rangeAtLeast(parseSpecifier('==2.3.0rc1'), '2.2'), true);
  assert.equal(rangeAtLeast(parseSpecifier('garbage'), '2.3'), undefined);
  assert.equal(rangeAtLeast(parseSpecifier(''), '2.3'), undefined);
});

test('malformed files never throw', () => {
  const context = contextFor({
    '/ws/pyproject.toml': '[project\ndependencies = ["flask>=2.3"\n',
    '/ws/Pipfile': '[packages]\nflask = {version = \n',
    '/ws/poetry.lock': '[[package]]\nname = \nversion = "x"\n',
    '/ws/requirements.txt': '\\\n==\n-e .\nhttps://x/y.whl\nflask @ https://x/flask.whl\n',
  });
  assert.doesNotThrow(() => pythonPins(context));
});

test('Pipfile.lock default packages are locked versions; broken JSON is ignored', () => {
  const context = contextFor({ '/ws/Pipfile.lock': '{"_meta": {}, "default": {"flask": {"version": "==2.3.3"}}, "develop": {"pytest": {"version": "==8.0"}}}' });
  const flask = pinnedVersion(context, 'flask');
  assert.equal(flask?.source, 'lock');
  assert.equal(flask?.exact, '2.3.3');
  assert.equal(pinAtLeast(flask, '2.3'), true);
  assert.equal(pinnedVersion(context, 'pytest'), undefined);
  assert.deepEqual(pythonPins(contextFor({ '/ws/Pipfile.lock': '{"default": ' })), []);
});

test('a requirement line with a long whitespace run is read in linear time, same answers', () => {
  // Found by the fuzzer: `flask` + 3,000 spaces + `x` backtracked for 9 s (adjacent `\s*` runs).
  assert.equal(parseRequirement(`flask${' '.repeat(30_000)}x`), undefined);
  assert.deepEqual(parseRequirement(`Flask${'\t'.repeat(30_000)}>=2.3`), { name: 'flask', specifier: '>=2.3' });
  assert.deepEqual(parseRequirement('Flask [async] ( >= 2.3 , <3 ) ; python_version >= "3.8"'), { name: 'flask', specifier: '>=2.3,<3' });
  assert.deepEqual(parseRequirement('psycopg2-binary'), { name: 'psycopg2-binary', specifier: '' });
  assert.equal(parseRequirement('flask @ https://x/flask.whl'), undefined);
});

test('a 250,000-line requirements file (included with -r) is read without overflowing the stack', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = app\n',
    '/ws/requirements.txt': '-r more.txt\n',
    '/ws/more.txt': 'six==1.0\n'.repeat(250_000) + 'flask==2.3.1\n',
  });
  assert.equal(pinnedVersion(context, 'flask')?.specifier, '==2.3.1');
});
