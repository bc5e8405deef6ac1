import type { AppEntry } from '../../server/src/app/appEntry';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding, Fix } from '../../server/src/core/finding';
import { LineIndex } from '../../server/src/core/lineIndex';
import { applyEdits } from './helpers/applyEdits';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import type { Rule } from '../../server/src/rules/rule';

/** A hand-built entry as entry resolution would produce it for `module = name` in /w/app.ini. */
export function moduleEntry(moduleName: string, extra: Partial<AppEntry> = {}): AppEntry {
  return {
    kind: 'module',
    origin: { file: '/w/app.ini', start: 8, end: 14 },
    key: 'module',
    value: moduleName,
    moduleName: moduleName.split(':')[0],
    callable: moduleName.includes(':') ? moduleName.split(':')[1].replace('()', '') : 'application',
    callsFactory: moduleName.endsWith('()'),
    searchPath: ['/w'],
    mappingNotes: [],
    conditional: false,
    ...extra,
  };
}

/** Runs `rules` over `/w/uwsgi.ini` of an inline workspace. */
export function analyze(files: Record<string, string>, rules: readonly Rule[], settings: Partial<LintSettings> = {}): Finding[] {
  const fs = new MemoryFileSystem(files);
  return analyzeConfig({
    path: '/w/uwsgi.ini',
    fs,
    settings: { ...DEFAULT_SETTINGS, workspaceRoots: ['/w'], ...settings },
    rules,
  }).findings;
}

/** `file:line` (1-based, path relative to /w) of a finding, for compact assertions. */
export function at(files: Record<string, string>, finding: { file: string; start: number }): string {
  const line = new LineIndex(files[finding.file] ?? '').positionAt(finding.start).line + 1;
  return `${finding.file.replace('/w/', '')}:${line}`;
}

/** Applies a fix's edits to the workspace texts, file by file. */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    out[file] = applyEdits(out[file] ?? '', fix.edits.filter((e) => e.file === file));
  }
  return out;
}

export const PREFORK_INI = '[uwsgi]\nmaster = true\nprocesses = 4\nmodule = app:app\n';
