import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule of eslint.config.mjs that keeps days in the centre's zone: it must fire on the
 * ways a day gets taken from the workstation's own clock zone, and stay quiet on the right ones.
 */
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function zoneProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint: no day taken in the workstation zone', () => {
  const renderer = 'renderer/src/features/arrivals/Example.tsx';
  const core = 'electron/core/domains/example/service.ts';

  it.each([
    ["import dayjs from 'dayjs';\nexport const today = dayjs().format('YYYY-MM-DD');", renderer],
    ["import dayjs from 'dayjs';\nexport const when = (d: string, t: string) => dayjs(`${d}T${t}`).toISOString();", renderer],
    ['export const today = new Date().toISOString().slice(0, 10);', renderer],
    ['export const startedAt = new Date().toISOString();', renderer],
    ['export const now = Date.now();', renderer],
    ['export const hour = (d: Date) => d.getHours();', renderer],
    ["export const label = (d: Date) => d.toLocaleDateString('es');", renderer],
    ['export const now = new Date();', core],
    ['export const day = (d: Date) => d.toISOString().slice(0, 10);', core],
    ['export const day = (d: Date) => d.getDate();', core],
  ])('refuses %s', async (code, file) => {
    expect(await zoneProblems(file, code)).not.toEqual([]);
  });

  it.each([
    ["import { centreToday } from '../../app/centre-time';\nexport const today = centreToday();", renderer],
    ['export const at = (iso: string) => new Date(iso).getTime();', renderer],
    ["import type { ServiceContext } from '../context';\nexport const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();", core],
  ])('accepts %s', async (code, file) => {
    expect(await zoneProblems(file, code)).toEqual([]);
  });
});
