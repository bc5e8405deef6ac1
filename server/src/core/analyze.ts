import type { FileSystem } from './fileSystem';
import { normalizePath } from './fileSystem';
import { findingKey, type Finding } from './finding';
import type { LintSettings } from './settings';
import { RULES } from '../rules';
import type { Rule, RuleContext } from '../rules/rule';
import { applySuppressions } from '../suppress/applySuppressions';

export interface AnalysisRequest {
  /** Absolute path of the ini file to analyse as uWSGI would load it (`--ini path[:section]`). */
  path: string;
  section?: string;
  fs: FileSystem;
  settings: LintSettings;
  /** Restricts the run to these rules (tests); default all. */
  rules?: readonly Rule[];
}

export interface AnalysisResult {
  /** Findings in every file the config reaches (ini includes, Python sources), suppressions applied. */
  findings: Finding[];
  /** Every path the analysis read or looked for, so a change to any of them re-runs it. */
  dependencies: string[];
}

/** Runs every rule over one uWSGI config and the files it reaches. Never throws for bad input. */
export function analyzeConfig(request: AnalysisRequest): AnalysisResult {
  const fs = new RecordingFileSystem(request.fs);
  const memos = new Map<string, unknown>();
  const findings: Finding[] = [];
  const rules = request.rules ?? RULES;
  for (const rule of rules) {
    const context: RuleContext = {
      rootPath: normalizePath(request.path),
      section: request.section ?? 'uwsgi',
      fs,
      settings: request.settings,
      memo<T>(key: string, compute: () => T): T {
        if (!memos.has(key)) memos.set(key, compute());
        return memos.get(key) as T;
      },
      report(finding) {
        findings.push({ ...finding, code: rule.code, severity: finding.severity ?? rule.defaultSeverity });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      findings.push(internalErrorFinding(request.path, rule, error));
    }
  }
  // Suppressions see every finding before severity overrides, so a suppression for a rule turned
  // off is not reported as unused, and UW009 (unused suppression) obeys overrides like any rule.
  const suppressed = applySuppressions(dedupe(findings), fs, {
    files: [...fs.touched],
    activeCodes: new Set(rules.map((rule) => rule.code)),
  });
  const configured = applySeverityOverrides(suppressed, request.settings);
  return { findings: configured, dependencies: [...fs.touched] };
}

function applySeverityOverrides(findings: Finding[], settings: LintSettings): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = settings.severity[finding.code];
    if (override === 'off') continue;
    out.push(override ? { ...finding, severity: override } : finding);
  }
  return out;
}

/** Included files and shared Python modules can be reached twice; report each finding once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = findingKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A rule bug must not hide the other rules' findings; it surfaces as a finding on the root file. */
function internalErrorFinding(path: string, rule: Rule, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file: normalizePath(path),
    start: 0,
    end: 0,
    code: 'UW000',
    severity: 'error',
    message: `uwsgi-lint internal error in rule ${rule.code} (${rule.name}): ${detail}. Please report it.`,
  };
}

class RecordingFileSystem implements FileSystem {
  readonly touched = new Set<string>();

  constructor(private readonly inner: FileSystem) {}

  readFile(path: string): string | undefined {
    this.touched.add(normalizePath(path));
    return this.inner.readFile(path);
  }

  kind(path: string): 'file' | 'directory' | undefined {
    this.touched.add(normalizePath(path));
    return this.inner.kind(path);
  }

  /** Listing a folder depends on it: a file created or deleted there can change the result. */
  readDirectory(path: string): string[] | undefined {
    this.touched.add(normalizePath(path));
    return this.inner.readDirectory(path);
  }
}
