import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { applyEdits } from './helpers/applyEdits';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import type { ReportedFinding, RuleContext } from '../../server/src/rules/rule';

/** A RuleContext over inline files, for the entry-resolution, deploy and UW2xx tests. */
export function contextFor(
  files: Record<string, string>,
  options: { rootPath?: string; settings?: Partial<LintSettings>; section?: string } = {},
): RuleContext & { reported: ReportedFinding[]; fs: MemoryFileSystem } {
  const memos = new Map<string, unknown>();
  const reported: ReportedFinding[] = [];
  const fs = new MemoryFileSystem(files);
  return {
    rootPath: options.rootPath ?? '/ws/uwsgi.ini',
    section: options.section ?? 'uwsgi',
    fs,
    settings: { ...DEFAULT_SETTINGS, workspaceRoots: ['/ws'], ...options.settings },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    report(finding: ReportedFinding) {
      reported.push(finding);
    },
    reported,
  };
}

/** Applies a finding's fix edits to the file's text (edits must not overlap). */
export function applyFix(text: string, fix: NonNullable<Finding['fixes']>[number], file: string): string {
  return applyEdits(text, fix.edits.filter((e) => e.file === file));
}

/** The text a span covers. */
export function spanText(files: Record<string, string>, span: { file: string; start: number; end: number }): string {
  return (files[span.file] ?? '').slice(span.start, span.end);
}
