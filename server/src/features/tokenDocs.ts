import { basename, dirname, resolvePath } from '../core/fileSystem';
import { LineIndex } from '../core/lineIndex';
import type { UwsgiVersion } from '../core/settings';
import type { EffectiveConfig, EffectiveEntry } from '../config/effectiveConfig';
import { magicTableFor } from '../config/magic';
import type { ValueToken } from '../ini/model';
import { MAGIC_VARIABLES } from '../ini/valueTokens';
import type { FeatureRequest } from './types';

/** Markdown for a `%x` magic variable: what it stands for and, when known from the path, its value here. */
export function magicMarkdown(token: ValueToken, request: FeatureRequest, section: string): string {
  if (token.kind === 'escape') return '`%%` is a literal `%` (uWSGI replaces magic `%x` variables before anything else).';
  if (token.kind === 'unknownMagic') {
    return `\`${token.text}\` is not a uWSGI magic variable: uWSGI replaces it with an empty string. Write \`%${token.text}\` for a literal \`${token.text}\`.`;
  }
  const meaning = MAGIC_VARIABLES.get(token.name) ?? 'magic variable';
  const value = magicTableFor(request.path, request.path, section).get(token.name);
  const lines = [`\`${token.text}\`: ${meaning}.`];
  if (value !== undefined && token.name !== '[') lines.push('', `In this file: \`${value}\``);
  else if (value === undefined) lines.push('', 'Known only when uWSGI starts.');
  lines.push('', 'Replaced across the raw file text when uWSGI reads it, before placeholders and `$(ENV)`.');
  return lines.join('\n');
}

/**
 * Markdown for `%(name)`: what uWSGI substitutes and where that comes from. uWSGI uses the FIRST
 * occurrence of any key named `name` (unknown keys and `set-placeholder` count).
 */
export function placeholderMarkdown(token: ValueToken, own: EffectiveEntry | undefined, config: EffectiveConfig | undefined): string {
  const name = token.name;
  if (name === '_') return '`%(_)` is the current item of the enclosing `for` loop, or the value of the enclosing `if-*` condition.';
  const definition = config?.first(name);
  if (definition) {
    const where = `${basename(definition.file)}:${lineOf(definition)}`;
    const lines = [`\`%(${name})\` → \`${definition.value}\``, '', `Defined by \`${definition.key}\` in ${where}${definition.origin === 'set' ? ' (set-placeholder)' : ''}.`];
    if (config && config.entries.filter((e) => e.key === name).length > 1) {
      lines.push('', 'uWSGI uses this first occurrence; later lines with the same key do not change the placeholder.');
    }
    if (definition.unresolved) lines.push('', 'Part of it is only known when uWSGI starts (environment, runtime magic or an unread file).');
    return lines.join('\n');
  }
  if (token.isMath) {
    const whole = own && own.raw.trim() === token.text && !own.unresolved ? ` → \`${own.value}\`` : '';
    return `\`${token.text}\`${whole}: arithmetic on placeholders and integers (\`+ - * /\`, \`++\`, \`--\`; tokens separated by spaces).`;
  }
  return `\`%(${name})\` is not defined by any key in this configuration: uWSGI leaves the text \`%(${name})\` as it is.`;
}

/** Markdown for `$(VAR)`: environment at runtime, which we never read. */
export function envMarkdown(token: ValueToken, version: UwsgiVersion): string {
  const lines = [`\`$(${token.name})\`: the environment variable \`${token.name}\` when uWSGI starts (not read by uwsgi-lint).`];
  lines.push('', 'When it is unset, uWSGI keeps the text `$(' + token.name + ')` verbatim.');
  if (token.defaultOperator) {
    const when = token.defaultOperator === ':-' ? 'unset or empty' : 'unset';
    if (version === '2.1') lines.push('', `Falls back to \`${token.defaultValue}\` when \`${token.name}\` is ${when}.`);
    else lines.push('', `**uWSGI ${version} has no \`${token.defaultOperator}default\` syntax**: it looks up a variable literally named \`${token.name}${token.defaultOperator}${token.defaultValue}\`.`);
  }
  return lines.join('\n');
}

/** Markdown for `@(file)`: the file read in place, or a command run at config time. */
export function readerMarkdown(token: ValueToken, request: FeatureRequest): string {
  const target = token.name;
  if (target.includes('://')) {
    const scheme = target.slice(0, target.indexOf('://'));
    const run = scheme === 'exec' ? ' The command runs every time uWSGI reads its config.' : '';
    return `\`${token.text}\`: replaced by what the \`${scheme}://\` reader returns.${run}`;
  }
  const path = resolvePath(dirname(request.path), target);
  const exists = request.fs.kind(path) === 'file';
  const note = exists ? '' : target.startsWith('/') ? ' **It does not exist: uWSGI exits at startup.**' : ' (not found next to this file; uWSGI opens relative paths from its working directory).';
  return `\`${token.text}\`: replaced by the contents of \`${path}\`, one trailing newline dropped.${note}`;
}

function lineOf(entry: { doc?: { text: string }; keySpan: { start: number } }): string {
  if (!entry.doc) return '?';
  return String(new LineIndex(entry.doc.text).positionAt(entry.keySpan.start).line + 1);
}
