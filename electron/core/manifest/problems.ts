import type { ServiceContext } from '../context';
import { translate } from '../i18n/translate';
import type { ManifestProblem } from './parse';

/** Problems of a spreadsheet (manifest, alert list) with their message in the caller's language. */
export function translateProblems(ctx: ServiceContext, problems: ManifestProblem[]) {
  return problems.map((p) => ({
    row: p.row,
    column: p.column,
    code: p.code,
    severity: p.severity,
    message: translate(ctx.locale, `manifest.${p.code}`, { column: p.column, value: p.value, duplicateOf: p.duplicateOf, caseNumber: p.value, age: p.value }),
  }));
}
