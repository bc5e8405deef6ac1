import { basename, dirname, resolvePath } from '../core/fileSystem';
import type { IniDocument, IniLogicBlock, IniSection } from '../ini/model';
import { parseIni } from '../ini/parser';
import { sectionsNamed } from '../ini/query';
import { blockApplies } from './blockConditions';
import { addAssignment, addIniEntry, type LoadState } from './loadConfig';
import { applyMagic, magicTableFor, type MagicTable } from './magic';
import type { ConfigFileRole, EffectiveEntry } from './model';

/** uWSGI has no limit, it recurses until it crashes; we stop well before. */
export const MAX_INCLUDE_DEPTH = 16;
/**
 * Depth alone does not bound the work: each file including the next three times is 3^16 reads, which
 * exhausted the heap (found by fuzzing). Real configs read a few dozen files per load.
 */
export const MAX_INCLUDED_FILES = 1000;

const OTHER_FORMAT_KEYS = new Set(['yaml', 'yml', 'json', 'js', 'xml', 'xmlconfig', 'sqlite', 'sqlite3', 'ldap', 'config']);

interface Frame {
  path: string;
  section: string;
}

interface Deferred {
  via: EffectiveEntry;
  frames: Frame[];
}

/**
 * Reads the root file and follows `ini =`/`include =` at the point they appear (they are
 * IMMEDIATE: only magic variables are expanded in their value); `inherit =` templates are read
 * later, once values are expanded, and their options go after the rest.
 */
export class IncludeWalker {
  private lastLoaded = '';
  private rootMagic: MagicTable | undefined;
  private readonly deferred: Deferred[] = [];
  private inheritCount = 0;
  private readCount = 0;
  private budgetReported = false;

  constructor(private readonly state: LoadState) {}

  /** Reads the root file and everything it includes in place; `inherit` templates wait for `walkInherits`. */
  walkRoot(path: string, section: string): void {
    this.read(path, section, path, 'root', undefined, [], false);
  }

  /**
   * Reads the pending `inherit` templates. uWSGI applies them at configure time, after the
   * `$()`/`@()`/`%()` passes, so their paths are the expanded values. Returns whether any was read
   * (the caller expands the new entries, and templates may inherit further).
   */
  walkInherits(): boolean {
    const batch = this.deferred.splice(0);
    for (const d of batch) {
      if (++this.inheritCount > 64) return false;
      this.follow('inherit', d.via.value, d.via, d.frames);
    }
    return batch.length > 0;
  }

  private read(
    path: string,
    section: string,
    asGiven: string,
    role: ConfigFileRole,
    via: EffectiveEntry | undefined,
    frames: Frame[],
    conditional: boolean,
  ): void {
    const doc = this.parse(path);
    const file = {
      path,
      section,
      role,
      doc,
      sections: doc ? readableSections(doc, section) : [],
      via,
      conditional,
      format: 'ini' as const,
      found: doc !== undefined,
    };
    this.state.files.push(file);
    const chain = [...frames.map((f) => f.path), path];
    if (!doc) {
      this.problem(role === 'root' ? 'rootNotFound' : 'includeNotFound', via, path, chain, conditional,
        `${role === 'root' ? 'Config file' : 'Included file'} '${path}' does not exist.`);
      return;
    }
    this.lastLoaded = path;
    if (file.sections.length === 0) {
      const message = `'${basename(path)}' has no [${section}] section, so uWSGI reads nothing from it (it only warns "Can't find section").`;
      this.problem('sectionMissing', via, path, chain, conditional, message);
    }
    const magic = magicTableFor(path, asGiven, section, this.rootMagic);
    this.rootMagic ??= magic;
    const here = [...frames, { path, section }];
    // Judged once per block, when its first option is reached: what came before the opener decides.
    const verdicts = new Map<IniLogicBlock, boolean | undefined>();
    for (const entry of file.sections.flatMap((s) => s.entries)) {
      // A block the declared environment or the options so far decide: uWSGI adds its options, or never.
      const block = entry.block;
      if (block && !verdicts.has(block) && block.open !== entry && block.close !== entry) verdicts.set(block, blockApplies(entry, this.state));
      const applies = block && block.open !== entry && block.close !== entry ? verdicts.get(block) : undefined;
      if (applies === false) continue;
      const expanded = applyMagic(entry, magic);
      const effective = addIniEntry(this.state, path, doc, entry, expanded, conditional, chain);
      if (applies === true) effective.conditional = conditional;
      const key = entry.key;
      if (key === 'set' || key === 'set-placeholder' || key === 'set-ph') addAssignment(this.state, effective, expanded.text);
      else if (key === 'ini' || key === 'include') this.follow(key, expanded.text, effective, here);
      else if (key === 'inherit') this.deferred.push({ via: effective, frames: here });
      else if (OTHER_FORMAT_KEYS.has(key)) this.recordOther(expanded.text, effective, here);
    }
  }

  private follow(key: 'ini' | 'include' | 'inherit', target: string, via: EffectiveEntry, frames: Frame[]): void {
    const parent = frames[frames.length - 1];
    const { path: given, section: asked } = splitSection(target);
    if (given.includes('://') || given === '-') {
      this.recordOther(target, via, frames);
      return;
    }
    if (key !== 'ini' && given !== '' && !/\.ini$/i.test(given)) {
      this.recordOther(given, via, frames);
      return;
    }
    // `ini = :sect` re-reads the last loaded file with another section.
    const path = given === '' ? this.lastLoaded : resolvePath(dirname(parent.path), given);
    const section = asked ?? 'uwsgi';
    const chain = [...frames.map((f) => f.path), path];
    const loopAt = frames.findIndex((f) => f.path === path && f.section === section);
    if (loopAt >= 0) {
      const loop = [...frames.slice(loopAt).map((f) => `${basename(f.path)}:${f.section}`), `${basename(path)}:${section}`];
      this.problem('includeCycle', via, path, chain, via.conditional, `Include cycle: ${loop.join(' → ')}. uWSGI would include these files until it runs out of memory.`);
      return;
    }
    if (frames.length >= MAX_INCLUDE_DEPTH) {
      this.problem('includeTooDeep', via, path, chain, via.conditional, `Includes nest more than ${MAX_INCLUDE_DEPTH} levels deep; uwsgi-lint stops following them here.`);
      return;
    }
    if (++this.readCount > MAX_INCLUDED_FILES) {
      if (!this.budgetReported) {
        this.budgetReported = true;
        this.problem('includeTooDeep', via, path, chain, via.conditional, `Includes read more than ${MAX_INCLUDED_FILES} files (the same files included over and over); uwsgi-lint stops following them here.`);
      }
      return;
    }
    this.read(path, section, given || path, key === 'include' ? 'include' : key, via, frames, via.conditional);
  }

  /** yaml/json/xml includes and URL schemes: listed, checked for existence, not parsed. */
  private recordOther(target: string, via: EffectiveEntry, frames: Frame[]): void {
    const { path: given, section } = splitSection(target);
    const remote = given.includes('://') || given === '-' || given === '';
    const path = remote ? given : resolvePath(dirname(frames[frames.length - 1].path), given);
    const found = remote || this.state.fs.kind(path) === 'file';
    this.state.files.push({
      path, section: section ?? 'uwsgi', role: 'include', sections: [], via,
      conditional: via.conditional, format: 'other', found,
    });
    if (!found) {
      const chain = [...frames.map((f) => f.path), path];
      this.problem('includeNotFound', via, path, chain, via.conditional, `Included file '${path}' does not exist.`);
    }
  }

  private parse(path: string): IniDocument | undefined {
    if (!this.state.docs.has(path)) {
      const text = this.state.fs.readFile(path);
      this.state.docs.set(path, text === undefined ? null : parseIni(text));
    }
    return this.state.docs.get(path) ?? undefined;
  }

  private problem(
    kind: 'rootNotFound' | 'includeNotFound' | 'includeCycle' | 'includeTooDeep' | 'sectionMissing',
    via: EffectiveEntry | undefined,
    path: string,
    chain: string[],
    conditional: boolean,
    message: string,
  ): void {
    const at = via ? { file: via.file, start: via.valueSpan.start, end: via.valueSpan.end } : { file: path, start: 0, end: 0 };
    this.state.problems.push({ kind, ...at, message, chain, conditional });
  }
}

/** The section separator is the last `:` after the last `/` (so URL schemes and Windows-free paths work). */
export function splitSection(target: string): { path: string; section?: string } {
  const slash = target.lastIndexOf('/');
  const colon = target.lastIndexOf(':');
  if (colon > slash && !target.slice(colon).startsWith('://')) {
    const section = target.slice(colon + 1);
    return { path: target.slice(0, colon), section: section === '' ? undefined : section };
  }
  return { path: target };
}

/** uWSGI does not skip a byte order mark, so a header on the first line of such a file is not a header. */
function readableSections(doc: IniDocument, section: string): IniSection[] {
  return sectionsNamed(doc, section).filter((s) => !(doc.bom && s.header && s.lines[0]?.index === 0));
}
