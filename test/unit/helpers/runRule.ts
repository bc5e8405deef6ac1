import { analyzeConfig } from '../../../server/src/core/analyze';
import { MemoryFileSystem } from '../../../server/src/core/fileSystem';
import type { Finding } from '../../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../../server/src/core/settings';
import type { Rule } from '../../../server/src/rules/rule';
import { applyEdits } from './applyEdits';

/** Runs `rules` over `files` with `/app/uwsgi.ini` (or `path`) as the root; returns findings. */
export function runRules(
  rules: readonly Rule[],
  files: Record<string, string>,
  options: { path?: string; section?: string; settings?: Partial<LintSettings> } = {},
): Finding[] {
  const fs = new MemoryFileSystem(files);
  return analyzeConfig({
    path: options.path ?? '/app/uwsgi.ini',
    section: options.section,
    fs,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    rules,
  }).findings;
}

/** Applies the preferred (else first) fix of `finding` to `text`. */
export function applyFix(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred) ?? finding.fixes?.[0];
  if (!fix) throw new Error(`finding ${finding.code} has no fix`);
  return applyEdits(text, fix.edits.filter((e) => e.file === finding.file));
}
