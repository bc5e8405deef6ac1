/**
 * What the analysis core reports: plain data with UTF-16 offsets into a file's text.
 * Conversion to line/character happens only in `lineIndex.ts`, at the adapters' edge.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity a user can configure per rule; `off` drops the rule's findings. */
export type SeveritySetting = Severity | 'off';

export type FindingTag = 'unnecessary' | 'deprecated';

/** A span of text in one file, as UTF-16 offsets (JavaScript string indices), end exclusive. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  /** The one fix an editor should apply first (and on save with fixAll). */
  preferred?: boolean;
  edits: TextEdit[];
}

export interface RelatedSpan extends Span {
  message: string;
}

export interface Finding extends Span {
  /** Stable rule code such as `UW101`; never reused. */
  code: string;
  message: string;
  severity: Severity;
  tags?: FindingTag[];
  related?: RelatedSpan[];
  fixes?: Fix[];
}

export const SOURCE = 'uwsgi-lint';

/** Two findings with the same key are the same report (reached through two includes or two configs). */
export function findingKey(finding: Finding): string {
  return `${finding.file}\0${finding.start}\0${finding.end}\0${finding.code}\0${finding.message}`;
}
