import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * Issue 20, item 1: the part of `npm run dist` that runs without the Electron binary. After
 * `npm run build` (the e2e suite runs after it), electron-builder packs the app for Linux into a
 * folder with a stand-in Electron (build/dry-run.cjs): the asar and what it holds, the SQLite
 * addon unpacked, and every fuse flipped by the afterPack hook in the packed binary.
 */
const requireCjs = createRequire(__filename);
const { dryRun, table } = requireCjs(path.resolve(__dirname, '../../build/dry-run.cjs')) as {
  dryRun(options?: { dir?: string }): Promise<{ checks: { name: string; ok: boolean; detail: string }[]; work: string }>;
  table(checks: unknown[]): string;
};

describe('npm run dist:dry', () => {
  it('packs the built app with electron-builder: asar, addon unpacked, fuses flipped', async () => {
    const { checks, work } = await dryRun();
    try {
      console.log(table(checks));
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      expect(checks.filter((c) => c.name.startsWith('fuse '))).toHaveLength(7);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);
});
