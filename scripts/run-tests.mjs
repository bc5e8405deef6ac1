// Runs the test tiers with node's own test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [unit] [grammar] [protocol] [packaging]   (default: all four)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ALL_TIERS = ['unit', 'grammar', 'protocol', 'packaging'];
const tiers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL_TIERS;
for (const tier of tiers) {
  if (!ALL_TIERS.includes(tier)) {
    console.error(`unknown test tier "${tier}"; expected one of ${ALL_TIERS.join(', ')}`);
    process.exit(2);
  }
}

function findTests(dir) {
  let out = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = tiers.flatMap((tier) => findTests(join('test', tier)));
if (files.length === 0) {
  console.error(`no test files found for tiers: ${tiers.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
