import { effectiveConfigOf, type EffectiveEntry } from '../config/effectiveConfig';
import { parseHostPort, type NginxAddress } from '../deploy/nginxValues';
import type { RuleContext } from '../rules/rule';

/** What a listening socket of this uWSGI config speaks. */
export type SocketProtocol = 'uwsgi' | 'http' | 'https' | 'other';

export interface UwsgiSocket {
  entry: EffectiveEntry;
  protocol: SocketProtocol;
  /** `http =`: a separate HTTP router process listens here, not the workers. */
  router: boolean;
  address: NginxAddress;
}

/** Options that open a listening socket, and the protocol each speaks (`socket` follows `protocol =`). */
const SOCKET_OPTIONS: Record<string, SocketProtocol | 'default'> = {
  socket: 'default',
  'uwsgi-socket': 'uwsgi',
  'http-socket': 'http',
  'http11-socket': 'http',
  'https-socket': 'https',
  http: 'http',
};

/** Every socket the config binds whose address we can read; `$(VAR)` and fd-passing forms are skipped. */
export function uwsgiSocketsOf(context: RuleContext): UwsgiSocket[] {
  return context.memo('serving.sockets', () => {
    const config = effectiveConfigOf(context);
    const protocolEntry = config.get('protocol');
    const defaultProtocol = protocolOf(protocolEntry?.value);
    const out: UwsgiSocket[] = [];
    for (const [option, kind] of Object.entries(SOCKET_OPTIONS)) {
      for (const entry of config.getAll(option)) {
        if (entry.unresolved) continue;
        const address = parseSocketAddress(entry.value);
        if (!address) continue;
        const protocol = kind === 'default' ? defaultProtocol : kind;
        out.push({ entry, protocol, router: option === 'http', address });
      }
    }
    return out.sort((a, b) => a.entry.order - b.entry.order);
  });
}

function protocolOf(value: string | undefined): SocketProtocol {
  if (value === undefined || value.trim() === '' || /^uwsgi$/i.test(value.trim())) return 'uwsgi';
  return /^http$/i.test(value.trim()) ? 'http' : 'other';
}

/**
 * uWSGI binds TCP when the address has a `:` (`:3031`, `0.0.0.0:8000`, `[::]:8000`) and a UNIX socket
 * otherwise (`/run/app.sock`, `@abstract`). `https-socket` and `http` options may follow the address
 * with `,`-separated settings, which are dropped.
 */
export function parseSocketAddress(value: string): NginxAddress | undefined {
  const text = value.trim().split(',')[0];
  if (text === '' || text.startsWith('=')) return undefined;
  if (text.startsWith('@') || text.startsWith('/') || text.startsWith('.') || !text.includes(':')) {
    return { kind: 'unix', path: text };
  }
  const tcp = parseHostPort(text.startsWith(':') ? '0.0.0.0' + text : text);
  return tcp?.kind === 'tcp' ? tcp : undefined;
}
