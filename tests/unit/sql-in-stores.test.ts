import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule of eslint.config.mjs that keeps SQL in each domain's store.ts. */
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function sqlProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const handler = "import type { ServiceContext } from '../../context';\nexport const n = (ctx: ServiceContext) => ";

describe('lint: SQL lives in stores', () => {
  it.each([
    ['electron/core/domains/drafts/service.ts', `${handler}ctx.db.prepare('SELECT 1').get();`],
    ['electron/core/domains/users/service.ts', `${handler}ctx.db.exec('DELETE FROM login_throttle');`],
    ['electron/core/domains/institutions/helpers.ts', `import { cached } from '../../db/statements';\n${handler}cached(ctx.db, 'SELECT 1').get();`],
  ])('refuses a statement in %s', async (file, code) => {
    expect(await sqlProblems(file, code)).not.toEqual([]);
  });

  it('accepts the same statement in the store', async () => {
    expect(await sqlProblems('electron/core/domains/drafts/store.ts', "import type { Database } from '../../db/driver';\nexport const n = (db: Database) => db.prepare('SELECT 1').get();")).toEqual([]);
  });
});
