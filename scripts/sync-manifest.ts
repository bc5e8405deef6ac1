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
