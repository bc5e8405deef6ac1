import type { Span } from '../core/finding';
import type { RuleContext } from '../rules/rule';
import { targetOfIni } from './pathMapping';

/** An option given on the uwsgi command line of the service that runs this ini (`uwsgi --ini x --lazy-apps`). */
export interface CommandLineSetting {
  /** Option name as written, without dashes (`lazy-apps`, `processes`). */
  option: string;
  /** The value; '' for a flag given without one (a boolean option is then on). */
  value: string;
  origin: Span;
  via: string;
  /**
   * uWSGI reads arguments in order and expands `--ini` where it stands: an option after it
   * overrides the ini's value, one before it is overridden (facts §1, "Where options come from").
   */
  afterIni: boolean;
}

/** Long options on the command line that runs this ini; short ones (`-p 4`) are not read. */
export function commandLineOptionsOf(context: RuleContext): CommandLineSetting[] {
  return context.memo('deploy.commandLine', () => {
    const target = targetOfIni(context);
    if (!target) return [];
    return target.commandOptions.map((o) => ({ option: o.name, value: o.value, origin: o.origin, via: `${target.label} command line`, afterIni: o.afterIni }));
  });
}
