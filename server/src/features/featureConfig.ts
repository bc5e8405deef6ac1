import type { FileSystem } from '../core/fileSystem';
import { normalizePath } from '../core/fileSystem';
import { appEntriesOf } from '../app/appEntries';
import type { AppEntry } from '../app/appEntry';
import { pythonSearchPathOf } from '../app/pythonSearchPath';
import { effectiveConfigOf, type EffectiveConfig, type EffectiveEntry } from '../config/effectiveConfig';
import type { IniDocument, IniEntry } from '../ini/model';
import { parseIni } from '../ini/parser';
import type { RuleContext } from '../rules/rule';
import { sectionAt } from './cursor';
import type { FeatureRequest } from './types';

/**
 * The request's document parsed, with the analysis products the rules use (effective
 * configuration, app entries) built lazily through the same memoised builders, per section.
 */
export interface FeatureDocument {
  request: FeatureRequest;
  doc: IniDocument;
  /** The configuration uWSGI would build starting from this file, for the section around `offset`. */
  configAt(offset: number): EffectiveConfig;
  /** The Python uWSGI would import for that configuration, resolved into the workspace. */
  appEntriesAt(offset: number): AppEntry[];
  /** The configuration's occurrence of `entry` (of this document), with its expanded value. */
  effectiveOf(entry: IniEntry): EffectiveEntry | undefined;
  /** Workspace folders Python would search for the app's modules (deploy paths mapped). */
  pythonFoldersAt(offset: number): string[];
  /** The app entry that `entry` (of this document) names, when it names one. */
  appEntryOf(entry: IniEntry): AppEntry | undefined;
}

export function featureDocument(request: FeatureRequest): FeatureDocument {
  const doc = parseIni(request.text);
  const fs = withBuffer(request.fs, request.path, request.text);
  const contexts = new Map<string, RuleContext>();
  const contextAt = (offset: number): RuleContext => {
    // A named section other than the default is what `--ini file:section` would read.
    const section = sectionAt(doc, offset)?.name || 'uwsgi';
    let context = contexts.get(section);
    if (!context) {
      context = featureRuleContext(request.path, section, fs, request);
      contexts.set(section, context);
    }
    return context;
  };
  const feature: FeatureDocument = {
    request,
    doc,
    configAt: (offset) => effectiveConfigOf(contextAt(offset)),
    appEntriesAt: (offset) => appEntriesOf(contextAt(offset)),
    effectiveOf: (entry) => effectiveEntryFor(feature.configAt(entry.keySpan.start), request.path, entry),
    pythonFoldersAt: (offset) => pythonSearchPathOf(contextAt(offset)).folders,
    appEntryOf: (entry) => {
      const file = normalizePath(request.path);
      return feature
        .appEntriesAt(entry.keySpan.start)
        .find((a) => a.source?.origin === 'ini' && a.source.file === file && a.source.keySpan.start === entry.keySpan.start);
    },
  };
  return feature;
}

/** A rule context that only memoises: features read analysis products, they report nothing. */
function featureRuleContext(rootPath: string, section: string, fs: FileSystem, request: FeatureRequest): RuleContext {
  const memos = new Map<string, unknown>();
  return {
    rootPath: normalizePath(rootPath),
    section,
    fs,
    settings: request.settings,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    report() {},
  };
}

/** `fs` with `path` reading as `text`: the editor's buffer wins over the disk. */
export function withBuffer(fs: FileSystem, path: string, text: string): FileSystem {
  const own = normalizePath(path);
  return {
    readFile: (p) => (normalizePath(p) === own ? text : fs.readFile(p)),
    kind: (p) => (normalizePath(p) === own ? 'file' : fs.kind(p)),
    readDirectory: (p) => fs.readDirectory(p),
  };
}

/** The configuration parses files itself, so entries are matched by file and position, not identity. */
export function effectiveEntryFor(config: EffectiveConfig, path: string, entry: IniEntry): EffectiveEntry | undefined {
  const file = normalizePath(path);
  return config.entries.find((e) => e.origin === 'ini' && e.file === file && e.keySpan.start === entry.keySpan.start);
}
