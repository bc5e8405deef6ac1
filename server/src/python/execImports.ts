import { FSA_NULLPOOL_PATTERN } from './effectCatalog';
import { execBlock } from './execStatements';
import type { ImportRun } from './importRun';
import { siteLabel } from './importRun';
import { relativeBase, resolveModule } from './moduleResolver';
import type { PyNode } from './pyNode';
import type { Scope } from './scope';
import { bind, moduleScope } from './scope';
import { UNKNOWN, type Frame, type ModuleState, type Value } from './values';

/**
 * `import` and `from … import …` as Python runs them: each enclosing package's `__init__`
 * first, each module once (a module already running is returned half-filled, like a cycle in
 * Python). Names outside the workspace become `external` values named by their import path.
 */
export function execImport(run: ImportRun, node: PyNode, scope: Scope): void {
  for (const item of node.all('name')) {
    const dotted = (item.type === 'aliased_import' ? item.get('name') : item)?.text.replace(/\s+/g, '') ?? '';
    const alias = item.type === 'aliased_import' ? item.get('alias')?.text : undefined;
    if (dotted.split('.')[0] === 'uwsgidecorators') noteUwsgidecorators(run, node, scope);
    const modules = importChain(run, dotted, node, scope);
    if (alias) bind(scope, alias, modules ? moduleValue(modules[modules.length - 1]) : { kind: 'external', name: dotted });
    else {
      const top = dotted.split('.')[0];
      bind(scope, top, modules ? moduleValue(modules[0]) : { kind: 'external', name: top });
    }
  }
}

export function execImportFrom(run: ImportRun, node: PyNode, scope: Scope): void {
  const source = node.get('module_name');
  if (!source) return;
  let target: string | undefined;
  let relative = false;
  if (source.type === 'relative_import') {
    relative = true;
    const prefix = source.ofType('import_prefix')[0]?.text.length ?? 1;
    const rest = source.ofType('dotted_name')[0]?.text.replace(/\s+/g, '') ?? '';
    const base = relativeBase(scope.module.name, scope.module.isPackage, prefix);
    target = base === undefined ? undefined : [base, rest].filter((s) => s !== '').join('.');
  } else {
    target = source.text.replace(/\s+/g, '');
  }
  if (target === 'uwsgidecorators') noteUwsgidecorators(run, node, scope);
  const chain = target ? importChain(run, target, node, scope) : undefined;
  const module = chain?.[chain.length - 1];
  if (node.ofType('wildcard_import').length > 0) {
    if (module) for (const [name, value] of module.namespace) if (!name.startsWith('_')) bind(scope, name, value);
    return;
  }
  for (const item of node.all('name')) {
    const name = (item.type === 'aliased_import' ? item.get('name') : item)?.text ?? '';
    const alias = item.type === 'aliased_import' ? item.get('alias')?.text ?? name : name;
    let value: Value = UNKNOWN;
    if (module) {
      value = module.namespace.get(name) ?? submodule(run, `${target}.${name}`, node, scope) ?? UNKNOWN;
    } else if (target && !relative) {
      value = { kind: 'external', name: `${target}.${name}` };
    }
    bind(scope, alias, value);
  }
}

function submodule(run: ImportRun, dotted: string, node: PyNode, scope: Scope): Value | undefined {
  const chain = importChain(run, dotted, node, scope);
  return chain ? moduleValue(chain[chain.length - 1]) : undefined;
}

function moduleValue(module: ModuleState): Value {
  return { kind: 'module', module };
}

function importChain(run: ImportRun, dotted: string, node: PyNode, scope: Scope): ModuleState[] | undefined {
  const frame = { file: scope.file, start: node.start, end: node.end, label: siteLabel(node.text) };
  return importDotted(run, dotted, scope.module.searchPath, frame);
}

/** Imports `a`, `a.b`, `a.b.c` in turn (each package `__init__` first); undefined unless all are in the workspace. */
export function importDotted(run: ImportRun, dotted: string, searchPath: string[], frame: Frame): ModuleState[] | undefined {
  const parts = dotted.split('.');
  const out: ModuleState[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const name = parts.slice(0, i).join('.');
    const module = loadModule(run, name, searchPath, frame);
    if (!module) return undefined;
    const parent = out[out.length - 1];
    if (parent && !parent.namespace.has(parts[i - 1])) parent.namespace.set(parts[i - 1], moduleValue(module));
    out.push(module);
  }
  return out;
}

/** Runs a workspace module once per model run (Python's sys.modules), under an import frame. */
export function loadModule(
  run: ImportRun, name: string, searchPath: string[], frame: Frame,
): ModuleState | undefined {
  const known = run.modules.get(name);
  if (known) return known;
  const key = `${searchPath.join('\0')}\0${name}`;
  let resolved = run.resolutions.get(key);
  if (resolved === undefined) {
    resolved = resolveModule(run.fs, searchPath, name) ?? null;
    run.resolutions.set(key, resolved);
  }
  if (!resolved) return undefined;
  const module: ModuleState = {
    file: resolved.file, name, isPackage: resolved.isPackage, namespace: new Map(),
    packageDirs: resolved.packageDirs, searchPath, status: 'running',
  };
  run.modules.set(name, module);
  if (resolved.file) executeFile(run, module, resolved.file, frame);
  module.status = 'done';
  return module;
}

/** Runs a file's top level as `module`, with `frame` (the import or entry) on the chain. */
export function executeFile(run: ImportRun, module: ModuleState, file: string, frame: Frame): void {
  const text = run.fs.readFile(file);
  if (text && FSA_NULLPOOL_PATTERN.test(text)) run.nullPoolFsa = true;
  const parsed = text === undefined ? undefined : run.parse(file, text);
  if (!parsed) {
    if (text !== undefined) run.unparsed.push(file);
    return;
  }
  run.frames.push(frame);
  run.callerScopes.push(undefined);
  try {
    execBlock(run, parsed.root.children, moduleScope(module, file));
  } finally {
    run.frames.pop();
    run.callerScopes.pop();
  }
}

function noteUwsgidecorators(run: ImportRun, node: PyNode, scope: Scope): void {
  if (run.phase !== 'import') return;
  run.uwsgidecoratorsImports.push({
    site: { file: scope.file, start: node.start, end: node.end, label: siteLabel(node.text) },
    chain: [...run.frames],
    entryIndex: run.entryIndex,
    seq: run.seq++,
  });
}
