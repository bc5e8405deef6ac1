import type { EffectiveEntry } from '../config/effectiveConfig';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { UwsgiVersion } from '../core/settings';
import { removeLineEdit } from '../fixes/iniEdits';
import { lookupOption } from '../options/catalog';
import { strictMode } from '../options/pluginLoads';
import type { Rule, RuleContext } from './rule';

const VERSION_LABEL: Record<UwsgiVersion, string> = {
  '2.0.21': '2.0.21',
  '2.0.30': '2.0.30',
  '2.1': '2.1 (master, unreleased)',
};

/** "2.1 (master, unreleased)", "2.0.30 and 2.1 (master, unreleased)". */
function listVersions(versions: readonly UwsgiVersion[]): string {
  const labels = versions.map((v) => VERSION_LABEL[v]);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  const version = context.settings.uwsgiVersion;
  const strict = strictMode(config) === true;
  for (const entry of config.entries) {
    if (entry.origin === 'environment' || entry.placeholderOnly || entry.key === '') continue;
    if (entry.origin === 'set' && !entry.info && !lookupOption(entry.key)) continue;
    if (entry.info) {
      if (entry.info.handler === 'uwsgi_opt_deprecated') reportDeprecated(context, entry, version);
      continue;
    }
    const elsewhere = lookupOption(entry.key);
    if (!elsewhere) continue;
    const effect = strict
      ? '`strict` is on, so uWSGI refuses to start ("unknown config directive").'
      : 'uWSGI treats it as an unknown name and silently ignores it.';
    context.report({
      ...entry.keySpan,
      message: `'${entry.key}' does not exist in uWSGI ${VERSION_LABEL[version]}; only ${listVersions(elsewhere.versions)} ${elsewhere.versions.length === 1 ? 'has' : 'have'} it. ${effect} Check the \`uwsgiLint.uwsgiVersion\` setting matches the uWSGI you deploy.`,
      severity: strict ? 'error' : undefined,
    });
  }
}

function reportDeprecated(context: RuleContext, entry: EffectiveEntry, version: UwsgiVersion): void {
  const detail =
    entry.option === 'die-on-term'
      ? ' SIGTERM already shuts uWSGI down there; keep the option only if the same config also runs on 2.0, where SIGTERM otherwise means a brutal reload.'
      : '';
  const line = entry.entry?.line;
  const doc = entry.doc;
  const fixes = line && doc ? [{ title: `Remove '${entry.key}'`, edits: [removeLineEdit(doc, entry.file, line)] }] : undefined;
  context.report({
    ...entry.keySpan,
    message: `'${entry.key}' is deprecated in uWSGI ${VERSION_LABEL[version]}: it does nothing but log a warning.${detail}`,
    severity: 'hint',
    tags: ['deprecated'],
    fixes,
  });
}

export const UW107: Rule = {
  code: 'UW107',
  name: 'versionMismatch',
  summary: 'An option the configured uWSGI version does not have (ignored), or has only as a deprecated no-op.',
  defaultSeverity: 'warning',
  check,
};
