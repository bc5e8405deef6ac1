import type { EffectiveEntry } from '../config/effectiveConfig';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix, TextEdit } from '../core/finding';
import { removeLineEdit } from '../fixes/iniEdits';
import { isPythonOption } from '../options/catalog';
import type { PluginLoad } from '../options/pluginLoads';
import { autoloadsPlugins, isPluginBuild, pluginLoadsOf, strictMode } from '../options/pluginLoads';
import type { Rule, RuleContext } from './rule';

const PYTHON_PLUGIN_LINE = 'plugins = python3';

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  if (!isPluginBuild(context.settings, config) || autoloadsPlugins(config)) return;
  const pythonOptions = config.entries.filter(
    (e) => e.origin !== 'environment' && !e.placeholderOnly && e.entry !== undefined && isPythonOption(e.key),
  );
  if (pythonOptions.length === 0) return;
  const loads = pluginLoadsOf(config);
  const pythonLoads = loads.filter((load) => load.plugin === 'python');
  if (pythonLoads.length === 0) {
    reportMissing(context, pythonOptions, loads);
    return;
  }
  if (strictMode(config) === true) reportTooLate(context, pythonOptions, pythonLoads[0]);
}

function reportMissing(context: RuleContext, options: EffectiveEntry[], loads: PluginLoad[]): void {
  const why =
    context.settings.buildKind === 'plugin'
      ? 'uWSGI is configured as a plugin build (`buildKind`)'
      : `this config loads plugins (${loads.map((l) => `'${l.written}'`).join(', ')}), so it runs on a plugin build such as Debian's`;
  const fix = addPluginFix(options[0]);
  options.forEach((entry, i) => {
    context.report({
      ...entry.keySpan,
      message: `'${entry.key}' is a Python plugin option, but ${why} and no python plugin is loaded: uWSGI silently drops it and no Python app is loaded. Add \`${PYTHON_PLUGIN_LINE}\` at the top of the section.`,
      // One fix, on the first option, so fix-all adds the line once.
      fixes: i === 0 && fix ? [fix] : undefined,
      related: i === 0 ? options.slice(1, 6).map((o) => ({ ...o.keySpan, message: `'${o.key}' is dropped too` })) : undefined,
    });
  });
}

/** Under `strict` a Python option read before the plugin is loaded stops uWSGI ("unknown config directive"). */
function reportTooLate(context: RuleContext, options: EffectiveEntry[], load: PluginLoad): void {
  const early = options.filter((o) => o.order < load.entry.order);
  if (early.length === 0 || load.entry.conditional) return;
  const first = early[0];
  const move = moveLoadFix(first, load.entry);
  context.report({
    ...first.keySpan,
    message: `'${first.key}' comes before '${load.entry.key} = ${load.entry.raw}' while \`strict\` is on: the python plugin is not loaded yet when uWSGI reads it, so it stops with "unknown config directive: ${first.key}". Load the plugin first.`,
    related: [{ ...load.entry.keySpan, message: 'the python plugin is loaded here' }],
    fixes: move ? [move] : undefined,
  });
}

/** Where a line goes to be first in the option's section, and how it is indented and ended. */
function sectionTop(entry: EffectiveEntry): { offset: number; indent: string; eol: string } | undefined {
  const doc = entry.doc;
  const iniEntry = entry.entry;
  if (!doc || !iniEntry) return undefined;
  const section = doc.sections.find((s) => s.entries.includes(iniEntry));
  if (!section) return undefined;
  const header = section.lines[0]?.kind === 'header' ? section.lines[0] : undefined;
  const offset = header ? header.end + header.eol.length : section.span.start;
  const indent = section.entries[0]?.line.indent ?? '';
  return { offset, indent, eol: doc.eol };
}

function addPluginFix(entry: EffectiveEntry): Fix | undefined {
  const top = sectionTop(entry);
  if (!top) return undefined;
  const edit: TextEdit = { file: entry.file, start: top.offset, end: top.offset, newText: `${top.indent}${PYTHON_PLUGIN_LINE}${top.eol}` };
  return { title: `Add '${PYTHON_PLUGIN_LINE}' at the top of the section`, preferred: true, edits: [edit] };
}

function moveLoadFix(entry: EffectiveEntry, load: EffectiveEntry): Fix | undefined {
  const top = sectionTop(entry);
  if (!top || !load.doc || !load.entry || load.origin !== 'ini') return undefined;
  const line = load.entry.line;
  const text = load.doc.text.slice(line.start + line.indent.length, line.end);
  return {
    title: `Move '${text}' to the top of the section`,
    preferred: true,
    edits: [
      { file: entry.file, start: top.offset, end: top.offset, newText: `${top.indent}${text}${top.eol}` },
      removeLineEdit(load.doc, load.file, line),
    ],
  };
}

export const UW106: Rule = {
  code: 'UW106',
  name: 'pythonPluginMissing',
  summary: 'Python options on a plugin build that loads no python plugin (or loads it too late under strict): uWSGI drops them.',
  defaultSeverity: 'error',
  check,
};
