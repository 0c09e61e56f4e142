// Lists the mutants that survived (or had no test) in Stryker's JSON report, one line each:
// `node scripts/mutation-survivors.mjs [report.json] [path-filter]`. Each line names the mutated code itself
// (`was` → replacement), not just its line: a line often holds several mutants.
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
    const { start, end } = mutant.location;
    const { line, column } = start;
    const text = lines[line - 1] ?? '';
    // Stryker's columns are 1-based, the end exclusive; a span over several lines is shown up to its line's end.
    const was = text.slice(column - 1, end.line === line ? end.column - 1 : undefined).trim();
    const shown = (value) => JSON.stringify(value).slice(0, 80);
    console.log(`${mutant.status} ${name}:${line}:${column} ${mutant.mutatorName} ${shown(was)} → ${shown(mutant.replacement ?? '')}`);
  }
}
