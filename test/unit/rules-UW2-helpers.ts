import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import type { Rule } from '../../server/src/rules/rule';

export const ROOT = '/ws/uwsgi.ini';

/** Runs one rule over inline files, as the analysis does. */
export function runRule(rule: Rule, files: Record<string, string>, settings: Partial<LintSettings> = {}, path = ROOT): Finding[] {
  const fs = new MemoryFileSystem(files);
  return analyzeConfig({ path, fs, settings: { ...DEFAULT_SETTINGS, workspaceRoots: ['/ws'], ...settings }, rules: [rule] }).findings;
}
