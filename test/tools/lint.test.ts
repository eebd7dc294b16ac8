import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** What the copy leaves out: installed packages (linked instead), build output, data, and bench/, a package of its own. */
const LEFT_OUT = new Set(['node_modules', 'dist', 'data', 'test-results', 'bench', '.git']);

type Run = { code: number; output: string };

/** Runs the project's lint script in `dir`, as CI does. */
async function lint(dir: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'lint'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run lint (dependency-cruiser and knip)', () => {
  let copy: string;
  beforeEach(() => {
    // A copy of the project, so that a deliberate violation never touches the real tree.
    copy = mkdtempSync(join(tmpdir(), 'wm-lint-'));
    for (const path of readdirSync('.').filter((name) => !LEFT_OUT.has(name))) cpSync(path, join(copy, path), { recursive: true });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterEach(() => {
    rmSync(copy, { recursive: true, force: true });
  });

  it('passes on the project as it is', { timeout: 180_000 }, async () => {
    const run = await lint(copy);
    expect(run.output).toContain('no dependency violations found');
    expect(run.code).toBe(0);
  });

  it('fails when a layer imports one above it or two folders import each other', { timeout: 180_000 }, async () => {
    writeFileSync(join(copy, 'server/common/campaign-title.ts'), "import { type CampaignService } from '../campaigns/campaign.service.js';\n\nexport type Titles = CampaignService;\n");
    appendFileSync(join(copy, 'server/campaigns/campaign.entity.ts'), "\nexport { type Case as CampaignCase } from '../cases/case.entity.js';\n");
    const run = await lint(copy);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('common-stands-alone: server/common/campaign-title.ts → server/campaigns/campaign.service.ts');
    expect(run.output).toContain('no-folder-cycles');
  });

  it('fails on an unused file, export or dependency', { timeout: 180_000 }, async () => {
    // Past the dependency check, so that knip's findings are the ones that fail the run.
    writeFileSync(join(copy, 'server/common/left-over.ts'), 'export const leftOver = 1;\n');
    appendFileSync(join(copy, 'server/common/counts.ts'), '\nexport const UNUSED_LIMIT = 3;\n');
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
    manifest.dependencies['left-pad'] = '^1.3.0';
    writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
    const run = await lint(copy);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Unused files[\s\S]*server\/common\/left-over\.ts/);
    expect(run.output).toMatch(/Unused exports[\s\S]*UNUSED_LIMIT/);
    expect(run.output).toMatch(/Unused dependencies[\s\S]*left-pad/);
  });

  it('fails when the generated GraphQL code is stale: an operation changed, or a server error code added', { timeout: 180_000 }, async () => {
    // Past the dependency and dead-code checks, so that the staleness check is what fails.
    const operations = join(copy, 'dashboard/graphql/pledge.graphql');
    writeFileSync(operations, readFileSync(operations, 'utf8').replace('submitPledge(input: $input) { id clientKey total createdAt }', 'submitPledge(input: $input) { id clientKey total }'));
    const errors = join(copy, 'server/common/errors.ts');
    writeFileSync(errors, readFileSync(errors, 'utf8').replace("  BAD_REQUEST: 'BAD_REQUEST',", "  BAD_REQUEST: 'BAD_REQUEST',\n  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',"));
    const run = await lint(copy);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Generated GraphQL code is stale (run npm run codegen): dashboard/graphql/generated/errorCodes.ts, dashboard/graphql/generated/pledge.ts');
  });
});
