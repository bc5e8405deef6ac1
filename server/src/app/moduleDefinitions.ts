import { parsePython } from '../python/parser';
import { dottedName, type PyNode } from '../python/pyNode';
import type { RuleContext } from '../rules/rule';

/** A top-level name a module defines, and how. */
export interface Definition {
  name: string;
  kind: 'assign' | 'def' | 'class' | 'import';
  start: number;
  end: number;
  /** For assignments: the dotted name of the called function (`Flask`, `create_app`), when the value is a call. */
  calls?: string;
}

/** What a light look at a module's top level tells: the names it defines, unless it hides them. */
export interface ModuleDefinitions {
  names: Map<string, Definition>;
  /** Star imports, `globals()`, `exec`, `sys.modules` tricks or a module `__getattr__`: names we cannot see. */
  opaque: boolean;
  /** The module (or its `uwsgi.applications`) defines an `applications` dict, which uWSGI uses instead of the callable. */
  definesApplications: boolean;
  /** Names that look like the WSGI app, best first (a `Flask(...)` object before factory results and imports). */
  appCandidates: string[];
}

const APP_CLASSES = /^(Flask|Bottle|App|API|Application|WSGIApplication|Falcon|DispatcherMiddleware|ProxyFix|WhiteNoise|SharedDataMiddleware)$/;
const APP_FACTORIES = /^(create_app|make_app|build_app|get_app|create_application|make_application|get_wsgi_application|make_wsgi_app|wsgi_app|app_factory)$/;
const APP_NAMES = /^(app|application|wsgi_app|wsgi|api|server|flask_app)$/;
const OPAQUE = /\bglobals\s*\(\s*\)|\bvars\s*\(\s*\)|\bexec\s*\(|\bsys\.modules\b|^def __getattr__\b/m;

/** Parses the file once per analysis; undefined when it is unreadable or the Python parser is not ready. */
export function moduleDefinitionsOf(context: RuleContext, path: string): ModuleDefinitions | undefined {
  return context.memo(`app.definitions:${path}`, () => {
    const text = context.fs.readFile(path);
    if (text === undefined) return undefined;
    const parsed = parsePython(path, text);
    if (!parsed) return undefined;
    const result: ModuleDefinitions = { names: new Map(), opaque: OPAQUE.test(text), definesApplications: false, appCandidates: [] };
    collect(parsed.root, result);
    result.appCandidates = rankCandidates(result.names);
    return result;
  });
}

function collect(block: PyNode, out: ModuleDefinitions): void {
  for (const stmt of block.children) {
    switch (stmt.type) {
      case 'expression_statement':
        for (const child of stmt.children) if (child.type === 'assignment') assignment(child, out);
        break;
      case 'function_definition':
      case 'class_definition':
        define(out, stmt.get('name'), stmt.type === 'class_definition' ? 'class' : 'def');
        break;
      case 'decorated_definition': {
        const def = stmt.get('definition');
        if (def) define(out, def.get('name'), def.type === 'class_definition' ? 'class' : 'def');
        break;
      }
      case 'import_statement':
        for (const name of stmt.all('name')) {
          if (name.type === 'aliased_import') define(out, name.get('alias'), 'import');
          else define(out, name.children[0], 'import');
        }
        break;
      case 'import_from_statement':
        if (stmt.children.some((c) => c.type === 'wildcard_import')) out.opaque = true;
        for (const name of stmt.all('name')) {
          if (name.type === 'aliased_import') define(out, name.get('alias'), 'import');
          else define(out, name.children[name.children.length - 1], 'import');
        }
        break;
      default:
        // Compound statements (if/try/with/for/while) run their blocks at import time; def/class bodies do not.
        for (const child of stmt.children) {
          if (child.type === 'block') collect(child, out);
          else if (/_clause$/.test(child.type)) for (const b of child.children) if (b.type === 'block') collect(b, out);
        }
    }
  }
}

function assignment(node: PyNode, out: ModuleDefinitions): void {
  const right = node.get('right');
  const value = right?.type === 'assignment' ? innermostValue(right) : right;
  const calls = value?.type === 'call' ? dottedName(value.get('function')) : undefined;
  bindTargets(node.get('left'), out, calls);
  if (right?.type === 'assignment') assignment(right, out);
}

function innermostValue(node: PyNode): PyNode | undefined {
  let current: PyNode | undefined = node;
  while (current?.type === 'assignment') current = current.get('right');
  return current;
}

function bindTargets(target: PyNode | undefined, out: ModuleDefinitions, calls: string | undefined): void {
  if (!target) return;
  if (target.type === 'identifier') {
    define(out, target, 'assign', calls);
  } else if (target.type === 'attribute') {
    if (dottedName(target) === 'uwsgi.applications') out.definesApplications = true;
  } else if (/pattern|list|tuple/.test(target.type)) {
    for (const child of target.children) bindTargets(child, out, undefined);
  }
}

function define(out: ModuleDefinitions, node: PyNode | undefined, kind: Definition['kind'], calls?: string): void {
  if (!node || node.type !== 'identifier') return;
  if (node.text === 'applications') out.definesApplications = true;
  out.names.set(node.text, { name: node.text, kind, start: node.start, end: node.end, calls });
}

function rankCandidates(names: Map<string, Definition>): string[] {
  const score = (d: Definition): number => {
    const last = d.calls?.split('.').pop() ?? '';
    if (APP_CLASSES.test(last)) return 0;
    if (APP_FACTORIES.test(last) || /(^|_)(create|make)_?app/.test(last)) return 1;
    if (d.kind === 'import' && APP_NAMES.test(d.name)) return 2;
    if (d.kind === 'assign' && APP_NAMES.test(d.name)) return 3;
    if (d.kind === 'def' && APP_NAMES.test(d.name)) return 4;
    return -1;
  };
  return [...names.values()]
    .map((d) => ({ d, s: score(d) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.d.start - b.d.start)
    .map((x) => x.d.name);
}
