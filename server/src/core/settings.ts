import type { SeveritySetting } from './finding';

/** uWSGI releases whose option sets we know; `2.1` is the unreleased master branch. */
export type UwsgiVersion = '2.0.21' | '2.0.30' | '2.1';
export const UWSGI_VERSIONS: readonly UwsgiVersion[] = ['2.0.21', '2.0.30', '2.1'];

/**
 * `monolithic`: pip-installed or self-built uWSGI with the python plugin built in.
 * `plugin`: a distro build (Debian, Alpine…) where `plugins = python3` must be loaded.
 * `auto`: a `plugin`/`plugins` line in the config means a plugin build, else monolithic.
 */
export type BuildKind = 'auto' | 'monolithic' | 'plugin';
export const BUILD_KINDS: readonly BuildKind[] = ['auto', 'monolithic', 'plugin'];

export interface LintSettings {
  uwsgiVersion: UwsgiVersion;
  buildKind: BuildKind;
  /** Per-rule severity overrides keyed by code (`UW101`). */
  severity: Record<string, SeveritySetting>;
  /** Glob patterns (matched against workspace-relative paths) of files never linted. */
  exclude: string[];
  /** Absolute folders the analysis may search for Python sources and deployment files. */
  workspaceRoots: string[];
}

export const DEFAULT_SETTINGS: LintSettings = {
  uwsgiVersion: '2.0.30',
  buildKind: 'auto',
  severity: {},
  exclude: [],
  workspaceRoots: [],
};

/** Fills in defaults and drops values of the wrong shape, so raw user settings never reach the rules. */
export function normalizeSettings(raw: unknown, workspaceRoots: string[] = []): LintSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const version = UWSGI_VERSIONS.includes(input.uwsgiVersion as UwsgiVersion)
    ? (input.uwsgiVersion as UwsgiVersion)
    : DEFAULT_SETTINGS.uwsgiVersion;
  const buildKind = BUILD_KINDS.includes(input.buildKind as BuildKind)
    ? (input.buildKind as BuildKind)
    : DEFAULT_SETTINGS.buildKind;
  const severity: Record<string, SeveritySetting> = {};
  const rawSeverity = input.severity;
  if (rawSeverity && typeof rawSeverity === 'object') {
    for (const [code, value] of Object.entries(rawSeverity as Record<string, unknown>)) {
      if (value === 'off' || value === 'hint' || value === 'information' || value === 'warning' || value === 'error') {
        severity[code.toUpperCase()] = value;
      }
    }
  }
  const exclude = Array.isArray(input.exclude) ? input.exclude.filter((g): g is string => typeof g === 'string') : [];
  return { uwsgiVersion: version, buildKind, severity, exclude, workspaceRoots };
}
