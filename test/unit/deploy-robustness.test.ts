import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCompose } from '../../server/src/deploy/compose';
import { readDockerfile } from '../../server/src/deploy/dockerfile';
import { pythonPins } from '../../server/src/deploy/pythonPins';
import { readSystemdUnit } from '../../server/src/deploy/systemdUnit';
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
