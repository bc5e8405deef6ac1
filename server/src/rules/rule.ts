import type { FileSystem } from '../core/fileSystem';
import type { Finding, Severity } from '../core/finding';
import type { LintSettings } from '../core/settings';

/** The facts about a rule that docs, settings and the registry are built from. */
export interface RuleMeta {
  /** Stable code, `UW` + three digits; never reused. */
  code: string;
  /** camelCase name, used in docs and messages. */
  name: string;
  /** One line: what the rule reports. */
  summary: string;
  defaultSeverity: Severity;
}

/** A finding as a rule reports it: severity defaults to the rule's own. */
export type ReportedFinding = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/**
 * What a rule sees while one uWSGI config (a root ini file and one of its sections) is analysed.
 * Shared analysis products (parsed files, the effective configuration, the import-time model)
 * are built once per analysis through `memo`, by the modules that own them.
 */
export interface RuleContext {
  /** Absolute path of the ini file the analysis starts from. */
  readonly rootPath: string;
  /** The section uWSGI reads (`uwsgi` unless `file.ini:section` was asked for). */
  readonly section: string;
  readonly fs: FileSystem;
  readonly settings: LintSettings;
  /** Builds `compute()` once per analysis and key; later calls return the same value. */
  memo<T>(key: string, compute: () => T): T;
  report(finding: ReportedFinding): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

/** Link to the rule's page, used as `codeDescription.href`. */
export function ruleDocUrl(code: string): string {
  return `https://github.com/uwsgi-lint/uwsgi-lint/blob/main/docs/rules/${code}.md`;
}
