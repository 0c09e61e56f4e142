import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

/** tsx follows a tsconfig "paths" entry for psl to its .d.ts; run with one that has none. */
function tsconfigWithoutPaths(dir: string): string {
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown>; include?: string[] };
  delete config.compilerOptions.paths;
  config.include = [join(root, 'src')];
  const file = join(dir, 'tsconfig.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('check CLI', () => {
  it('prints one JSON line per input, in order, from args and stdin, with --protect', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otpguard-cli-'));
    const protect = join(dir, 'protect.txt');
    writeFileSync(protect, 'mybank.example\n');
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', tsconfigWithoutPaths(dir), join(root, 'src/cli/check.ts'), '--protect', protect, '--stdin', 'amazon.com'],
      { input: 'аmazon.com\nnot a host\nhttps://mybank.example/login\nmybank-login.com\n127.0.0.1\nportal__coinbase-login.typedream.app\n', encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; verdict: string; brand: string | null; reasons: string[] });
    expect(lines.map((l) => [l.input, l.verdict])).toEqual([
      ['amazon.com', 'verified'],
      ['аmazon.com', 'lookalike'],
      ['not a host', 'invalid'],
      ['https://mybank.example/login', 'verified'],
      ['mybank-login.com', 'lookalike'],
      ['127.0.0.1', 'not-a-website'],
      ['portal__coinbase-login.typedream.app', 'lookalike'],
    ]);
    expect(lines[1]?.brand).toBe('Amazon');
    const scored = lines[1] as unknown as { confidence?: string; score?: number; evidence?: { signal: string }[] };
    expect(scored.confidence).toBe('high');
    expect(scored.evidence?.map((e) => e.signal)).toContain('skeleton');
    expect(lines[4]?.brand).toBe('mybank.example');
    expect(lines[2]?.reasons.length).toBeGreaterThan(0);
  }, 90_000);
});
