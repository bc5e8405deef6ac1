import { analyzeConfig, type AnalysisResult } from './analyze';
import type { FileSystem } from './fileSystem';
import { normalizePath } from './fileSystem';
import { findingKey, type Finding } from './finding';
import type { LintSettings } from './settings';
import type { Rule } from '../rules/rule';

/**
 * Keeps the latest analysis of every uWSGI config in a workspace and the reverse index from
 * each file an analysis read (included ini, Python module, Dockerfile…) to the configs that read it,
 * so a change anywhere re-checks exactly the configs that depend on it.
 */
export class WorkspaceLinter {
  private readonly results = new Map<string, AnalysisResult>();
  private readonly dependents = new Map<string, Set<string>>();

  /** `rules` restricts the rule set (tests); default every registered rule. */
  constructor(
    private readonly fs: FileSystem,
    private readonly rules?: readonly Rule[],
  ) {}

  /** Analyses one config (replacing its previous result) and returns the fresh result. */
  lint(configPath: string, settings: LintSettings, section?: string): AnalysisResult {
    const path = normalizePath(configPath);
    this.forget(path);
    const result = analyzeConfig({ path, section, fs: this.fs, settings, rules: this.rules });
    this.results.set(path, result);
    for (const dependency of [path, ...result.dependencies]) {
      let set = this.dependents.get(dependency);
      if (!set) this.dependents.set(dependency, (set = new Set()));
      set.add(path);
    }
    return result;
  }

  /** Drops a config (deleted, excluded, no longer a uWSGI config). */
  forget(configPath: string): void {
    const path = normalizePath(configPath);
    const previous = this.results.get(path);
    if (!previous) return;
    this.results.delete(path);
    for (const dependency of [path, ...previous.dependencies]) this.dependents.get(dependency)?.delete(path);
  }

  has(configPath: string): boolean {
    return this.results.has(normalizePath(configPath));
  }

  configs(): string[] {
    return [...this.results.keys()].sort();
  }

  /** Configs whose analysis read (or looked for) `path`, including `path` itself when it is one. */
  configsDependingOn(path: string): string[] {
    return [...(this.dependents.get(normalizePath(path)) ?? [])].sort();
  }

  /** Every file with findings, each finding once even when several configs reach the same file. */
  findingsByFile(): Map<string, Finding[]> {
    const byFile = new Map<string, Finding[]>();
    const seen = new Set<string>();
    for (const result of this.results.values()) {
      for (const finding of result.findings) {
        const key = findingKey(finding);
        if (seen.has(key)) continue;
        seen.add(key);
        let list = byFile.get(finding.file);
        if (!list) byFile.set(finding.file, (list = []));
        list.push(finding);
      }
    }
    for (const list of byFile.values()) list.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
    return byFile;
  }
}
