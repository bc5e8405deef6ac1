import type { Severity } from '../core/finding';
import { BUILD_KINDS, UWSGI_VERSIONS, type BuildKind, type UwsgiVersion } from '../core/settings';

export type OutputFormat = 'text' | 'json';

export interface CliArguments {
  paths: string[];
  format: OutputFormat;
  /** Lowest severity that makes the exit status 1; `none` never fails. */
  failOn: Severity | 'none';
  uwsgiVersion?: UwsgiVersion;
  buildKind?: BuildKind;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'none'] as const;

export const USAGE = `Usage: uwsgi-lint [options] [paths...]

Lints uWSGI ini configs and the Python code they load. A path is an ini file
(optionally file.ini:section) or a folder, searched for uWSGI configs (default: .).

Options:
  --format text|json         output format (default: text)
  --fail-on SEVERITY         exit 1 when a finding is at or above SEVERITY:
                             error, warning, information, hint or none (default: warning)
  --uwsgi-version VERSION    2.0.21, 2.0.30 or 2.1 (default: 2.0.30)
  --build-kind KIND          auto, monolithic or plugin (default: auto)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage error.`;

export function parseCliArguments(argv: string[]): CliArguments {
  const args: CliArguments = { paths: [], format: 'text', failOn: 'warning', help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '-v':
      case '--version':
        args.version = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        args.format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${v}"`);
        args.failOn = v as CliArguments['failOn'];
        break;
      }
      case '--uwsgi-version': {
        const v = value();
        if (!(UWSGI_VERSIONS as readonly string[]).includes(v)) throw new UsageError(`--uwsgi-version must be one of ${UWSGI_VERSIONS.join(', ')}, not "${v}"`);
        args.uwsgiVersion = v as UwsgiVersion;
        break;
      }
      case '--build-kind': {
        const v = value();
        if (!(BUILD_KINDS as readonly string[]).includes(v)) throw new UsageError(`--build-kind must be one of ${BUILD_KINDS.join(', ')}, not "${v}"`);
        args.buildKind = v as BuildKind;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
