// Renderer start-up in headless Chromium (SwiftShader, software WebGL): from navigation to the
// first frame that shows the sample hall, and to the engine's first results, through the real
// preview bridge. Fresh browser context per run, so nothing is cached between runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from './run.js';
import { ensureRendererBuilt, launchBrowser, startServer, waitForHall, waitForResults } from '../tests/e2e/harness.js';

const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export default async function (report: Report): Promise<void> {
  const build = ensureRendererBuilt();
  if (build.built) report({ name: 'renderer build (vite)', value: build.ms / 1000, unit: 's' });
  const dataDir = mkdtempSync(join(tmpdir(), 'factory-twin-bench-'));
  const server = await startServer(dataDir);
  const t0 = performance.now();
  const browser = await launchBrowser();
  report({ name: 'Chromium launch', value: performance.now() - t0, unit: 'ms' });
  const hall: number[] = [], results: number[] = [], calls: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForHall(page, 120_000);
      await waitForResults(page, 120_000);
      // Both measured in the page, from navigation start, so the harness's polling adds nothing.
      const marks = await page.evaluate(() => ({
        hall: performance.getEntriesByName('hall-rendered')[0]?.startTime ?? Number.NaN,
        results: performance.getEntriesByName('results-shown')[0]?.startTime ?? Number.NaN,
        calls: Number(document.querySelector('canvas')?.dataset.drawCalls),
      }));
      hall.push(marks.hall);
      results.push(marks.results);
      calls.push(marks.calls);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report({ name: `start-up to first rendered hall (demo, median of ${RUNS})`, value: median(hall), unit: 'ms', target: '< 5000 ms (software GL)', ok: median(hall) < 5000 });
  report({ name: `start-up to first results shown (demo, median of ${RUNS})`, value: median(results), unit: 'ms' });
  report({ name: 'draw calls, demo hall', value: median(calls), unit: 'calls' });
}
