import type { EffectiveEntry } from '../config/effectiveConfig';
import { effectiveConfigOf } from '../config/effectiveConfig';
import { isTruthy } from '../config/truthiness';
import type { Fix, Severity } from '../core/finding';
import { removeLineEdit, replaceValueEdit } from '../fixes/iniEdits';
import type { OptionInfo } from '../options/catalog';
import type { ValueKind } from '../options/valueKinds';
import { isIntegerKind, looksOff, looksOn, numberWord, readCInteger, valueKindOf, withSizeSuffix } from '../options/valueKinds';
import type { Rule, RuleContext } from './rule';

/** A value problem before it is placed: replacement values become fixes on the written value. */
interface ValueProblem {
  message: string;
  severity?: Severity;
  replacements?: { value: string; title?: string; preferred?: boolean }[];
  /** Offer deleting the line (preferred) when the only way to get what the value says is to drop it. */
  removeLine?: boolean;
}

/** `;`/`#` after a blank: UW103 explains inline comments, so values carrying one are left to it. */
const INLINE_COMMENT = /(^|[ \t])[;#]/;
/** Linux's default `net.core.somaxconn` since 5.4; older kernels use 128. */
const SOMAXCONN_DEFAULT = 4096;
/** Integer options whose "on" value is 1, so `true` → `1` is the obvious fix. */
const NUMERIC_SWITCHES = new Set(['http-keepalive', 'ksm', 'memory-report', 'http-manage-expect']);
/** String options whose empty value stops the app from loading. */
const EMPTY_BREAKS_APP: Record<string, string> = {
  'module': 'the Python loader fails with "Empty module name" and no app is loaded',
  'wsgi-file': 'there is no file to load, so no app is loaded',
  'callable': 'uWSGI looks for a callable with an empty name and finds none, so no app is loaded',
  'mount': 'the mount has neither a prefix nor an app',
};

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  for (const entry of config.entries) {
    if (!entry.info || entry.placeholderOnly || entry.unresolved) continue;
    const problem = problemOf(entry, entry.info);
    if (!problem) continue;
    const empty = entry.valueSpan.start === entry.valueSpan.end;
    const span = empty ? entry.span : entry.valueSpan;
    context.report({
      file: span.file,
      start: span.start,
      end: span.end,
      message: problem.message,
      severity: problem.severity,
      fixes: fixesFor(entry, problem),
    });
  }
}

function fixesFor(entry: EffectiveEntry, problem: ValueProblem): Fix[] | undefined {
  if (entry.origin !== 'ini' || !entry.entry || !entry.doc) return undefined;
  if (problem.removeLine) {
    return [{ title: `Remove '${entry.key}'`, preferred: true, edits: [removeLineEdit(entry.doc, entry.file, entry.entry.line)] }];
  }
  // Only values written literally can be rewritten in place.
  if (!problem.replacements || entry.raw !== entry.value) return undefined;
  return problem.replacements.map((r) => ({
    title: r.title ?? `Change the value to '${r.value}'`,
    ...(r.preferred ? { preferred: true } : {}),
    edits: [replaceValueEdit(entry.file, entry.entry!, r.value)],
  }));
}

function problemOf(entry: EffectiveEntry, info: OptionInfo): ValueProblem | undefined {
  const kind = valueKindOf(info.handler);
  const value = entry.value;
  if (kind === 'bool') return boolProblem(entry, value);
  if (kind === 'chmod') return chmodProblem(entry, value);
  if (kind === 'logDate') return logDateProblem(entry, value);
  if (isIntegerKind(kind)) return integerProblem(entry, info, kind, value);
  if (value.trim() !== '') return undefined;
  if (kind === 'socket') {
    return { message: `'${entry.key}' has no address: uWSGI exits at startup ("invalid/empty uwsgi socket name").`, severity: 'error' };
  }
  const effect = EMPTY_BREAKS_APP[entry.option];
  return effect ? { message: `'${entry.key}' is empty: ${effect}.` } : undefined;
}

/** `uwsgi_opt_true`: only false/off/no (any case) and exactly 0 turn a flag off. */
function boolProblem(entry: EffectiveEntry, value: string): ValueProblem | undefined {
  if (INLINE_COMMENT.test(value) || !looksOff(value) || !isTruthy(value)) return undefined;
  const effect = entry.info!.handler === 'uwsgi_opt_false' ? 'so the option takes effect' : `so '${entry.key}' is ON`;
  return {
    message: `uWSGI reads '${entry.key} = ${value}' as true, ${effect}: only false, off, no (any case) or exactly 0 turn a flag off, and quotes are kept as part of the value.`,
    replacements: [{ value: 'false', title: `Change the value to 'false' (turns '${entry.key}' off)`, preferred: true }],
  };
}

/** `uwsgi_opt_log_date` always turns date logging on; a value other than true/1/on/yes is a strftime format. */
function logDateProblem(entry: EffectiveEntry, value: string): ValueProblem | undefined {
  if (INLINE_COMMENT.test(value) || !looksOff(value)) return undefined;
  return {
    message: `'${entry.key} = ${value}' turns date logging ON and uses '${value}' as the strftime format, so every log line starts with '${value} - '. Leave the option out to log without dates.`,
    removeLine: true,
  };
}

/** `chmod-socket`: `1` means 666, anything else must be exactly three octal digits. */
function chmodProblem(entry: EffectiveEntry, value: string): ValueProblem | undefined {
  const v = value.trim();
  if (v === '1' || /^[0-7]{3}$/.test(v)) return undefined;
  const replacements: ValueProblem['replacements'] = [];
  if (/^0[0-7]{3}$/.test(v)) replacements.push({ value: v.slice(1), preferred: true });
  else replacements.push({ value: '660' }, { value: '666' });
  return {
    message: `'${entry.key} = ${v}' is not a valid mode: uWSGI wants exactly three octal digits (like 660), or 1 for 666, and exits at startup with "invalid chmod value".`,
    severity: 'error',
    replacements,
  };
}

function integerProblem(entry: EffectiveEntry, info: OptionInfo, kind: ValueKind, value: string): ValueProblem | undefined {
  const name = entry.key;
  const zero = zeroMeaning(entry.option);
  if (value.trim() === '') {
    return { message: `'${name}' has no value: uWSGI reads an empty number as 0${zero}.` };
  }
  if (INLINE_COMMENT.test(value)) return undefined;
  const read = readCInteger(value);
  if (looksOn(value)) {
    return {
      message: `'${name}' takes a number, not a boolean: uWSGI reads '${value}' as 0, which leaves it off. Write 1 (or the number you mean).`,
      replacements: [{ value: '1', preferred: NUMERIC_SWITCHES.has(entry.option) }],
    };
  }
  if (!read.digits) {
    const word = numberWord(value);
    const warn = info.version === '2.1' ? ' (uWSGI 2.1 logs "non-numeric value" but still uses 0)' : ', without any warning';
    return {
      message: `'${name} = ${value}' is not a number: uWSGI reads it as 0${zero}${warn}.`,
      replacements: word !== undefined ? [{ value: String(word), preferred: true }] : undefined,
    };
  }
  if (read.rest !== '' && !(kind === 'megabytes' && /^m(b)?$/i.test(read.rest))) {
    const sized = kind === 'megabytes' ? undefined : withSizeSuffix(value);
    return {
      message: `'${name} = ${value}' is read as ${read.value}: uWSGI takes the leading digits and ignores '${read.rest}'${kind === 'megabytes' ? ' (the value is already in megabytes)' : ''}.`,
      replacements: sized !== undefined ? [{ value: String(sized) }] : [{ value: String(read.value) }],
    };
  }
  if (read.value < 0 && kind !== 'int') {
    return { message: `'${name}' cannot be negative: uWSGI reads it as an unsigned number, so ${read.value} wraps around to a huge value${kind === 'int16' ? ' (clamped to 65535)' : ''}.` };
  }
  if (kind === 'int16' && read.value > 65535) {
    return {
      message: `'${name} = ${read.value}' is above 65535: uWSGI ${info.version} stores it in 16 bits and clamps it to 65535.`,
      replacements: [{ value: '65535', preferred: true }],
    };
  }
  if (entry.option === 'listen' && read.value > SOMAXCONN_DEFAULT) {
    return {
      message: `'listen = ${read.value}' is above ${SOMAXCONN_DEFAULT}, Linux's usual net.core.somaxconn: when it exceeds the system maximum uWSGI refuses to start ("Listen queue size is greater than the system max net.core.somaxconn"). Raise the sysctl too (in containers, per network namespace).`,
      severity: 'information',
    };
  }
  return undefined;
}

/** What 0 means for the options where it matters most. */
function zeroMeaning(option: string): string {
  if (option === 'processes') return ', which means no workers at all';
  if (option === 'threads') return ', so no extra threads';
  if (option === 'harakiri') return ', which disables harakiri';
  return '';
}

export const UW102: Rule = {
  code: 'UW102',
  name: 'invalidValue',
  summary: 'A value uWSGI reads differently from how it looks: non-numbers read as 0, truthy "off" words, bad socket modes, clamped sizes.',
  defaultSeverity: 'warning',
  check,
};
