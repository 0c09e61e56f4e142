// Lists the mutants that survived (or had no test) in Stryker's JSON report, one line each:
// `node scripts/mutation-survivors.mjs [report.json] [path-filter]`.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [file = 'reports/mutation/mutation.json', filter = ''] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
for (const [path, entry] of Object.entries(report.files)) {
  const name = relative(process.cwd(), path.startsWith('/') ? path : `${process.cwd()}/${path}`);
  if (!name.includes(filter)) continue;
  const lines = entry.source.split('\n');
  for (const mutant of entry.mutants) {
    if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
    const { line, column } = mutant.location.start;
    const code = (lines[line - 1] ?? '').trim().slice(0, 100);
    console.log(`${mutant.status} ${name}:${line}:${column} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)} | ${code}`);
  }
}
