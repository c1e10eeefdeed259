import { setPasswordCostForTests } from '../electron/core/passwords';

// Real scrypt, cheaper parameters: suites create many accounts. tests/unit/passwords.test.ts
// checks the production parameters separately.
setPasswordCostForTests(12);

// Key files of the databases tests create go to a folder of this test process, never to the
// user's own keys folder (spawned CLIs inherit it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
if (!process.env.ACOGIDA_KEYS_DIR) process.env.ACOGIDA_KEYS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'acogida-test-keys-'));
