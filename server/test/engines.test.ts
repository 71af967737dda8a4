/**
 * Issue 9 item 8: `npm install` on the declared engine (package.json `engines.node`) must not warn
 * EBADENGINE. Every package in the lockfile that declares `engines.node` must accept the lowest Node
 * version our own `engines` admits; otherwise pin it (root `overrides`) or raise our engine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const semver = require('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  validRange(range: string): string | null;
};

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('declared Node engine', () => {
  const lowest = semver.minVersion(pkg.engines.node)!.version;

  it('is Node 20.19 or later, as the stack says', () => {
    expect(semver.satisfies(lowest, '>=20.19.0')).toBe(true);
  });

  it('is accepted by every locked package that declares engines.node (no EBADENGINE on install)', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || Array.isArray(entry.engines)) continue;
      const range = entry.engines?.node;
      if (!range || !semver.validRange(range)) continue;
      if (!semver.satisfies(lowest, range, { includePrerelease: true })) refused.push(`${path}@${entry.version} wants node ${range}`);
    }
    expect(refused).toEqual([]);
  });
});
