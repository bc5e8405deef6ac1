import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEffectiveConfig } from '../../server/src/config/effectiveConfig';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { readCompose } from '../../server/src/deploy/compose';
import { readDockerfile } from '../../server/src/deploy/dockerfile';
import { parseNginx } from '../../server/src/deploy/nginxSyntax';
import { parseHostPort, parseNginxSize, parseNginxTime, parsePassTarget } from '../../server/src/deploy/nginxValues';
import { parseSpecifier, parseVersion } from '../../server/src/deploy/pep440';
import { parseRequirement } from '../../server/src/deploy/requirementLine';
import { readRequirementsFile } from '../../server/src/deploy/requirementsFiles';
import { shellWords, splitCommand } from '../../server/src/deploy/shellWords';
import { readEnvFile, readSystemdUnit } from '../../server/src/deploy/systemdUnit';
import { readToml } from '../../server/src/deploy/tomlLite';
import { readUwsgiCommand } from '../../server/src/deploy/uwsgiCommand';
import { readYaml } from '../../server/src/deploy/yamlLite';
import { parseIni } from '../../server/src/ini/parser';
import { initPythonParser, parsePython } from '../../server/src/python/parser';
import { binary, int, junk, pick, seeded, type Random } from './helpers/fuzzMutations';

// Random and pathological text straight into each pure reader: none may throw, and spans stay in the text.
// A failure names the seed; FUZZ_SEED=<seed> FUZZ_ROUNDS=1 replays it.
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 777);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 250);

before(async () => {
  assert.equal(await initPythonParser(), 'ready');
});

const WORDS = ['[uwsgi]', 'module', '=', '%(', '$(', '@(', ')', 'FROM', 'ENV', 'CMD', 'COPY', 'WORKDIR', 'services:', '  web:',
  '    environment:', '      - UWSGI_LAZY_APPS=1', 'ExecStart=', '[Service]', 'uwsgi', '--ini', 'a.ini', 'flask==2.0', '-r req.txt',
  '[tool.poetry]', 'name = "x"', 'location / {', 'uwsgi_pass', 'unix:/run/a.sock;', '}', 'server {', 'def f():', 'import a',
  'if x:', '    ', '"""', "'", '"', '\\', '#', ';', '${A}', '&&', '|', '>=1,<2', '===', '~=', '[', ']', '{', ':', ',', '\n', '\r\n', '\r'];

/** Text that stresses regexes and nesting: long runs of one character with an odd one at the end. */
function pathological(next: Random): string {
  const unit = pick(next, [' ', '\t', '(', '[', '{', '"', "'", '\\', '=', '-', 'a', '$', '${', '%(', ': ', '- ', '#', '.', '0', '\r']);
  return `${pick(next, ['', 'A=', 'ENV A ', 'x = ', '- ', 'key: ', 'server ', 'flask', 'ExecStart=uwsgi '])}${unit.repeat(5_000 + int(next, 25_000))}${pick(next, ['x', ';', '}', '\n', '', '"', ' x'])}`;
}

function randomText(next: Random): string {
  const r = next();
  if (r < 0.1) return pathological(next);
  if (r < 0.2) return binary(next, int(next, 600));
  if (r < 0.35) return junk(next, int(next, 200));
  let out = '';
  for (let i = int(next, 120); i > 0; i--) out += pick(next, WORDS) + (next() < 0.3 ? ' ' : '');
  return out;
}

function within(span: { start: number; end: number }, text: string): boolean {
  return span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

function each(name: string, body: (text: string, next: Random) => void): void {
  test(`${name} accepts random and pathological text`, () => {
    for (let seed = FIRST_SEED; seed < FIRST_SEED + ROUNDS; seed++) {
      const next = seeded(seed);
      const text = randomText(next);
      try {
        body(text, next);
      } catch (error) {
        const shown = text.length > 400 ? `${JSON.stringify(text.slice(0, 200))}…[${text.length} chars]` : JSON.stringify(text);
        assert.fail(`${name}, seed ${seed} (FUZZ_SEED=${seed} FUZZ_ROUNDS=1), input ${shown}: ${error instanceof Error ? error.stack : error}`);
      }
    }
  });
}

each('parseIni', (text) => {
  const doc = parseIni(text);
  for (const entry of doc.entries) {
    for (const span of [entry.keySpan, entry.valueSpan, ...entry.tokens]) assert.ok(within(span, text), 'span outside the text');
  }
});

each('loadEffectiveConfig', (text, next) => {
  const other = randomText(next);
  const fs = new MemoryFileSystem({ '/app/uwsgi.ini': `[uwsgi]\n${text}\nini = b.ini\n`, '/app/b.ini': `[uwsgi]\ninclude = uwsgi.ini\n${other}` });
  const config = loadEffectiveConfig({ rootPath: '/app/uwsgi.ini', fs, settings: DEFAULT_SETTINGS });
  for (const entry of config.entries) {
    const owner = fs.readFile(entry.file);
    if (owner !== undefined && entry.origin === 'ini') assert.ok(within(entry.keySpan, owner), `entry ${entry.key} outside ${entry.file}`);
  }
});

each('parsePython', (text) => {
  const parsed = parsePython(`/py/${text.length}.py`, text);
  if (parsed) assert.ok(parsed.root.start >= 0 && parsed.root.end <= text.length);
});

each('Dockerfile, compose, systemd and env-file readers', (text) => {
  readDockerfile('/ws/Dockerfile', text);
  readCompose('/ws/docker-compose.yml', text);
  readYaml(text);
  readSystemdUnit('/ws/app.service', text);
  readEnvFile(text);
});

each('requirements, pyproject and version readers', (text) => {
  readToml(text);
  for (const line of text.split(/\r?\n/)) {
    parseRequirement(line);
    parseVersion(line);
    parseSpecifier(line);
  }
  readRequirementsFile(new MemoryFileSystem({ '/ws/requirements.txt': `${text}\n-r requirements.txt\n` }), '/ws/requirements.txt');
});

each('shell words and uwsgi command lines', (text) => {
  const words = shellWords(text);
  for (const w of words) assert.ok(w.start >= 0 && w.end <= text.length, 'word outside the text');
  splitCommand(text);
  readUwsgiCommand(words);
});

each('nginx reader', (text) => {
  const directives = parseNginx('/etc/nginx/nginx.conf', text);
  const stack = [...directives];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const word of d.args) assert.ok(within(word, text), 'nginx word outside the text');
    stack.push(...(d.children ?? []));
  }
  for (const line of text.split('\n')) {
    parseNginxSize(line);
    parseNginxTime(line);
    parsePassTarget('uwsgi_pass', line);
    parseHostPort(line);
  }
});
