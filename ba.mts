import { benchAlerts } from './electron/cli/bench/alerts';
import { formatTable } from './electron/cli/bench/table';
console.log(formatTable(await benchAlerts()));
