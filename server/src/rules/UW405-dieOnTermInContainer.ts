import { effectiveConfigOf, type EffectiveEntry } from '../config/effectiveConfig';
import type { Fix, RelatedSpan, Span } from '../core/finding';
import { deploymentFilesOf } from '../deploy/deploymentFiles';
import { targetOfIni } from '../deploy/pathMapping';
import { field, readYaml } from '../deploy/yamlLite';
import { setOptionEdits } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/** Stop signals after which a 2.0 master shuts down rather than reloads. */
const TERM = /^(SIGTERM|TERM|15)$/i;

/**
 * On uWSGI 2.0, SIGTERM to the master is a brutal reload, not a shutdown (`die-on-term` swaps that).
 * A container's main process receives SIGTERM from `docker stop`, so uWSGI restarts itself and Docker
 * waits out its timeout and SIGKILLs it. uWSGI 2.1 shuts down on SIGTERM and deprecates the option.
 */
function check(context: RuleContext): void {
  if (context.settings.uwsgiVersion === '2.1') return;
  const target = targetOfIni(context);
  if (!target || target.kind === 'systemd' || !target.runsUwsgi) return;
  const config = effectiveConfigOf(context);
  const state = config.masterState();
  const dieOnTerm = config.truthy('die-on-term');
  if (state.enabled !== true || dieOnTerm === true || dieOnTerm === 'conditional') return;
  if (config.getAll('hook-master-start').some((e) => /unix_signal:15\b/.test(e.value))) return;
  if (deploymentHandlesStop(context)) return;
  const anchor = anchorOf(context, state.explicit, state.forcedBy);
  if (!anchor) return;
  const related: RelatedSpan[] = target.inis[0]
    ? [{ ...target.inis[0].origin, message: `The container runs uWSGI with this config (${target.label}).` }]
    : [];
  context.report({
    ...anchor,
    message: `uWSGI runs as the container's main process (${target.label}), and on uWSGI ${context.settings.uwsgiVersion} SIGTERM to the master means a brutal reload, not a shutdown: 'docker stop' sends SIGTERM, uWSGI restarts its workers instead of exiting, and Docker kills it with SIGKILL when its stop timeout runs out. Set die-on-term = true (uWSGI 2.1 shuts down on SIGTERM by itself and deprecates the option).`,
    related,
    fixes: fixFor(context),
  });
}

/** `--die-on-term` on a command line, or a stop signal other than SIGTERM (SIGINT/SIGQUIT shut a 2.0 master down). */
function deploymentHandlesStop(context: RuleContext): boolean {
  const files = deploymentFilesOf(context);
  for (const dockerfile of files.dockerfiles) {
    if (dockerfile.stages.some((s) => s.uwsgi.options.some((o) => o.name === 'die-on-term'))) return true;
    const text = context.fs.readFile(dockerfile.path) ?? '';
    for (const m of text.matchAll(/^\s*STOPSIGNAL\s+(\S+)/gim)) if (!TERM.test(m[1])) return true;
  }
  for (const compose of files.composeFiles) {
    if (compose.services.some((s) => s.uwsgi.options.some((o) => o.name === 'die-on-term'))) return true;
    const services = field(readYaml(context.fs.readFile(compose.path) ?? ''), 'services');
    for (const service of services?.kind === 'map' ? services.entries : []) {
      const signal = field(service.value, 'stop_signal');
      if (signal?.kind === 'scalar' && !TERM.test(signal.value)) return true;
    }
  }
  return false;
}

/** The line that turns the master on, in an ini file we can point at. */
function anchorOf(context: RuleContext, explicit: EffectiveEntry | undefined, forcedBy: EffectiveEntry[]): Span | undefined {
  const entry = explicit?.origin === 'ini' ? explicit : forcedBy.find((e) => e.origin === 'ini' && !e.conditional);
  if (entry) return entry.span;
  const root = effectiveConfigOf(context).files[0];
  const header = root?.sections[0]?.header;
  return root && header ? { file: root.path, start: header.span.start, end: header.span.end } : undefined;
}

function fixFor(context: RuleContext): Fix[] {
  const root = effectiveConfigOf(context).files[0];
  if (!root?.doc) return [];
  const edits = setOptionEdits(root.doc, root.path, context.section, 'die-on-term', 'true');
  return edits.length > 0 ? [{ title: 'Set die-on-term = true', preferred: true, edits }] : [];
}

export const UW405: Rule = {
  code: 'UW405',
  name: 'dieOnTermInContainer',
  summary: 'uWSGI 2.0 as a container\'s main process without `die-on-term`: `docker stop` (SIGTERM) reloads it instead of stopping it.',
  defaultSeverity: 'information',
  check,
};
