// Regenerates the per-rule severity settings in package.json from the rule registry,
// so the settings schema can never drift from the rules that exist.
// Usage: node --import tsx scripts/sync-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/rules';

const path = 'package.json';
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const severity = manifest.contributes.configuration.properties['uwsgiLint.severity'];
severity.properties = Object.fromEntries(
  RULES.map((rule) => [
    rule.code,
    {
      type: 'string',
      enum: ['off', 'hint', 'information', 'warning', 'error'],
      default: rule.defaultSeverity,
      markdownDescription: `**${rule.code}** (${rule.name}): ${rule.summary}`,
    },
  ]),
);
severity.additionalProperties = false;
writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
console.log(`package.json: ${RULES.length} rule severity settings`);

// The README's rule table, between its markers, from the same registry.
const readmePath = 'README.md';
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
if (readme.includes(start) && readme.includes(end)) {
  const rows = RULES.map((r) => `| [${r.code}](docs/rules/${r.code}.md) | ${r.name} | ${r.defaultSeverity} | ${r.summary.replace(/\|/g, '\\|')} |`);
  const table = ['| Code | Name | Default | What it reports |', '|---|---|---|---|', ...rows].join('\n');
  const updated = readme.slice(0, readme.indexOf(start) + start.length) + '\n' + table + '\n' + readme.slice(readme.indexOf(end));
  writeFileSync(readmePath, updated);
  console.log(`README.md: ${RULES.length} rules listed`);
}
