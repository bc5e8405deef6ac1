import { effectiveConfigOf } from '../config/effectiveConfig';
import type { ConfigFile } from '../config/model';
import type { Fix } from '../core/finding';
import { insertLineAbove } from '../fixes/iniEdits';
import type { IniDocument, IniSection } from '../ini/model';
import { lookupOption } from '../options/catalog';
import type { Rule, RuleContext } from './rule';

/** A header that was probably meant as `[want]`, and why uWSGI reads it differently. */
interface NearMiss {
  section: IniSection;
  why: string;
}

function nearMisses(doc: IniDocument, want: string): NearMiss[] {
  const out: NearMiss[] = [];
  for (const section of doc.sections) {
    const header = section.header;
    if (!header || section.name === want) continue;
    const text = doc.text.slice(header.span.start, header.span.end);
    let why: string | undefined;
    if (text.startsWith(`[${want}]`)) {
      why = `uWSGI has no inline comments: the section name is everything after '[' minus the line's last character, so this header names '${section.name}'.`;
    } else if (!header.closed && text.slice(1) === want) {
      why = `the header has no closing ']': uWSGI drops the last character and reads '${section.name}'.`;
    } else if (section.name.trim() === want) {
      why = `section names are not trimmed: this header names '${section.name}', with the blanks.`;
    } else if (section.name.toLowerCase() === want.toLowerCase()) {
      why = `section names are case-sensitive: '${section.name}' is not '${want}'.`;
    }
    if (why) out.push({ section, why });
  }
  return out;
}

/** Without a near miss, only complain about files that look like uWSGI configs at all. */
function looksLikeUwsgi(doc: IniDocument, context: RuleContext): boolean {
  const keys = doc.entries;
  const known = keys.filter((e) => lookupOption(e.key, context.settings.uwsgiVersion));
  return keys.length > 0 && known.length * 2 >= keys.length;
}

function headerFix(doc: IniDocument, file: string, miss: NearMiss, want: string): Fix {
  const header = miss.section.header!;
  const text = doc.text.slice(header.span.start, header.span.end);
  const rest = text.startsWith(`[${want}]`) ? text.slice(want.length + 2).trim() : '';
  const line = miss.section.lines[0];
  const edits = [{ file, start: header.span.start, end: header.span.end, newText: `[${want}]` }];
  if (/^[;#]/.test(rest)) edits.unshift(insertLineAbove(doc, file, line, rest));
  return { title: `Rename the section to [${want}]`, preferred: true, edits };
}

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  for (const file of config.files) {
    if (!file.doc || file.format !== 'ini' || file.sections.length > 0) continue;
    reportFile(context, file, file.doc);
  }
}

function reportFile(context: RuleContext, file: ConfigFile, doc: IniDocument): void {
  const want = file.section;
  const misses = nearMisses(doc, want);
  const bomHeader = doc.bom && doc.lines[0]?.kind === 'header' ? doc.lines[0] : undefined;
  if (file.via) {
    const hint = misses.length > 0 ? ` Its header ${doc.text.slice(misses[0].section.header!.span.start, misses[0].section.header!.span.end)}: ${misses[0].why}` : '';
    context.report({
      file: file.via.file,
      start: file.via.valueSpan.start,
      end: file.via.valueSpan.end,
      message: `uWSGI reads section [${want}] of '${file.path}', which has none, so nothing from that file applies.${hint}`,
      related: misses.map((m) => ({ file: file.path, start: m.section.header!.span.start, end: m.section.header!.span.end, message: m.why })),
    });
  }
  for (const miss of misses) {
    context.report({
      file: file.path,
      start: miss.section.header!.span.start,
      end: miss.section.header!.span.end,
      message: `This is not the [${want}] section uWSGI reads: ${miss.why} uWSGI warns "Can't find section" and ignores the whole file.`,
      fixes: [headerFix(doc, file.path, miss, want)],
    });
  }
  if (bomHeader && bomHeader.section.name === want) {
    context.report({
      file: file.path,
      start: bomHeader.section.header!.span.start,
      end: bomHeader.section.header!.span.end,
      message: `The file starts with a byte order mark, which uWSGI does not skip: it reads the first line as an option, not as the [${want}] header, and ignores the section.`,
      fixes: [{ title: 'Remove the byte order mark', preferred: true, edits: [{ file: file.path, start: 0, end: 1, newText: '' }] }],
    });
    return;
  }
  if (misses.length > 0 || file.via || !looksLikeUwsgi(doc, context)) return;
  const first = doc.lines[0];
  const names = doc.sections.filter((s) => s.header).map((s) => `[${s.name}]`);
  // Replacing the BOM too: uWSGI would not see a header behind it.
  const headerless = names.length === 0;
  context.report({
    file: file.path,
    start: first?.start ?? 0,
    end: first?.end ?? 0,
    message: `No [${want}] section: uWSGI warns "Can't find section" and starts with none of these options.` +
      (headerless ? ' Options above the first header are ignored.' : ` Sections found: ${names.join(', ')}.`),
    fixes: headerless && first
      ? [{ title: `Add a [${want}] header at the top`, preferred: true, edits: [{ file: file.path, start: 0, end: first.start, newText: `[${want}]${doc.eol}` }] }]
      : undefined,
  });
}

export const UW001: Rule = {
  code: 'UW001',
  name: 'noUwsgiSection',
  summary: 'The file has no section with the exact name uWSGI reads ([uwsgi] by default).',
  defaultSeverity: 'error',
  check,
};
