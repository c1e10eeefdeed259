// The core's worker when the code runs from source (the CLI, `acogida serve`, tests): worker
// threads do not inherit tsx's loader from the thread that starts them, so register it here.
require('tsx/cjs/api').register();
require('./core-worker.ts');
