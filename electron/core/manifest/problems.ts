import type { ServiceContext } from '../context';
import { translate } from '../i18n/translate';
import type { ManifestProblem } from './parse';

/** A cell quoted in a message: enough to find it in the file, never the whole of a long one. */
function shortValue(value: string | undefined): string | undefined {
  return value && value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** Problems of a spreadsheet (manifest, alert list) with their message in the caller's language. */
export function translateProblems(ctx: ServiceContext, problems: ManifestProblem[]) {
  return problems.map((p) => {
    // The file's own header; for a column the file lacks, its name in the user's language.
    const header = p.header ?? (p.column ? translate(ctx.locale, `manifest.columns.${p.column}`) : null);
    return {
      row: p.row,
      column: p.column,
      header,
      code: p.code,
      severity: p.severity,
      message: translate(ctx.locale, `manifest.${p.code}`, { column: header, value: shortValue(p.value), duplicateOf: p.duplicateOf, caseNumber: p.value, age: p.value, max: p.limit }),
    };
  });
}
