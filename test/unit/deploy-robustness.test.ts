import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCompose } from '../../server/src/deploy/compose';
import { readDockerfile } from '../../server/src/deploy/dockerfile';
import { pythonPins } from '../../server/src/deploy/pythonPins';
import { readEnvFile, readSystemdUnit } from '../../server/src/deploy/systemdUnit';
import { readYaml } from '../../server/src/deploy/yamlLite';
import { readToml } from '../../server/src/deploy/tomlLite';
import { uwsgiEnvironmentOf } from '../../server/src/deploy/uwsgiEnvironment';
import { appEntriesOf } from '../../server/src/app/appEntries';
import { contextFor } from './appTestContext';

/** Deterministic pseudo-random text made of the characters these formats care about. */
function* garbage(seed: number, count: number): Generator<string> {
  const alphabet = ['\n', '\r\n', ' ', '  ', '\t', '-', ':', '=', '"', "'", '[', ']', '{', '}', ',', '#', '\\', '|', '>', '*', '.', '/', 'uwsgi', '--ini', 'x.ini', 'FROM', 'ENV', 'COPY', 'WORKDIR', 'services', 'environment', 'UWSGI_A=1', 'flask', '==2.3', '[[package]]', 'name', 'version', '$', '${A}', '&&'];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next() % 80;
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

test('every reader accepts arbitrary text without throwing', () => {
  for (const text of garbage(7, 400)) {
    assert.doesNotThrow(() => readDockerfile('/ws/Dockerfile', text), JSON.stringify(text));
    assert.doesNotThrow(() => readCompose('/ws/docker-compose.yml', text), JSON.stringify(text));
    assert.doesNotThrow(() => readSystemdUnit('/ws/a.service', text), JSON.stringify(text));
    assert.doesNotThrow(() => readToml(text), JSON.stringify(text));
  }
});

test('the whole deploy + entry pipeline over garbage deployment files', () => {
  let i = 0;
  for (const text of garbage(11, 60)) {
    const context = contextFor({
      '/ws/uwsgi.ini': `[uwsgi]\nchdir = /app\nmodule = app\npythonpath = /app/${i++ % 2 ? '*' : 'lib'}\n`,
      '/ws/Dockerfile': text,
      '/ws/docker-compose.yml': text,
      '/ws/x.service': text,
      '/ws/requirements.txt': text,
      '/ws/pyproject.toml': text,
      '/ws/poetry.lock': text,
    });
    assert.doesNotThrow(() => {
      uwsgiEnvironmentOf(context);
      pythonPins(context);
      appEntriesOf(context);
    }, JSON.stringify(text));
  }
});

test('long whitespace runs in compose, YAML and env files read the same, in linear time', () => {
  // Found by the fuzzer: a lazy key/value pattern before `\s*:` / `\s*$` rescanned the run at every step.
  const pad = ' '.repeat(40_000);
  assert.deepEqual(readYaml(`x =${pad}"`), { kind: 'map', entries: [], start: 0, end: pad.length + 4 });
  assert.deepEqual(readEnvFile(`A=a${pad}b  \nexport B = 'c'\n`).map((e) => [e.name, e.value]), [['A', `a${pad}b`], ['B', 'c']]);
  const compose = readCompose('/ws/docker-compose.yml', `services:\n  web${pad}x:\n    image: a\n  api :\n    environment:\n      - UWSGI_LAZY_APPS=1\n`);
  assert.deepEqual(compose.services.map((s) => s.name), [`web${pad}x`, 'api']);
  const map = readYaml('a b  : 1\n"c: d": 2\ne:f: 3\n');
  assert.deepEqual(map?.kind === 'map' ? map.entries.map((e) => e.key) : [], ['a b', 'c: d']);
});
