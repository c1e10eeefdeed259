import type { Command } from 'commander';
import { call, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('Registro de auditoría');
  audit
    .command('verify')
    .description('Verifica la cadena de hashes; sale con 1 si encuentra un eslabón roto')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const result = await call(core, 'audit.verify', {});
          const text = result.firstBroken
            ? t('cli.auditBroken', { seq: result.firstBroken.seq, reason: t(`auditReasons.${result.firstBroken.reason}`), checked: result.checked })
            : t('cli.auditOk', { checked: result.checked });
          print(options, result, text);
          if (!result.ok) process.exitCode = 1;
        } finally {
          core.db.close();
        }
      }),
    );
}
