import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { appLoadingEntries } from '../app/appEntries';
import type { FileSystem } from '../core/fileSystem';
import type { IniEntry, ValueToken } from '../ini/model';
import { lookupOption } from '../options/catalog';
import {
  configuredCallable,
  fileTarget,
  moduleTarget,
  mountTarget,
  searchPathOf,
  type PythonTarget,
} from './appTargets';
import { cursorAt } from './cursor';
import { featureDocument, type FeatureDocument } from './featureConfig';
import { topLevelBinding } from './pythonBinding';
import type { DefinitionEntry, FeatureRequest } from './types';
import { MODULE_OPTIONS } from './valueKinds';

const APP_OPTIONS = ['module', 'wsgi-file', 'mount'];

/**
 * Go to definition from the value of `module`, `wsgi-file`, `mount`, the Python import options and
 * `callable`: the Python file, at the callable's module-level binding when it is found; from
 * `%(name)` to the key that defines it.
 */
export function definitionAt(request: FeatureRequest, offset: number): DefinitionEntry[] {
  const fd = featureDocument(request);
  const target = cursorAt(fd.doc, offset);
  // F12 on the key works like on the value: `module` is as much "the app" as its value.
  if (target.kind !== 'value' && target.kind !== 'key') return [];
  const { entry } = target;
  const token = target.kind === 'value' ? target.token : undefined;
  const config = fd.configAt(offset);
  if (token) return token.kind === 'placeholder' ? placeholderDefinition(config, token) : [];
  const found = fromAppEntries(fd, entry, offset) ?? fromOwnResolution(fd, entry, config);
  if (!found) return [];
  return [toDefinition(request.fs, found, entry.valueSpan)];
}

/**
 * Entry resolution knows the deployment (working directory from a Dockerfile or unit, deploy
 * paths mapped into the workspace), so its answer comes first.
 */
function fromAppEntries(fd: FeatureDocument, entry: IniEntry, offset: number): PythonTarget | undefined {
  if (lookupOption(entry.key)?.canonical === 'callable') {
    const app = appLoadingEntries(fd.appEntriesAt(offset)).find((a) => a.filePath);
    return app?.filePath ? { file: app.filePath, callable: entry.value.trim() } : undefined;
  }
  const app = fd.appEntryOf(entry);
  if (!app?.filePath) return undefined;
  return { file: app.filePath, callable: app.kind === 'import' || app.kind === 'shared-import' ? undefined : app.callable };
}

/** Earlier (overridden) app lines and anything entry resolution skips: resolved from chdir/pythonpath and the ini's folder. */
function fromOwnResolution(fd: FeatureDocument, entry: IniEntry, config: EffectiveConfig): PythonTarget | undefined {
  const value = fd.effectiveOf(entry)?.value ?? entry.value;
  const canonical = lookupOption(entry.key)?.canonical ?? entry.key;
  const searchPath = searchPathOf(config, fd.request.path);
  const callable = configuredCallable(config);
  const fs = fd.request.fs;
  if (canonical === 'callable') return appFileOf(config, fs, searchPath, value.trim());
  if (canonical === 'wsgi-file') return fileTarget(fs, searchPath, value, callable);
  if (canonical === 'mount') return mountTarget(fs, searchPath, value, callable);
  if (canonical === 'module') return moduleTarget(fs, searchPath, value, callable);
  if (MODULE_OPTIONS.has(entry.key) || MODULE_OPTIONS.has(canonical)) return moduleTarget(fs, searchPath, value);
  return undefined;
}

/** `%(name)` → the first key named `name`, which is the one uWSGI substitutes (possibly in an included file). */
function placeholderDefinition(config: EffectiveConfig, token: ValueToken): DefinitionEntry[] {
  const definition = config.first(token.name);
  if (!definition || definition.origin === 'environment') return [];
  return [{ originRange: { start: token.start, end: token.end }, path: definition.file, range: { start: definition.keySpan.start, end: definition.keySpan.end } }];
}

/** The file `callable =` applies to: the first app entry of the config that resolves. */
function appFileOf(config: EffectiveConfig, fs: FileSystem, searchPath: string[], callable: string): PythonTarget | undefined {
  const apps: EffectiveEntry[] = config.entries.filter((e) => !e.placeholderOnly && APP_OPTIONS.includes(e.option));
  for (const app of apps) {
    const target =
      app.option === 'wsgi-file' ? fileTarget(fs, searchPath, app.value)
      : app.option === 'mount' ? mountTarget(fs, searchPath, app.value)
      : moduleTarget(fs, searchPath, app.value);
    if (target) return { file: target.file, callable };
  }
  return undefined;
}

function toDefinition(fs: FileSystem, target: PythonTarget, originRange: { start: number; end: number }): DefinitionEntry {
  const text = target.callable ? fs.readFile(target.file) : undefined;
  const binding = text !== undefined && target.callable ? topLevelBinding(text, target.callable) : undefined;
  return { originRange, path: target.file, range: binding ?? { start: 0, end: 0 } };
}
