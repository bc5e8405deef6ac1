import type { AppEntry } from '../app/appEntry';
import type { FileSystem } from '../core/fileSystem';
import { dirname } from '../core/fileSystem';
import { applyMethod } from './callCatalog';
import { invoke } from './calls';
import { FSA_NULLPOOL_PATTERN } from './effectCatalog';
import { executeFile, importDotted } from './execImports';
import type { Effect, Hook, ImportRun } from './importRun';
import { parsePython, pythonParserProblem, pythonParserState } from './parser';
import type { Frame, ModuleState, Resource } from './values';

/** How each resource stood when the import finished, i.e. when uWSGI forks. */
export interface ResourceAtFork {
  stored: boolean;
  closed: boolean;
  opened: boolean;
}

/** What runs when uWSGI imports a config's Python entries, and what it leaves behind. */
export interface ImportModel {
  /** `parserUnavailable`: nothing was analysed; `problem` says why. */
  status: 'ok' | 'parserUnavailable';
  problem?: string;
  entries: readonly AppEntry[];
  /** Import-time effects first, then those of first-request and post-fork hooks. */
  effects: Effect[];
  hooks: Hook[];
  uwsgidecoratorsImports: ImportRun['uwsgidecoratorsImports'];
  atFork: Map<Resource, ResourceAtFork>;
  /** A budget ran out (huge or pathological code): the model is partial. */
  truncated: boolean;
  /** Python files that could not be parsed. */
  unparsed: string[];
  /** `SQLALCHEMY_ENGINE_OPTIONS` with `NullPool` appears in the app's code: Flask-SQLAlchemy engines keep nothing open. */
  fsaNullPool: boolean;
  modules: ModuleState[];
}

/** uWSGI imports `shared-import` modules first, then `import`, then the app and mounts. */
const ORDER: Record<AppEntry['kind'], number> = { 'shared-import': 0, import: 1, module: 2, file: 2, mount: 3 };

export function buildImportModel(fs: FileSystem, entries: readonly AppEntry[]): ImportModel {
  const run: ImportRun = {
    fs, entries, parse: parsePython, modules: new Map(), resolutions: new Map(), registeredEngines: [], effects: [], hooks: [], uwsgidecoratorsImports: [], frames: [], callerScopes: [],
    entryIndex: 0, phase: 'import', seq: 0, nextResourceId: 1, steps: 0, nesting: 0, inExcept: 0, active: new Set(), truncated: false,
    nullPoolFsa: false, unparsed: [],
  };
  const base = { entries, effects: run.effects, hooks: run.hooks, uwsgidecoratorsImports: run.uwsgidecoratorsImports, atFork: new Map(), truncated: false, unparsed: run.unparsed, modules: [], fsaNullPool: false };
  if (pythonParserState() !== 'ready') return { ...base, status: 'parserUnavailable', problem: pythonParserProblem() };
  const order = entries.map((entry, index) => ({ entry, index })).sort((a, b) => ORDER[a.entry.kind] - ORDER[b.entry.kind] || a.index - b.index);
  try {
    for (const { entry, index } of order) {
      run.entryIndex = index;
      runEntry(run, entry);
    }
  } catch {
    // A shape the model does not survive must not hide what it found so far.
    run.truncated = true;
  }
  const atFork = snapshot(run);
  try {
    runHooks(run);
  } catch {
    run.truncated = true;
  }
  return { ...base, status: 'ok', atFork, truncated: run.truncated, modules: [...run.modules.values()], fsaNullPool: run.nullPoolFsa };
}

function entryFrame(entry: AppEntry): Frame {
  return { ...entry.origin, label: `${entry.key} = ${entry.value}` };
}

function runEntry(run: ImportRun, entry: AppEntry): void {
  const frame = entryFrame(entry);
  // A copy: `sys.path.insert(...)` in the app extends it for this run only.
  const searchPath = entry.searchPath.length > 0 ? [...entry.searchPath] : entry.filePath ? [dirname(entry.filePath)] : [];
  noteNullPool(run, entry.filePath);
  let module: ModuleState | undefined;
  if (entry.moduleName) {
    const chain = importDotted(run, entry.moduleName, searchPath, frame);
    module = chain?.[chain.length - 1];
  } else if (entry.filePath) {
    // `wsgi-file` runs under a mangled name (`uwsgi_file_…`): not a package, no relative imports.
    const name = 'uwsgi_file_' + entry.filePath.replace(/\.py$/, '').replace(/[/.]/g, '_');
    module = run.modules.get(name);
    if (!module) {
      module = { file: entry.filePath, name, isPackage: false, namespace: new Map(), packageDirs: [], searchPath, status: 'running' };
      run.modules.set(name, module);
      executeFile(run, module, entry.filePath, frame);
      module.status = 'done';
    }
  }
  if (module && entry.callsFactory && entry.callable) {
    const factory = module.namespace.get(entry.callable);
    if (factory?.kind === 'function') {
      run.frames.push(frame);
      run.callerScopes.push(undefined);
      try {
        invoke(run, factory, { positional: [], keywords: new Map() }, { ...frame, label: `${entry.callable}() called by uWSGI` });
      } finally {
        run.frames.pop();
        run.callerScopes.pop();
      }
    }
  }
}

/** Flask-SQLAlchemy engine options usually live in a config module: a text check is enough. */
function noteNullPool(run: ImportRun, file: string | undefined): void {
  if (run.nullPoolFsa || !file) return;
  for (const name of run.fs.readDirectory(dirname(file)) ?? []) {
    if (!name.endsWith('.py')) continue;
    const text = run.fs.readFile(`${dirname(file)}/${name}`);
    if (text && FSA_NULLPOOL_PATTERN.test(text)) run.nullPoolFsa = true;
  }
}

function snapshot(run: ImportRun): Map<Resource, ResourceAtFork> {
  const out = new Map<Resource, ResourceAtFork>();
  for (const effect of run.effects) {
    for (let r: Resource | undefined = effect.resource, i = 0; r && i < 10; r = r.owner, i++) {
      out.set(r, { stored: !!r.stored, closed: !!r.closed, opened: !!r.opened });
    }
  }
  return out;
}

/** Hook bodies run later: first-request hooks in each worker, post-fork hooks right after each fork. */
function runHooks(run: ImportRun): void {
  for (const hook of [...run.hooks]) {
    if (!hook.target) continue;
    run.phase = hook.kind === 'beforeFirstRequest' ? 'firstRequest' : 'postfork';
    run.entryIndex = hook.entryIndex;
    run.frames = [...hook.chain];
    run.callerScopes = hook.chain.map(() => undefined);
    const before = run.effects.length;
    const none = { positional: [], keywords: new Map() };
    if (hook.target.kind === 'function') invoke(run, hook.target, none, hook.site);
    else if (hook.target.kind === 'boundMethod') applyMethod(run, hook.target.resource, hook.target.name, none, hook.site);
    hook.effects = run.effects.slice(before);
  }
  run.frames = [];
  run.callerScopes = [];
  run.phase = 'import';
}
