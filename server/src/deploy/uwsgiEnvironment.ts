import type { Span } from '../core/finding';
import type { RuleContext } from '../rules/rule';

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

/** `UWSGI_*` variables that the workspace's deployment files set for the service running this ini. */
export function uwsgiEnvironmentOf(context: RuleContext): UwsgiEnvironmentSetting[] {
  return context.memo('deploy.uwsgiEnvironment', () => []);
}
