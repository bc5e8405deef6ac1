import { effectiveConfigOf } from '../config/effectiveConfig';
import type { EffectiveEntry } from '../config/model';
import { normalizePath, resolvePath } from '../core/fileSystem';
import { mapDeployPath } from '../deploy/pathMapping';
import { deploymentDirs, displayBase, relativeTo } from '../deploy/searchDirs';
import { suffixBases } from '../deploy/suffixMatch';
import { resolveModule } from '../python/moduleResolver';
import type { RuleContext } from '../rules/rule';
import type { AppEntry } from './appEntry';
import { parseImportValue, parseModuleValue, parseMountValue, type EntryTarget } from './entryTarget';
import { locate, pythonSearchPathOf, type PythonSearchPath } from './pythonSearchPath';

const DEFAULT_CALLABLE = 'application';

/** Every piece of Python the config makes uWSGI import, in load order, resolved into the workspace. */
export function appEntriesOf(context: RuleContext): AppEntry[] {
  return context.memo('app.entries', () => {
    const config = effectiveConfigOf(context);
    const sp = pythonSearchPathOf(context);
    const callableOption = config.get('callable');
    const optionText = callableOption && !callableOption.unresolved ? callableOption.value.trim() : '';
    // uWSGI applies the `name()` factory syntax to the `callable` option too (`uwsgi_uwsgi_loader`).
    const optionFactory = /\(\s*\)$/.test(optionText);
    const defaultCallable = optionText.replace(/\(\s*\)$/, '').trim() || undefined;
    const entries: AppEntry[] = [];
    const usable = (e: EffectiveEntry | undefined): e is EffectiveEntry => !!e && !e.unresolved && e.value.trim() !== '';
    const callableFor = (t: EntryTarget): Pick<AppEntry, 'callable' | 'callableFrom' | 'callsFactory'> =>
      t.callable
        ? { callable: t.callable, callableFrom: 'value', callsFactory: t.callsFactory }
        : defaultCallable
          ? { callable: defaultCallable, callableFrom: 'option', callsFactory: optionFactory && t.form === 'module' }
          : { callable: DEFAULT_CALLABLE, callableFrom: 'default', callsFactory: false };

    for (const e of config.getAll('shared-import').filter(usable)) {
      entries.push(build(context, sp, e, 'shared-import', parseImportValue(e.value), {}));
    }
    for (const e of config.getAll('import').filter(usable)) {
      entries.push(build(context, sp, e, 'import', parseImportValue(e.value), {}));
    }
    const module = config.get('module');
    if (usable(module)) {
      const t = parseModuleValue(module.value);
      entries.push(build(context, sp, module, 'module', t, callableFor(t)));
    }
    const file = config.get('wsgi-file');
    if (usable(file)) {
      const t: EntryTarget = { form: 'file', target: file.value.trim(), callsFactory: false };
      entries.push(build(context, sp, file, 'file', t, callableFor(t)));
    }
    for (const e of config.getAll('mount').filter(usable)) {
      const m = parseMountValue(e.value);
      if (!m.target) continue;
      entries.push(build(context, sp, e, 'mount', m.target, { ...callableFor(m.target), mountpoint: m.mountpoint }));
    }
    return entries;
  });
}

/** Entries that define a WSGI app (not plain imports). */
export function appLoadingEntries(entries: readonly AppEntry[]): AppEntry[] {
  return entries.filter((e) => e.kind === 'module' || e.kind === 'file' || e.kind === 'mount');
}

function build(
  context: RuleContext,
  sp: PythonSearchPath,
  entry: EffectiveEntry,
  kind: AppEntry['kind'],
  target: EntryTarget,
  extra: Partial<AppEntry>,
): AppEntry {
  const base: AppEntry = {
    kind,
    origin: entry.valueSpan,
    key: entry.key,
    value: entry.value,
    searchPath: [...sp.folders],
    mappingNotes: [...sp.notes],
    conditional: entry.conditional,
    source: entry,
    ...extra,
  };
  return target.form === 'file' ? resolveFile(context, sp, base, target.target) : resolveDotted(context, sp, base, target.target);
}

function resolveFile(context: RuleContext, sp: PythonSearchPath, entry: AppEntry, path: string): AppEntry {
  const located = locate(context, path, sp.cwd);
  const notes = located.note ? [...entry.mappingNotes, located.note] : entry.mappingNotes;
  if (located.exists && context.fs.kind(located.path) === 'file') return { ...entry, filePath: located.path, mappingNotes: notes };
  const base = displayBase(context);
  return { ...entry, mappingNotes: notes, searched: [resolvePath(sp.cwd, path) + (located.path !== resolvePath(sp.cwd, path) ? ` (→ ${relativeTo(base, located.path)})` : '')] };
}

function resolveDotted(context: RuleContext, sp: PythonSearchPath, entry: AppEntry, dotted: string): AppEntry {
  const withModule = { ...entry, moduleName: dotted };
  const found = resolveModule(context.fs, sp.folders, dotted);
  if (found?.file) return { ...withModule, filePath: found.file, packageInits: found.packageInits };
  const fallback = fallbackFolder(context, sp, dotted);
  const base = displayBase(context);
  if (fallback) {
    const hit = resolveModule(context.fs, [fallback.folder], dotted);
    if (hit?.file) {
      return {
        ...withModule,
        filePath: hit.file,
        packageInits: hit.packageInits,
        searchPath: [...sp.folders, fallback.folder],
        mappingNotes: [...entry.mappingNotes, fallback.note],
      };
    }
  }
  const searched = [...sp.folders.map((f) => relativeTo(base, f) + '/'), ...sp.missing.map((m) => `${m} (not in the workspace)`)];
  return { ...withModule, searched };
}

/**
 * When the configured `sys.path` does not reach the module in the workspace: a deploy folder whose
 * path suffix matches (chdir = /app, module in the workspace root), else a src layout or a service folder.
 */
function fallbackFolder(context: RuleContext, sp: PythonSearchPath, dotted: string): { folder: string; note: string } | undefined {
  const rel = dotted.split('.').join('/');
  const base = displayBase(context);
  // Only deploy-side folders: a working directory already in the workspace was searched as is.
  const cwdInWorkspace = mapDeployPath(context, sp.cwd).exists && mapDeployPath(context, sp.cwd).note === undefined;
  for (const deployDir of cwdInWorkspace ? sp.missing : [sp.cwd, ...sp.missing]) {
    for (const suffix of [`${rel}.py`, `${rel}/__init__.py`]) {
      const mapped = mapDeployPath(context, resolvePath(deployDir, suffix));
      if (!mapped.exists) continue;
      const folder = normalizePath(mapped.path.slice(0, mapped.path.length - suffix.length));
      return { folder, note: `${deployDir} → ${relativeTo(base, folder)} (matched by ${relativeTo(base, mapped.path)})` };
    }
  }
  // The ini's folders, then first-level folders of the workspace (`backend/`, `services/`), each with a src layout.
  const candidates: string[] = [];
  for (const dir of [...deploymentDirs(context), ...suffixBases(context)]) {
    for (const folder of [dir, resolvePath(dir, 'src')]) if (!candidates.includes(folder)) candidates.push(folder);
  }
  for (const dir of candidates) {
    if (sp.folders.includes(dir)) continue;
    const hit = resolveModule(context.fs, [dir], dotted);
    if (hit?.file) {
      return { folder: dir, note: `${dotted} found in ${relativeTo(base, dir)}/, which the config does not put on sys.path (an installed package, or run from that folder)` };
    }
  }
  return undefined;
}
