import type { Span } from '../core/finding';
import type { RuleContext } from '../rules/rule';
import { targetOfIni } from './pathMapping';

/** A `UWSGI_*` environment variable that sets an option for this config, and where it is declared. */
export interface UwsgiEnvironmentSetting {
  /** Variable name as declared, e.g. `UWSGI_LAZY_APPS`. */
  variable: string;
  /** Option it sets after uWSGI's conversion (lower-case, `_` → `-`), e.g. `lazy-apps`. */
  option: string;
  value: string;
  /** The declaration (Dockerfile `ENV`, compose `environment:`, systemd `Environment=`). */
  origin: Span;
  /** Short description of the source, e.g. `Dockerfile ENV` or `docker-compose.yml service web`. */
  via: string;
}

/**
 * Variables uWSGI sets for itself (reloads, emperor plumbing) and skips in `parse_sys_envs`, plus
 * `UWSGI_INI`, which names the ini being analysed rather than an extra option.
 */
const NOT_OPTIONS = new Set([
  'UWSGI_INI',
  'UWSGI_RELOADS',
  'UWSGI_VASSALS_DIR',
  'UWSGI_EMPEROR_FD',
  'UWSGI_BROODLORD_NUM',
  'UWSGI_EMPEROR_FD_CONFIG',
  'UWSGI_EMPEROR_PROXY',
  'UWSGI_JAIL_PID',
  'UWSGI_ORIGINAL_PROC_NAME',
]);

/** uWSGI's `env_to_arg`: drop `UWSGI_`, lower-case, `_` → `-` (`UWSGI_LAZY_APPS` → `lazy-apps`). */
export function envToOption(variable: string): string | undefined {
  if (!variable.startsWith('UWSGI_') || NOT_OPTIONS.has(variable) || variable.length === 6) return undefined;
  return variable.slice(6).toLowerCase().replace(/_/g, '-');
}

/** `UWSGI_*` variables that the workspace's deployment files set for the service running this ini. */
export function uwsgiEnvironmentOf(context: RuleContext): UwsgiEnvironmentSetting[] {
  return context.memo('deploy.uwsgiEnvironment', () => {
    const target = targetOfIni(context);
    if (!target) return [];
    const out: UwsgiEnvironmentSetting[] = [];
    for (const env of target.env) {
      const option = envToOption(env.name);
      if (option) out.push({ variable: env.name, option, value: env.value, origin: env.origin, via: env.via });
    }
    return out;
  });
}
