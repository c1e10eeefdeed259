import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule of eslint.config.mjs that keeps the renderer on its side of the contract. */
const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });
const file = 'renderer/src/features/persons/Example.tsx';

async function boundaryProblems(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: the renderer imports contracts, never services', () => {
  it.each([
    "import { personsHandlers } from '@core/domains/persons/service';\nexport default personsHandlers;",
    "import { personKeys } from '@core/domains/persons/store';\nexport default personKeys;",
    "import { handlers } from '@core/domains/services';\nexport default handlers;",
    "import { dispatch } from '@core/dispatch';\nexport default dispatch;",
    "import { openDatabase } from '@core/db/open';\nexport default openDatabase;",
    "import { openCore } from '../../../../electron/core/core';\nexport default openCore;",
  ])('refuses %s', async (code) => {
    expect(await boundaryProblems(code)).not.toEqual([]);
  });

  it.each([
    "import type { Output } from '@core/contract';\nexport type X = Output<'persons.get'>;",
    "import { SaveNameEntry } from '@core/domains/names/contract';\nexport default SaveNameEntry;",
    "import { messages } from '@core/i18n/messages';\nexport default messages;",
    "import { normalize } from '@core/names';\nexport default normalize;",
    "import { CASEWORK } from '@core/roles';\nexport default CASEWORK;",
  ])('accepts %s', async (code) => {
    expect(await boundaryProblems(code)).toEqual([]);
  });
});
