import type { Connection } from 'vscode-languageserver/node';
import { normalizeSettings, type LintSettings } from '../core/settings';

export interface FileSettings {
  enable: boolean;
  lint: LintSettings;
}

/**
 * Pulls `uwsgiLint` settings per file (multi-root: each folder may differ), caches the promise per
 * path and forgets everything when the client says the configuration changed.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<FileSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly workspaceRoots: () => string[],
    private readonly toUri: (path: string) => string,
  ) {}

  get(path: string): Promise<FileSettings> {
    let entry = this.cache.get(path);
    if (!entry) {
      entry = this.pull(path);
      this.cache.set(path, entry);
    }
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }

  private async pull(path: string): Promise<FileSettings> {
    let raw: unknown = {};
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: this.toUri(path), section: 'uwsgiLint' });
      } catch {
        raw = {};
      }
    }
    const record = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    return { enable: record.enable !== false, lint: normalizeSettings(record, this.workspaceRoots()) };
  }
}
