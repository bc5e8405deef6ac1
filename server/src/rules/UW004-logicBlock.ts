import { effectiveConfigOf as effectiveConfig } from '../config/effectiveConfig';
import { problemsInReadSections } from '../config/readSections';
import type { Rule, RuleContext } from './rule';

const KINDS = new Set(['unterminatedBlock', 'nestedBlock', 'strayEnd', 'strayElse']);

function check(context: RuleContext): void {
  const hasElse = context.settings.uwsgiVersion === '2.1';
  for (const { file, problem } of problemsInReadSections(effectiveConfig(context))) {
    if (!KINDS.has(problem.kind)) continue;
    let message = problem.message;
    if (problem.kind === 'unterminatedBlock') {
      message += ' uWSGI keeps applying the block to every option that follows, including those of later files.';
    }
    context.report({
      file,
      start: problem.start,
      end: problem.end,
      message,
      severity: problem.kind === 'strayEnd' ? 'warning' : undefined,
      related: problem.related ? [{ file, ...problem.related, message: 'The block that is still open.' }] : undefined,
    });
  }
  if (hasElse) return;
  reportElseOn20(context);
}

/** `else` only exists on uWSGI 2.1: on 2.0 it is an unknown key, so BOTH branches apply. */
function reportElseOn20(context: RuleContext): void {
  for (const file of effectiveConfig(context).files) {
    for (const block of file.sections.flatMap((s) => s.blocks)) {
      for (const entry of block.elses) {
        context.report({
          file: file.path,
          start: entry.keySpan.start,
          end: entry.keySpan.end,
          message: `'else' needs uWSGI 2.1; uWSGI ${context.settings.uwsgiVersion} ignores it as an unknown option, so the options after it apply whenever the '${block.open.key}' block does.`,
        });
      }
    }
  }
}

export const UW004: Rule = {
  code: 'UW004',
  name: 'logicBlock',
  summary: 'An `if-*`/`for` block is never closed, nested in another, or an `endif`/`endfor`/`else` has no block.',
  defaultSeverity: 'error',
  check,
};
