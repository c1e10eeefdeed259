import type { Command } from 'commander';
import type { StockLine } from '../../core/domains/stock/contract';
import { call, locale, openCliCore, print, run, t, type GlobalOptions } from '../runtime';

/** The JSON other tools read: snake_case, one entry per stock-using type, lots expiring first. */
export function stockReportJson(report: { generatedAt: string; lines: StockLine[] }) {
  return {
    generated_at: report.generatedAt,
    types: report.lines.map((line) => ({
      code: line.code,
      name: locale === 'en' ? line.nameEn : line.nameEs,
      unit: locale === 'en' ? line.unitEn : line.unitEs,
      balance: line.balance,
      expired_balance: line.expiredBalance,
      low_stock_threshold: line.lowStock,
      low_stock: line.low,
      lots: line.lots.map((lot) => ({
        lot: lot.lotCode,
        donor: lot.donor,
        expiry: lot.expiry,
        received_at: lot.receivedAt,
        balance: lot.balance,
        expired: lot.expired,
      })),
    })),
  };
}

function stockReportText(report: { lines: StockLine[] }): string {
  const lines: string[] = [];
  for (const line of report.lines) {
    const name = locale === 'en' ? line.nameEn : line.nameEs;
    const unit = locale === 'en' ? line.unitEn : line.unitEs;
    const flag = line.low ? `  ⚠ ${t('cli.stockLow', { threshold: line.lowStock })}` : '';
    lines.push(`${name.padEnd(36)} ${String(line.balance).padStart(8)} ${unit}${flag}`);
    for (const lot of line.lots) {
      const expiry = lot.expiry ? t('cli.stockExpiry', { date: lot.expiry }) : t('cli.stockNoExpiry');
      const expired = lot.expired ? `  (${t('cli.stockExpired')})` : '';
      lines.push(`    ${lot.lotCode.padEnd(20)} ${lot.donor.padEnd(18)} ${String(lot.balance).padStart(8)}  ${expiry}${expired}`);
    }
  }
  return lines.length ? lines.join('\n') : t('cli.stockEmpty');
}

export function registerStock(program: Command): void {
  const stock = program.command('stock').description('Inventario de kits (libro de movimientos por lote y donante)');
  stock
    .command('report')
    .description('Existencias por tipo y por lote, con alertas de existencias bajas')
    .option('--db <file>', 'archivo de base de datos')
    .option('--json', 'salida JSON')
    .action((options: GlobalOptions) =>
      run(options, async () => {
        const { core } = openCliCore(options);
        try {
          const report = await call(core, 'stock.report', {});
          print(options, stockReportJson(report), stockReportText(report));
        } finally {
          core.db.close();
        }
      }),
    );
}
