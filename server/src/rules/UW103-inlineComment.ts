import { effectiveConfigOf } from '../config/effectiveConfig';
import type { EffectiveEntry } from '../config/model';
import { iniEntries } from '../config/readSections';
import { isTruthy } from '../config/truthiness';
import type { Fix } from '../core/finding';
import { insertLineAbove } from '../fixes/iniEdits';
import type { ReportedFinding, Rule, RuleContext } from './rule';

/** A `;` or `#` at the start of the value or after a blank: how people write an inline comment. */
const INLINE_COMMENT = /(^|[ \t])[;#]/;

/** Options whose value is a shell command or routing action, where ` ; ` is usually meant. */
const COMMAND_OPTIONS = /^(exec-|hook-|call-|attach-|smart-attach-|legion-|cron|unique-cron|mule|spooler-|route|final-route|error-route|response-route)/;

export interface InlineComment {
  /** Offset of the blank before the marker (or of the marker at value start). */
  cutStart: number;
  /** Offset of the `;`/`#`. */
  markerStart: number;
  /** What the value would be without the comment. */
  intended: string;
  /** The comment text from the marker on. */
  comment: string;
}

/** Finds the text uWSGI would read as part of the value although it looks like a comment. */
export function findInlineComment(entry: EffectiveEntry): InlineComment | undefined {
  const match = INLINE_COMMENT.exec(entry.raw);
  if (!match) return undefined;
  const markerIndex = match.index + match[1].length;
  const intended = entry.raw.slice(0, markerIndex).trimEnd();
  const base = entry.valueSpan.start;
  return {
    cutStart: base + intended.length,
    markerStart: base + markerIndex,
    intended,
    comment: entry.raw.slice(markerIndex),
  };
}

function describe(entry: EffectiveEntry, found: InlineComment): string {
  const read = `uWSGI has no inline comments: it reads ${entry.key} as '${entry.raw}'`;
  if (entry.info?.isBool) {
    const actual = isTruthy(entry.raw) ? 'ON' : 'OFF';
    const intended = isTruthy(found.intended) ? 'ON' : 'OFF';
    return actual === intended
      ? `${read}, which still turns it ${actual}; move the comment to its own line.`
      : `${read}, which turns it ${actual}, not ${intended} (only false/off/no/0 exactly turn an option off).`;
  }
  return `${read}, not '${found.intended}'.`;
}

function moveCommentFix(entry: EffectiveEntry, found: InlineComment): Fix {
  const line = entry.entry!.line;
  return {
    title: 'Move the comment to its own line',
    preferred: true,
    edits: [
      insertLineAbove(entry.doc!, entry.file, line, found.comment),
      { file: entry.file, start: found.cutStart, end: entry.valueSpan.end, newText: '' },
    ],
  };
}

function check(context: RuleContext): void {
  for (const entry of iniEntries(effectiveConfigOf(context))) {
    if (COMMAND_OPTIONS.test(entry.option)) continue;
    const found = findInlineComment(entry);
    if (!found) continue;
    const flips = entry.info?.isBool === true && isTruthy(entry.raw) !== isTruthy(found.intended);
    const finding: ReportedFinding = {
      file: entry.file,
      start: found.markerStart,
      end: entry.valueSpan.end,
      message: describe(entry, found),
      fixes: [moveCommentFix(entry, found)],
    };
    if (flips) finding.severity = 'error';
    context.report(finding);
  }
}

export const UW103: Rule = {
  code: 'UW103',
  name: 'inlineComment',
  summary: 'Text after `;` or `#` in a value, which uWSGI reads as part of the value (there are no inline comments).',
  defaultSeverity: 'warning',
  check,
};
