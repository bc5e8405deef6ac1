/**
 * The lossless model of one file in uWSGI's ini dialect. Every span is a UTF-16 offset into
 * the ORIGINAL text (a BOM, when present, keeps its index 0), end exclusive.
 * Names and values are exactly what `core/ini.c` reads, so rules never re-parse text.
 */

export type LineEnding = '\n' | '\r\n' | '';

export interface TextRange {
  start: number;
  end: number;
}

interface IniLineBase {
  /** Zero-based line number. */
  index: number;
  /** Offset of the first character of the line (after the BOM on line 0). */
  start: number;
  /** Offset just past the content, before the line ending. */
  end: number;
  /** The line ending that terminates this line; '' for a last line without one. */
  eol: LineEnding;
  /** Leading blanks (spaces/tabs) exactly as written. */
  indent: string;
}

export interface IniBlankLine extends IniLineBase {
  kind: 'blank';
}

/** A full-line comment: the first non-blank character is `;` or `#`. */
export interface IniCommentLine extends IniLineBase {
  kind: 'comment';
  /** Offset of the `;` or `#`. */
  markerStart: number;
  /** Comment text after the marker, trimmed. */
  text: string;
}

export interface IniHeaderLine extends IniLineBase {
  kind: 'header';
  section: IniSection;
}

export interface IniEntryLine extends IniLineBase {
  kind: 'entry';
  entry: IniEntry;
}

export type IniLine = IniBlankLine | IniCommentLine | IniHeaderLine | IniEntryLine;

/** Kinds of `%`/`$`/`@` syntax inside a value. */
export type ValueTokenKind =
  | 'placeholder' // %(name) or %(a + 1)
  | 'magic' // %d, %p, … (known)
  | 'unknownMagic' // %z: uWSGI replaces it with an empty string
  | 'escape' // %%
  | 'env' // $(VAR), $(VAR:-default), $(VAR-default)
  | 'reader'; // @(file), @(exec://cmd)

export interface ValueToken extends TextRange {
  kind: ValueTokenKind;
  /** The token as written, e.g. `%(base)`, `%d`, `$(HOME)`, `@(exec://cat x)`. */
  text: string;
  /** `%(name)` → `name` (trimmed; may be an expression), `%d` → `d`, `$(V:-x)` → `V`, `@(f)` → `f`. */
  name: string;
  /** `$(VAR:-default)` / `$(VAR-default)`: the default text (2.1 only). */
  defaultValue?: string;
  /** `$(VAR:-x)` → ':-', `$(VAR-x)` → '-'. */
  defaultOperator?: ':-' | '-';
  /** `%(a + 1)`: the placeholder contains math. */
  isMath?: boolean;
}

export interface IniEntry {
  /** Key as uWSGI reads it: leading blanks skipped, right-trimmed, never `_`→`-` converted. */
  key: string;
  /** Value as uWSGI reads it: trimmed, inline `;`/`#` text included. '' for a bare key. */
  value: string;
  keySpan: TextRange;
  /** Offset of the first `=`, or -1 for a bare key. */
  eqOffset: number;
  /** Span of the trimmed value; empty (start = end) when the value is ''. */
  valueSpan: TextRange;
  /** Name of the section the entry belongs to ('' before the first header). */
  section: string;
  line: IniEntryLine;
  tokens: ValueToken[];
  /** The innermost open logic block (`if-*`, `for*`) the entry sits in; undefined at top level. */
  block?: IniLogicBlock;
  /** Whether the entry only applies under a runtime condition or loop (inside a logic block). */
  conditional: boolean;
}

export interface IniSection {
  /** Name exactly as uWSGI reads it: after `[`, minus the last character of the trimmed line. '' for the implicit section. */
  name: string;
  /** The header line; undefined for the implicit section of keys before the first header. */
  header?: {
    /** Whole trimmed header text, e.g. `[uwsgi] ; main`. */
    span: TextRange;
    /** Span of `name` (may be empty). */
    nameSpan: TextRange;
    /** Whether the trimmed line ends with `]` (otherwise uWSGI silently drops its last character). */
    closed: boolean;
  };
  /** Lines from the header (or file start) up to the next header, in order. */
  lines: IniLine[];
  entries: IniEntry[];
  /** Blocks opened in this section. */
  blocks: IniLogicBlock[];
  /** Start of the section (header start, or 0 for the implicit one) and end of its last line incl. line ending. */
  span: TextRange;
}

export type LogicKind = 'if' | 'for';

export interface IniLogicBlock {
  kind: LogicKind;
  /** The opening entry (`if-env = X`, `for = a b`). */
  open: IniEntry;
  /** The closing entry (`endif`, `end-for`); undefined when unterminated. */
  close?: IniEntry;
  /** `else` entries (uWSGI 2.1 only). */
  elses: IniEntry[];
  /** From the opening line start to the closing line end (or the section end when unterminated). */
  span: TextRange;
}

export type IniProblemKind =
  | 'unterminatedBlock' // `if-*`/`for` without `endif`/`endfor` before the section ends
  | 'nestedBlock' // logic opened inside logic: uWSGI exits ("recursive logic in options is not supported")
  | 'strayEnd' // `endif`/`endfor` with no open block
  | 'strayElse' // `else` outside an `if-*` block
  | 'unclosedToken' // `%(`, `$(` or `@(` without `)`
  | 'unclosedHeader' // `[name` without `]`: uWSGI drops the last character
  | 'emptyKey' // `= value`: a line with nothing before `=`
  | 'bom'; // U+FEFF at the start: uWSGI does not skip it, so the first line is misread

export interface IniProblem extends TextRange {
  kind: IniProblemKind;
  message: string;
  /** Related span (the enclosing block's opening line for `nestedBlock`). */
  related?: TextRange;
}

export interface IniDocument {
  /** The original text, unchanged. */
  text: string;
  /** Whether the text starts with U+FEFF (offsets still count it). */
  bom: boolean;
  /** The line ending new lines should use: the first one found, '\n' when none. */
  eol: '\n' | '\r\n';
  lines: IniLine[];
  /** Sections in file order; the implicit '' section first when any line precedes the first header. */
  sections: IniSection[];
  /** Every entry in file order, across sections. */
  entries: IniEntry[];
  blocks: IniLogicBlock[];
  problems: IniProblem[];
}
