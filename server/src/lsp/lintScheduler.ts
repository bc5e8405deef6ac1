import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { isUwsgiConfig } from '../core/configDiscovery';
import { dirname, type FileSystem } from '../core/fileSystem';
import { matchesGlob } from '../core/globMatch';
import { RangeConverter } from '../core/rangeConverter';
import { WorkspaceLinter } from '../core/workspaceLinter';
import type { SettingsCache } from './settingsCache';
import { toDiagnostic } from './toDiagnostic';

/** Coalesces bursts of keystrokes and file events into one analysis pass. */
const DEBOUNCE_MS = 150;

/**
 * Owns the set of known uWSGI configs, re-analyses the ones a change affects (debounced), and
 * publishes diagnostics for every file with findings — Python files included, open or not —
 * clearing files whose findings went away.
 */
export class LintScheduler {
  readonly linter: WorkspaceLinter;
  private readonly configs = new Set<string>();
  private readonly pending = new Set<string>();
  /** What each file was last sent, with its serialized form to skip unchanged re-sends. */
  private published = new Map<string, { diagnostics: Diagnostic[]; serialized: string }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly fs: FileSystem,
    private readonly settings: SettingsCache,
    private readonly workspaceRoots: () => string[],
    private readonly toUri: (path: string) => string,
    private readonly beforeFirstRun: () => Promise<void>,
  ) {
    this.linter = new WorkspaceLinter(fs);
  }

  /** Adds or removes `path` from the known configs according to its current text. */
  track(path: string): void {
    if (isUwsgiConfig(path, this.fs.readFile(path))) this.configs.add(path);
    else if (this.configs.delete(path)) this.linter.forget(path);
  }

  untrack(path: string): void {
    this.configs.delete(path);
    this.linter.forget(path);
  }

  isConfig(path: string): boolean {
    return this.configs.has(path);
  }

  /** Re-checks `path` if it is a config, and every config whose analysis read it. */
  fileChanged(path: string): void {
    // Dependents of the folder too: a created or deleted file changes what a listing returned.
    const affected = [...this.linter.configsDependingOn(path), ...this.linter.configsDependingOn(dirname(path))];
    if (this.configs.has(path)) affected.push(path);
    this.schedule(affected);
  }

  scheduleAll(): void {
    this.schedule([...this.configs]);
  }

  schedule(paths: Iterable<string>): void {
    for (const path of paths) this.pending.add(path);
    if (this.pending.size === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.running.then(() => this.runPending()).catch((error: unknown) => {
        this.connection.console.error(`uwsgi-lint: analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
    }, DEBOUNCE_MS);
  }

  /** Diagnostics last published for a file (used by fix-all on save). */
  diagnosticsFor(path: string): Diagnostic[] {
    return this.published.get(path)?.diagnostics ?? [];
  }

  /** Resolves once every scheduled analysis has run and its diagnostics are published. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.timer) {
      await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
      await this.running;
      if (this.pending.size === 0) break;
    }
    await this.running;
  }

  private async runPending(): Promise<void> {
    this.timer = undefined;
    await this.beforeFirstRun();
    const batch = [...this.pending];
    this.pending.clear();
    for (const path of batch) {
      if (!this.configs.has(path)) {
        this.linter.forget(path);
        continue;
      }
      const { enable, lint } = await this.settings.get(path);
      if (!enable || this.isExcluded(path, lint.exclude)) this.linter.forget(path);
      else this.linter.lint(path, lint);
    }
    this.publish();
  }

  private isExcluded(path: string, patterns: string[]): boolean {
    if (patterns.length === 0) return false;
    const root = this.workspaceRoots().find((r) => path.startsWith(r + '/'));
    const relative = root ? path.slice(root.length + 1) : path;
    return patterns.some((pattern) => matchesGlob(relative, pattern));
  }

  private publish(): void {
    const ranges = new RangeConverter(this.fs);
    const next = new Map<string, { diagnostics: Diagnostic[]; serialized: string }>();
    for (const [file, findings] of this.linter.findingsByFile()) {
      const diagnostics = findings.map((f) => toDiagnostic(f, ranges, this.toUri));
      const serialized = JSON.stringify(diagnostics);
      next.set(file, { diagnostics, serialized });
      if (this.published.get(file)?.serialized !== serialized) {
        void this.connection.sendDiagnostics({ uri: this.toUri(file), diagnostics });
      }
    }
    for (const file of this.published.keys()) {
      if (!next.has(file)) void this.connection.sendDiagnostics({ uri: this.toUri(file), diagnostics: [] });
    }
    this.published = next;
  }
}
