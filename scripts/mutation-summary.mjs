// Mutation score per folder from Stryker's JSON report (Stryker's own table is per file).
// `node scripts/mutation-summary.mjs [report.json]`; run by `npm run mutate` after Stryker.
// Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no coverage).
// A second score leaves out "static" mutants (module-level constants such as a regex or a table), which
// Stryker can only test by reloading every module; the column `static` counts those that survived.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** The folders issue 10 measures; a file elsewhere is summed under its own directory. */
export const FOLDERS = [
  'src/core/policy',
  'src/messaging',
  'src/background/handlers',
  'src/background/session',
  'src/core/vault',
];

export function folderOf(file) {
  return FOLDERS.find((folder) => file === folder || file.startsWith(`${folder}/`)) ?? dirname(file);
}

/** @param {{ files: Record<string, { mutants: { status: string }[] }> }} report */
export function summarise(report, root = process.cwd()) {
  const rows = new Map();
  for (const [path, file] of Object.entries(report.files)) {
    const folder = folderOf(relative(root, path.startsWith('/') ? path : `${root}/${path}`));
    const row = rows.get(folder) ?? { folder, killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0, staticDetected: 0, staticUndetected: 0 };
    for (const { status, static: isStatic } of file.mutants) {
      if (isStatic && (status === 'Killed' || status === 'Timeout')) row.staticDetected++;
      if (isStatic && (status === 'Survived' || status === 'NoCoverage')) row.staticUndetected++;
      if (status === 'Killed') row.killed++;
      else if (status === 'Timeout') row.timeout++;
      else if (status === 'Survived') row.survived++;
      else if (status === 'NoCoverage') row.noCoverage++;
      else row.other++;
    }
    rows.set(folder, row);
  }
  return [...rows.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

function score(row, withStatic = true) {
  const detected = row.killed + row.timeout - (withStatic ? 0 : row.staticDetected);
  const valid = row.killed + row.timeout + row.survived + row.noCoverage - (withStatic ? 0 : row.staticDetected + row.staticUndetected);
  return valid === 0 ? null : (100 * detected) / valid;
}

const percent = (value) => (value === null ? 'n/a' : `${value.toFixed(1)}%`);

function format(rows) {
  const lines = ['folder                    score  killed timeout survived no-cov  static  non-static score  (compile/runtime/ignored)'];
  for (const row of rows) {
    lines.push(
      [
        row.folder.padEnd(24),
        percent(score(row)).padStart(7),
        String(row.killed).padStart(7),
        String(row.timeout).padStart(7),
        String(row.survived).padStart(8),
        String(row.noCoverage).padStart(6),
        String(row.staticUndetected).padStart(7),
        percent(score(row, false)).padStart(17),
        `  (${row.other})`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'reports/mutation/mutation.json';
  if (!existsSync(file)) {
    // Stryker writes no report when no unit test reaches the mutated files: nothing is killed.
    console.log(`\nNo report at ${file}: no unit test reached these files, so every mutant survives (score 0 %).`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  console.log('\nMutation score per folder');
  console.log(format(summarise(report)));
}
