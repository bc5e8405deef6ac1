import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import type { FileSystem } from '../core/fileSystem';
import type { ValueToken } from '../ini/model';
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
import { featureDocument } from './featureConfig';
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
  if (target.kind !== 'value') return [];
  const { entry, token } = target;
  const config = fd.configAt(offset);
  if (token) return token.kind === 'placeholder' ? placeholderDefinition(config, token) : [];
  const value = fd.effectiveOf(entry)?.value ?? entry.value;
  const canonical = lookupOption(entry.key)?.canonical ?? entry.key;
  const searchPath = searchPathOf(config, request.path);
  const callable = configuredCallable(config);
  const fs = request.fs;
  let found: PythonTarget | undefined;
  if (canonical === 'callable') found = appFileOf(config, fs, searchPath, value.trim());
  else if (canonical === 'wsgi-file') found = fileTarget(fs, searchPath, value, callable);
  else if (canonical === 'mount') found = mountTarget(fs, searchPath, value, callable);
  else if (canonical === 'module') found = moduleTarget(fs, searchPath, value, callable);
  else if (MODULE_OPTIONS.has(entry.key) || MODULE_OPTIONS.has(canonical)) found = moduleTarget(fs, searchPath, value);
  if (!found) return [];
  return [toDefinition(fs, found, entry.valueSpan)];
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
