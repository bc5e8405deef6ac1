import { dirname, resolvePath } from '../core/fileSystem';
import { magicTableFor, applyMagic } from '../config/magic';
import { splitSection } from '../config/includeWalker';
import type { IniEntry } from '../ini/model';
import { lookupOption } from '../options/catalog';
import { featureDocument, type FeatureDocument } from './featureConfig';
import type { FeatureRequest, LinkEntry, OffsetRange } from './types';
import { INCLUDE_OPTIONS, pathKindOf } from './valueKinds';

/**
 * Links from `ini`/`include`/`inherit`, file-valued options and `@(file)` readers to the files they
 * name, resolved as uWSGI would (magic variables; placeholders for non-include options), only when
 * the file exists.
 */
export function documentLinks(request: FeatureRequest): LinkEntry[] {
  const fd = featureDocument(request);
  const links: LinkEntry[] = [];
  for (const section of fd.doc.sections) {
    for (const entry of section.entries) {
      const link = linkFor(fd, entry, section.name || 'uwsgi');
      if (link) links.push(link);
      links.push(...readerLinks(fd, entry));
    }
  }
  return links;
}

function linkFor(fd: FeatureDocument, entry: IniEntry, section: string): LinkEntry | undefined {
  if (entry.value === '') return undefined;
  const { request } = fd;
  const include = INCLUDE_OPTIONS.has(entry.key);
  const canonical = lookupOption(entry.key)?.canonical;
  if (!include && pathKindOf(entry.key, canonical) !== 'file') return undefined;
  const value = include ? applyMagic(entry, magicTableFor(request.path, request.path, section)).text : expandedValue(fd, entry);
  if (/[$@%]\(/.test(value) || value.includes('://')) return undefined;
  const path = include ? splitSection(value).path : value;
  if (path === '') return undefined;
  const base = dirname(request.path);
  const candidates = path.startsWith('/') ? [resolvePath('/', path)] : [resolvePath(base, path), ...chdirs(fd, entry).map((d) => resolvePath(d, path))];
  const target = candidates.find((p) => request.fs.kind(p) === 'file');
  if (!target) return undefined;
  return { range: linkRange(entry, include), target, tooltip: target };
}

/** `@(file)` readers of plain files (schemes such as `exec://` are not files). */
function readerLinks(fd: FeatureDocument, entry: IniEntry): LinkEntry[] {
  const links: LinkEntry[] = [];
  for (const token of entry.tokens) {
    if (token.kind !== 'reader' || token.name === '' || token.name.includes('://') || /[$%@]/.test(token.name)) continue;
    const target = resolvePath(dirname(fd.request.path), token.name);
    if (fd.request.fs.kind(target) === 'file') links.push({ range: { start: token.start + 2, end: token.end - 1 }, target, tooltip: target });
  }
  return links;
}

function expandedValue(fd: FeatureDocument, entry: IniEntry): string {
  return fd.effectiveOf(entry)?.value ?? entry.value;
}

/** Other options resolve from uWSGI's working directory: `chdir` when set. */
function chdirs(fd: FeatureDocument, entry: IniEntry): string[] {
  const config = fd.configAt(entry.valueSpan.start);
  return config
    .getAll('chdir')
    .filter((e) => e.value !== '' && !/[$@%]\(/.test(e.value))
    .map((e) => resolvePath(dirname(e.file), e.value));
}

/** The path as written: without `:section` for includes; the whole value when it has variables. */
function linkRange(entry: IniEntry, include: boolean): OffsetRange {
  if (entry.tokens.length > 0 || !include) return entry.valueSpan;
  const { path } = splitSection(entry.value);
  return { start: entry.valueSpan.start, end: entry.valueSpan.start + path.length };
}
