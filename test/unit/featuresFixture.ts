import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import type { FeatureRequest } from '../../server/src/features/types';

export const INI_PATH = '/srv/app/uwsgi.ini';

/** Splits `text` at its single `|` cursor marker. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('expected exactly one | marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** A feature request for `text` at INI_PATH over `files` (the ini itself is the buffer). */
export function request(text: string, files: Record<string, string> = {}, settings: Partial<LintSettings> = {}): FeatureRequest {
  const fs = new MemoryFileSystem({ [INI_PATH]: text, ...files });
  return { path: INI_PATH, text, fs, settings: { ...DEFAULT_SETTINGS, ...settings } };
}

/** The text a range covers. */
export function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}
