/**
 * axe-core in a real extension page. The extension's CSP refuses script tags, so the library is evaluated
 * through the driver (CDP Runtime.evaluate is not subject to the page's CSP).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  targets: string[];
  summary: string;
}

declare const axe: {
  run(context: unknown, options: object): Promise<{
    violations: { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  }>;
};

/** Serious and critical violations on `page` (WCAG 2.0–2.2 A/AA and best practices), one entry per element. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        id: violation.id,
        impact: violation.impact ?? 'unknown',
        targets: node.target.map(String),
        summary: (node.failureSummary ?? '').slice(0, 300),
      })),
    );
  });
  return found.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

/** Runs axe in light and in dark mode; returns the findings per scheme (the page is left in light mode). */
export async function violationsInBothSchemes(page: Page): Promise<Record<'light' | 'dark', AxeFinding[]>> {
  const out: Record<'light' | 'dark', AxeFinding[]> = { light: [], dark: [] };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let transitions and the colour-scheme switch settle before measuring contrast.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    out[scheme] = await seriousViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}
