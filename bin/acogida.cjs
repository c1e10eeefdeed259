#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx acogida` works right after `npm install`.
require('tsx/cjs/api').register();
require('../electron/cli/main.ts');
