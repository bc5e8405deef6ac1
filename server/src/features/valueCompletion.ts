import { dirname, resolvePath } from '../core/fileSystem';
import type { IniDocument, IniEntry } from '../ini/model';
import { allOptions, lookupOption } from '../options/catalog';
import type { FeatureDocument } from './featureConfig';
import { pluginToLoad } from './optionDocs';
import { pathCompletions } from './pathCompletion';
import { pythonModulesUnder } from './moduleNames';
import { placeholderCompletions } from './placeholderCompletion';
import type { CompletionEntry, FeatureRequest, OffsetRange } from './types';
import { ENUM_VALUES, MODULE_OPTIONS, fileExtensionsFor, pathKindOf } from './valueKinds';

const BOOLEAN_VALUES: ReadonlyArray<[string, string]> = [
  ['true', 'turns the flag on'],
  ['false', 'turns the flag off (so do `off`, `no` and `0`)'],
];

/**
 * Values for the option on `entry`, with the cursor at `offset` inside its value: placeholder
 * names inside `%(`, else what the option takes.
 */
export function valueCompletions(fd: FeatureDocument, entry: IniEntry, offset: number): CompletionEntry[] {
  const { request, doc } = fd;
  const { text } = request;
  const afterEq = entry.eqOffset + 1;
  const lead = text.slice(afterEq, offset).length - text.slice(afterEq, offset).trimStart().length;
  const typedStart = afterEq + lead;
  const typed = text.slice(typedStart, offset);
  const valueEnd = Math.max(offset, entry.valueSpan.end);
  const whole: OffsetRange = { start: typedStart, end: valueEnd };
  const placeholders = placeholderCompletions(text, typedStart, offset, () => fd.configAt(offset));
  if (placeholders) return placeholders;
  const info = lookupOption(entry.key, request.settings.uwsgiVersion) ?? lookupOption(entry.key);
  const canonical = info?.canonical ?? entry.key;

  if (info?.isBool) {
    return BOOLEAN_VALUES.map(([label, detail]) => ({ label, kind: 'boolean', detail, replace: whole }));
  }
  const values = ENUM_VALUES[canonical] ?? ENUM_VALUES[entry.key];
  if (values) return values.map((label) => ({ label, kind: 'enum', detail: `${entry.key} value`, replace: whole }));
  if (canonical === 'plugin' || canonical === 'plugins' || canonical === 'need-plugin') return pluginNames(typed, typedStart, valueEnd);

  const pathKind = pathKindOf(entry.key, canonical);
  if (pathKind) {
    const nextSlash = text.indexOf('/', offset);
    const segmentEnd = nextSlash >= 0 && nextSlash < valueEnd ? nextSlash : valueEnd;
    return pathCompletions({
      fs: request.fs,
      iniPath: request.path,
      typed,
      typedStart,
      segmentEnd,
      kind: pathKind,
      extensions: fileExtensionsFor(entry.key) ?? fileExtensionsFor(canonical),
    });
  }
  if (MODULE_OPTIONS.has(entry.key) || MODULE_OPTIONS.has(canonical)) {
    if (typed.includes(':')) return [];
    return pythonModulesUnder(request.fs, [...new Set([...fd.pythonFoldersAt(offset), ...moduleRoots(request, doc)])]).map((label) => ({
      label,
      kind: 'module',
      detail: 'Python module',
      replace: { start: typedStart, end: moduleEnd(text, typedStart, valueEnd) },
    }));
  }
  return [];
}

/** Where Python would look: `chdir` and `pythonpath` values written as plain paths, then the ini's folder. */
function moduleRoots(request: FeatureRequest, doc: IniDocument): string[] {
  const base = dirname(request.path);
  const roots: string[] = [];
  for (const entry of doc.entries) {
    if (!['chdir', 'pythonpath', 'python-path', 'pp'].includes(entry.key) || /[%$@]\(/.test(entry.value) || entry.value === '') continue;
    roots.push(resolvePath(base, entry.value.replace(/^%d/, base + '/')));
  }
  roots.push(base);
  return [...new Set(roots)];
}

/** A module name ends at `:callable`. */
function moduleEnd(text: string, start: number, valueEnd: number): number {
  const colon = text.indexOf(':', start);
  return colon >= 0 && colon < valueEnd ? colon : valueEnd;
}

/** The plugin names uWSGI ships, as written in `plugin = …`; completes the comma-separated item being typed. */
function pluginNames(typed: string, typedStart: number, valueEnd: number): CompletionEntry[] {
  const itemStart = typedStart + Math.max(typed.lastIndexOf(','), typed.lastIndexOf(' ')) + 1;
  const names = new Set<string>();
  for (const info of allOptions()) if (info.plugin !== 'core') names.add(pluginToLoad(info.plugin));
  const replace = { start: itemStart, end: Math.max(itemStart, valueEnd) };
  return [...names].sort().map((label) => ({ label, kind: 'enum', detail: 'uWSGI plugin', replace, sortText: label === 'python3' ? ' ' : label }));
}
