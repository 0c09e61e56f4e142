// Overlays a recheck run (`npm run mutate -- --survivors-of BASE --name recheck`) onto its base report:
// `node scripts/mutation-merge.mjs BASE.json RECHECK.json > MERGED.json`. A mutant is matched by file,
// location, mutator and replacement; the recheck's status wins (it ran from scratch against every test).
import { readFileSync } from 'node:fs';

const [basePath, recheckPath] = process.argv.slice(2);
const base = JSON.parse(readFileSync(basePath, 'utf8'));
const recheck = JSON.parse(readFileSync(recheckPath, 'utf8'));
const keyOf = (file, m) =>
  `${file}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}|${m.mutatorName}|${m.replacement}`;
const fresh = new Map();
for (const [file, entry] of Object.entries(recheck.files)) for (const m of entry.mutants) fresh.set(keyOf(file, m), m);
let replaced = 0;
for (const [file, entry] of Object.entries(base.files)) {
  entry.mutants = entry.mutants.map((m) => {
    const again = fresh.get(keyOf(file, m));
    if (!again) return m;
    replaced++;
    return { ...m, status: again.status, killedBy: again.killedBy, coveredBy: again.coveredBy, testsCompleted: again.testsCompleted };
  });
}
console.error(`${replaced} mutant results taken from the recheck`);
console.log(JSON.stringify(base));
