import { Command } from 'commander';
import { registerAudit } from './commands/audit';
import { registerBench } from './commands/bench';
import { registerDemo } from './commands/demo';
import { registerInit } from './commands/init';
import { registerAlerts } from './commands/alerts';
import { registerManifest } from './commands/manifest';
import { registerPersons } from './commands/persons';
import { registerScreening } from './commands/screening';
import { registerServe } from './commands/serve';
import { registerStock } from './commands/stock';
import { registerUsers } from './commands/users';
import { t } from './runtime';

const program = new Command('acogida').description(t('cli.description')).showHelpAfterError();
registerInit(program);
registerServe(program);
registerUsers(program);
registerAudit(program);
registerManifest(program);
registerAlerts(program);
registerPersons(program);
registerScreening(program);
registerStock(program);
registerDemo(program);
registerBench(program);

void program.parseAsync(process.argv);
