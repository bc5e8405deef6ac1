import type { FileSystem } from '../core/fileSystem';
import { normalizePath } from '../core/fileSystem';
import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { loadEffectiveConfig } from '../config/loadConfig';
import type { IniDocument, IniEntry } from '../ini/model';
import { parseIni } from '../ini/parser';
import { sectionAt } from './cursor';
import type { FeatureRequest } from './types';

/** The request's document parsed, with its effective configuration built lazily (only hover, links and definition need it). */
export interface FeatureDocument {
  request: FeatureRequest;
  doc: IniDocument;
  /** The configuration uWSGI would build starting from this file, for the section around `offset`. */
  configAt(offset: number): EffectiveConfig;
  /** The configuration's occurrence of `entry` (of this document), with its expanded value. */
  effectiveOf(entry: IniEntry): EffectiveEntry | undefined;
}

export function featureDocument(request: FeatureRequest): FeatureDocument {
  const doc = parseIni(request.text);
  const fs = withBuffer(request.fs, request.path, request.text);
  const cache = new Map<string, EffectiveConfig>();
  return {
    request,
    doc,
    configAt(offset: number): EffectiveConfig {
      // A named section other than the default is what `--ini file:section` would read.
      const name = sectionAt(doc, offset)?.name || 'uwsgi';
      let config = cache.get(name);
      if (!config) {
        config = loadEffectiveConfig({ rootPath: request.path, section: name, fs, settings: request.settings });
        cache.set(name, config);
      }
      return config;
    },
    effectiveOf(entry: IniEntry): EffectiveEntry | undefined {
      return effectiveEntryFor(this.configAt(entry.keySpan.start), request.path, entry);
    },
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
