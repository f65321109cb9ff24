// `npm run bench`: runs every bench/*.bench.ts and prints its figures with their targets.
// Speed targets are checked here, never by timed assertions in tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Figure { name: string; value: number; unit: string; target?: string; ok?: boolean }
export type Report = (figure: Figure) => void;
export type Bench = (report: Report) => Promise<void> | void;

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only === undefined || f.includes(only))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { default: Bench };
  await mod.default((f) => {
    const mark = f.ok === undefined ? '' : f.ok ? '  ok' : '  MISSED';
    if (f.ok === false) failed += 1;
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1);
    console.log(`${f.name.padEnd(58)} ${value.padStart(10)} ${f.unit.padEnd(6)}${f.target ? ` (target ${f.target})` : ''}${mark}`);
  });
}
console.log(failed === 0 ? '\nall targets met' : `\n${failed} target(s) missed`);
