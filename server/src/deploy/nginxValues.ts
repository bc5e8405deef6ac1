/** How nginx reads sizes, times and upstream addresses in the directives this linter looks at. */

/** An upstream address: a UNIX socket path (`@name` for abstract ones) or a TCP host and port. */
export type NginxAddress = { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number };

/** `8k` → 8192, `1m` → 1048576, `512` → 512; undefined when nginx would reject it. */
export function parseNginxSize(text: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const unit = m[2].toLowerCase();
  const scale = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * scale;
}

const TIME_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2592000, y: 31536000 };

/** `60s`, `90`, `1m30s`, `500ms` → seconds; undefined when nginx would reject it. */
export function parseNginxTime(text: string): number | undefined {
  if (!/^(\d+(ms|[smhdwMy])?\s*)+$/.test(text)) return undefined;
  let total = 0;
  const parts = [...text.matchAll(/(\d+)(ms|[smhdwMy])?/g)];
  // A bare number is seconds only when it stands alone.
  if (parts.length > 1 && parts.some((p) => p[2] === undefined)) return undefined;
  for (const part of parts) total += Number(part[1]) * TIME_UNITS[part[2] ?? 's'];
  return total;
}

/** What a `uwsgi_pass`/`proxy_pass` argument names: an address, an upstream name, or nothing we can follow. */
export type PassTarget =
  | { kind: 'address'; address: NginxAddress }
  | { kind: 'name'; name: string; defaultPort?: number }
  | { kind: 'unknown' };

/**
 * `uwsgi_pass unix:/run/app.sock`, `uwsgi_pass uwsgi://127.0.0.1:3031`, `proxy_pass http://unix:/run/app.sock:/`,
 * `proxy_pass http://app:8000/api`, `proxy_pass http://backend` (an upstream or a host on port 80).
 * TLS schemes and variables are not followed.
 */
export function parsePassTarget(directive: 'uwsgi_pass' | 'proxy_pass', arg: string): PassTarget {
  if (arg.includes('$')) return { kind: 'unknown' };
  let rest: string;
  if (directive === 'proxy_pass') {
    const m = /^http:\/\/(.*)$/i.exec(arg);
    if (!m) return { kind: 'unknown' };
    rest = m[1];
  } else {
    if (/^suwsgi:\/\//i.test(arg)) return { kind: 'unknown' };
    rest = arg.replace(/^uwsgi:\/\//i, '');
  }
  if (/^unix:/i.test(rest)) {
    // For proxy_pass a `:` ends the socket path and starts the URI.
    const path = rest.slice(5).split(':')[0];
    return path ? { kind: 'address', address: unixAddress(path) } : { kind: 'unknown' };
  }
  const hostPort = rest.split('/')[0];
  const address = parseHostPort(hostPort);
  if (address) return { kind: 'address', address };
  if (/^[\w.-]+$/.test(hostPort)) return { kind: 'name', name: hostPort, defaultPort: directive === 'proxy_pass' ? 80 : undefined };
  return { kind: 'unknown' };
}

/** An upstream block's `server unix:/path` or `server host[:port]` (port 80 when omitted). */
export function parseUpstreamServer(arg: string): NginxAddress | undefined {
  if (arg.includes('$')) return undefined;
  if (/^unix:/i.test(arg)) return arg.length > 5 ? unixAddress(arg.slice(5)) : undefined;
  const address = parseHostPort(arg);
  if (address) return address;
  return /^[\w.-]+$/.test(arg) ? { kind: 'tcp', host: arg, port: 80 } : undefined;
}

/** `host:port`, `[::1]:port`; undefined without a numeric port. */
export function parseHostPort(text: string): NginxAddress | undefined {
  const m = /^(\[[^\]]*\]|[^:[\]]*):(\d{1,5})$/.exec(text);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** `unix:///run/x.sock` names `/run/x.sock`; an abstract `@name` stays as written. */
function unixAddress(path: string): NginxAddress {
  return { kind: 'unix', path: path.startsWith('/') ? '/' + path.replace(/^\/+/, '') : path };
}
