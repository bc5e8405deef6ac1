import type { Span } from '../core/finding';
import type { RuleContext } from '../rules/rule';
import { discoverNginxFiles, nginxFileAt, resolveInclude } from './nginxFiles';
import type { NginxDirective } from './nginxSyntax';
import { parsePassTarget, parseUpstreamServer, type NginxAddress } from './nginxValues';

/** A place nginx hands requests to: the address and the text that names it (the pass or an upstream `server`). */
export interface NginxTarget {
  address: NginxAddress;
  span: Span;
  /** `upstream app` when the address comes from an upstream block. */
  upstream?: string;
}

/** One `uwsgi_pass` or `proxy_pass http://…` with what it reaches and the blocks around it. */
export interface NginxPass {
  directive: NginxDirective;
  /** What nginx speaks on the connection. */
  protocol: 'uwsgi' | 'http';
  targets: NginxTarget[];
  /** The statement lists around the pass, innermost (its own block) first, includes expanded. */
  scopes: NginxDirective[][];
}

export interface NginxSetup {
  /** Every nginx file read (discovered or included). */
  files: string[];
  passes: NginxPass[];
  /** `user` directives at the top of main configs (who nginx's workers run as). */
  users: NginxDirective[];
}

const MAX_INCLUDE_DEPTH = 8;
/** Depth alone allows fan-out^8 reads (each file including the next seven times: millions); real setups read a few dozen. */
const MAX_INCLUDED_FILES = 1000;

/** The workspace's nginx configuration, read once per analysis. */
export function nginxSetupOf(context: RuleContext): NginxSetup {
  return context.memo('nginx.setup', () => buildSetup(context));
}

/** The directive `name` as it applies at `pass`: set in its own block or inherited from an enclosing one. */
export function inheritedDirective(pass: NginxPass, name: string): NginxDirective | undefined {
  for (const scope of pass.scopes) {
    const hits = scope.filter((d) => d.name === name && !d.children);
    if (hits.length > 0) return hits[hits.length - 1];
  }
  return undefined;
}

function buildSetup(context: RuleContext): NginxSetup {
  const discovered = discoverNginxFiles(context);
  const read = new Set<string>(discovered.map((f) => f.path));
  // Files another discovered file includes are read in place, not again on their own.
  const includedByOthers = new Set<string>();
  for (const file of discovered) {
    for (const d of walk(file.directives)) {
      if (d.name !== 'include' || !d.args[0]) continue;
      for (const path of resolveInclude(context, d.args[0].text, file.path, file.path)) includedByOthers.add(path);
    }
  }
  const roots = discovered.filter((f) => !includedByOthers.has(f.path));
  const trees: NginxDirective[][] = [];
  for (const root of roots) {
    let budget = MAX_INCLUDED_FILES;
    const expand = (list: NginxDirective[], from: string, stack: string[]): NginxDirective[] => {
      const out: NginxDirective[] = [];
      for (const d of list) {
        if (d.name === 'include' && d.args[0] && !d.children) {
          if (stack.length >= MAX_INCLUDE_DEPTH) continue;
          for (const path of resolveInclude(context, d.args[0].text, from, root.path)) {
            if (stack.includes(path) || --budget < 0) continue;
            const file = nginxFileAt(context, path);
            if (!file) continue;
            read.add(path);
            // A loop, not push(...): spreading a very long list overflows the call stack.
            for (const included of expand(file.directives, path, [...stack, path])) out.push(included);
          }
          continue;
        }
        out.push(d.children ? { ...d, children: expand(d.children, from, stack) } : d);
      }
      return out;
    };
    trees.push(expand(root.directives, root.path, [root.path]));
  }
  const upstreams = new Map<string, NginxTarget[]>();
  for (const tree of trees) {
    for (const d of walk(tree)) {
      if (d.name !== 'upstream' || !d.children || !d.args[0]) continue;
      const targets: NginxTarget[] = [];
      for (const server of d.children) {
        const address = server.name === 'server' && server.args[0] ? parseUpstreamServer(server.args[0].text) : undefined;
        if (address) targets.push({ address, span: spanOf(server), upstream: d.args[0].text });
      }
      upstreams.set(d.args[0].text, [...(upstreams.get(d.args[0].text) ?? []), ...targets]);
    }
  }
  const passes: NginxPass[] = [];
  const users: NginxDirective[] = [];
  for (const tree of trees) {
    users.push(...tree.filter((d) => d.name === 'user' && !d.children));
    collectPasses(tree, [tree], upstreams, passes);
  }
  return { files: [...read], passes, users };
}

function collectPasses(list: NginxDirective[], scopes: NginxDirective[][], upstreams: Map<string, NginxTarget[]>, out: NginxPass[]): void {
  for (const d of list) {
    if (d.children) {
      if (d.name !== 'upstream') collectPasses(d.children, [d.children, ...scopes], upstreams, out);
      continue;
    }
    if ((d.name !== 'uwsgi_pass' && d.name !== 'proxy_pass') || !d.args[0]) continue;
    const target = parsePassTarget(d.name, d.args[0].text);
    const arg = d.args[0];
    let targets: NginxTarget[] = [];
    if (target.kind === 'address') {
      targets = [{ address: target.address, span: { file: d.file, start: arg.start, end: arg.end } }];
    } else if (target.kind === 'name') {
      const upstream = upstreams.get(target.name);
      if (upstream) targets = upstream;
      else if (target.defaultPort) targets = [{ address: { kind: 'tcp', host: target.name, port: target.defaultPort }, span: { file: d.file, start: arg.start, end: arg.end } }];
    }
    if (targets.length > 0) out.push({ directive: d, protocol: d.name === 'uwsgi_pass' ? 'uwsgi' : 'http', targets, scopes });
  }
}

function* walk(list: NginxDirective[]): Generator<NginxDirective> {
  for (const d of list) {
    yield d;
    if (d.children) yield* walk(d.children);
  }
}

/** A directive's text from its name to its `;`. */
export function spanOf(d: NginxDirective): Span {
  return { file: d.file, start: d.start, end: d.end };
}
