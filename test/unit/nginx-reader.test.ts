import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inheritedDirective, nginxSetupOf } from '../../server/src/deploy/nginxSetup';
import { parseNginx } from '../../server/src/deploy/nginxSyntax';
import { parseNginxSize, parseNginxTime, parsePassTarget, parseUpstreamServer } from '../../server/src/deploy/nginxValues';
import { parseSocketAddress } from '../../server/src/serving/uwsgiSockets';
import { contextFor } from './appTestContext';


test('nginx syntax: comments, quotes, blocks, ${var} and spans', () => {
  const text = 'http { # c\n  server {\n    location / { uwsgi_pass "unix:/run/a.sock"; } # x;\n    add_header X "a;b" ;\n    set $x ${y}z;\n  }\n}\n';
  const [http] = parseNginx('/n.conf', text);
  assert.equal(http.name, 'http');
  const server = http.children![0];
  const [location, header, set] = server.children!;
  const pass = location.children![0];
  assert.equal(pass.args[0].text, 'unix:/run/a.sock');
  assert.equal(text.slice(pass.start, pass.end), 'uwsgi_pass "unix:/run/a.sock";');
  assert.deepEqual(header.args.map((a) => a.text), ['X', 'a;b']);
  assert.deepEqual(set.args.map((a) => a.text), ['$x', '${y}z']);
});

test('nginx syntax: unbalanced braces, a missing final ; and deep nesting never throw', () => {
  const open = parseNginx('/n.conf', 'http { server { listen 80');
  assert.equal(open[0].children![0].children![0].name, 'listen');
  assert.equal(parseNginx('/n.conf', '} } worker_processes 1;')[0].name, 'worker_processes');
  assert.doesNotThrow(() => parseNginx('/n.conf', 'a {'.repeat(100000)));
  assert.doesNotThrow(() => parseNginx('/n.conf', '"unterminated \\'));
});

test('nginx values: sizes, times, pass targets and upstream servers', () => {
  assert.equal(parseNginxSize('8k'), 8192);
  assert.equal(parseNginxSize('1M'), 1048576);
  assert.equal(parseNginxSize('8kb'), undefined);
  assert.equal(parseNginxTime('60s'), 60);
  assert.equal(parseNginxTime('90'), 90);
  assert.equal(parseNginxTime('1m30s'), 90);
  assert.equal(parseNginxTime('soon'), undefined);
  assert.deepEqual(parsePassTarget('uwsgi_pass', 'unix:///run/app.sock'), { kind: 'address', address: { kind: 'unix', path: '/run/app.sock' } });
  assert.deepEqual(parsePassTarget('uwsgi_pass', 'uwsgi://127.0.0.1:3031'), { kind: 'address', address: { kind: 'tcp', host: '127.0.0.1', port: 3031 } });
  assert.deepEqual(parsePassTarget('proxy_pass', 'http://unix:/run/app.sock:/api/'), { kind: 'address', address: { kind: 'unix', path: '/run/app.sock' } });
  assert.deepEqual(parsePassTarget('proxy_pass', 'http://web:8000/x'), { kind: 'address', address: { kind: 'tcp', host: 'web', port: 8000 } });
  assert.deepEqual(parsePassTarget('proxy_pass', 'http://backend'), { kind: 'name', name: 'backend', defaultPort: 80 });
  assert.deepEqual(parsePassTarget('proxy_pass', 'https://web:8443'), { kind: 'unknown' });
  assert.deepEqual(parsePassTarget('uwsgi_pass', '$upstream'), { kind: 'unknown' });
  assert.deepEqual(parseUpstreamServer('unix:/tmp/u.sock'), { kind: 'unix', path: '/tmp/u.sock' });
  assert.deepEqual(parseUpstreamServer('app'), { kind: 'tcp', host: 'app', port: 80 });
});

test('nginx setup: discovery, includes in place (absolute paths by suffix), upstreams and inheritance', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': '[uwsgi]\nsocket = /run/app.sock\n',
    '/ws/nginx/nginx.conf': 'user www-data;\nhttp {\n  large_client_header_buffers 4 16k;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
    '/ws/nginx/conf.d/app.conf': 'upstream app { server unix:/run/app.sock; server 10.0.0.2:3031 max_fails=3; }\nserver {\n  location / { uwsgi_read_timeout 30s; uwsgi_pass app; }\n}\n',
    '/ws/nginx/conf.d/notes.txt': 'uwsgi_pass x;',
    '/ws/src/other.conf': 'nothing nginx here\n',
  });
  const setup = nginxSetupOf(context);
  assert.deepEqual(setup.files.sort(), ['/ws/nginx/conf.d/app.conf', '/ws/nginx/nginx.conf']);
  assert.equal(setup.passes.length, 1, 'the included file is read once, in place');
  const [pass] = setup.passes;
  assert.equal(pass.protocol, 'uwsgi');
  assert.deepEqual(pass.targets.map((t) => t.address), [{ kind: 'unix', path: '/run/app.sock' }, { kind: 'tcp', host: '10.0.0.2', port: 3031 }]);
  assert.equal(pass.targets[0].upstream, 'app');
  assert.deepEqual(inheritedDirective(pass, 'large_client_header_buffers')?.args.map((a) => a.text), ['4', '16k']);
  assert.equal(inheritedDirective(pass, 'uwsgi_read_timeout')?.args[0].text, '30s');
  assert.equal(inheritedDirective(pass, 'client_max_body_size'), undefined);
  assert.equal(setup.users[0].args[0].text, 'www-data');
});

test('nginx setup: include cycles and missing includes degrade quietly', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': '[uwsgi]\n',
    '/ws/nginx/nginx.conf': 'include a.conf;\ninclude missing.conf;\n',
    '/ws/nginx/a.conf': 'include b.conf;\nproxy_pass http://127.0.0.1:8000;\n',
    '/ws/nginx/b.conf': 'include a.conf;\n',
  });
  const setup = nginxSetupOf(context);
  assert.equal(setup.passes.length, 1);
  assert.deepEqual(setup.passes[0].targets[0].address, { kind: 'tcp', host: '127.0.0.1', port: 8000 });
});

test('nginx syntax: random text never throws and every span stays inside the file', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const alphabet = ['a', 'b', ' ', '\n', '\r\n', ';', '{', '}', '"', "'", '\\', '#', '$', '${', 'uwsgi_pass', 'unix:', ':', '/'];
  for (let round = 0; round < 300; round++) {
    let text = '';
    const length = Math.floor(random() * 80);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    const check = (list: ReturnType<typeof parseNginx>) => {
      for (const d of list) {
        assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, JSON.stringify(text));
        for (const a of d.args) assert.ok(a.start >= d.start && a.end <= text.length, JSON.stringify(text));
        if (d.children) check(d.children);
      }
    };
    check(parseNginx('/f.conf', text));
  }
});

test('uWSGI socket addresses: TCP when there is a colon, UNIX paths and abstract names otherwise', () => {
  assert.deepEqual(parseSocketAddress(':3031'), { kind: 'tcp', host: '0.0.0.0', port: 3031 });
  assert.deepEqual(parseSocketAddress('127.0.0.1:8000'), { kind: 'tcp', host: '127.0.0.1', port: 8000 });
  assert.deepEqual(parseSocketAddress('[::]:8000'), { kind: 'tcp', host: '::', port: 8000 });
  assert.deepEqual(parseSocketAddress(':8443,cert.pem,key.pem'), { kind: 'tcp', host: '0.0.0.0', port: 8443 });
  assert.deepEqual(parseSocketAddress('/run/uwsgi/app.sock'), { kind: 'unix', path: '/run/uwsgi/app.sock' });
  assert.deepEqual(parseSocketAddress('app.sock'), { kind: 'unix', path: 'app.sock' });
  assert.deepEqual(parseSocketAddress('@shop'), { kind: 'unix', path: '@shop' });
  assert.equal(parseSocketAddress('=0'), undefined);
  assert.equal(parseSocketAddress(''), undefined);
  assert.equal(parseSocketAddress('host:notaport'), undefined);
});

test('nginx includes that fan out stop at a file budget instead of overflowing the stack', () => {
  // Found by fuzzing: files each including the next seven times overflowed the stack in every UW4xx rule.
  const files: Record<string, string> = {
    '/ws/nginx.conf': 'http {\n server {\n  location / {\n   include n0.conf;\n   uwsgi_pass unix:/run/app.sock;\n  }\n }\n}\n',
    '/ws/n6.conf': 'uwsgi_read_timeout 5;\n',
  };
  // 7^6 = 117,649 reads without a budget, within the depth limit.
  for (let i = 0; i < 6; i++) files[`/ws/n${i}.conf`] = `include n${i + 1}.conf;\n`.repeat(7) + `uwsgi_param X${i} y;\n`;
  const setup = nginxSetupOf(contextFor(files));
  assert.equal(setup.passes.length, 1);
  const timeout = inheritedDirective(setup.passes[0], 'uwsgi_read_timeout');
  assert.equal(timeout?.args[0].text, '5');
  assert.ok(setup.passes[0].scopes[0].length <= 2 * 1000 + 10);
});
