import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import { compareWithUpstream } from '../../core/sync/audit-anchor';
import { connectUpstream, upstreamError, upstreamUrl } from '../../core/sync/connection';
import { call, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

interface VerifyOptions extends GlobalOptions {
  upstream?: boolean;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('Registro de auditoría');
  audit
    .command('verify')
    .description('Verifica la cadena de hashes; sale con 1 si encuentra un eslabón roto')
    .option('--db <file>', 'archivo de base de datos')
    .option('--upstream', 'compara además con la copia que recibió el servidor central')
    .option('--json', 'salida JSON')
    .action((options: VerifyOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const local = await call(core, 'audit.verify', {});
          let result = local;
          if (options.upstream) {
            const url = upstreamUrl(core);
            if (!url) throw new AppError('sync.not-configured');
            const client = await connectUpstream(url);
            try {
              const anchored = await compareWithUpstream(core, client);
              const broken = anchored.firstBroken;
              result = {
                ...local,
                ok: local.ok && broken === null,
                firstBroken: local.firstBroken ?? (broken ? { seq: broken.seq, reason: broken.reason } : null),
                checks: [...local.checks, { name: 'upstream', ok: broken === null, reason: broken?.reason ?? null, seq: broken?.seq ?? null }],
              };
            } catch (error) {
              throw upstreamError(error);
            } finally {
              await client.end().catch(() => undefined);
            }
          }
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
