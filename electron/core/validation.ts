import { z } from 'zod';
import { friendlyIssue } from './i18n/issues';
import { translate, type Locale } from './i18n/translate';

const zodLocales = { es: z.locales.es(), en: z.locales.en() } as const;

export interface IssueValue {
  path: string;
  message: string;
}

/**
 * Validates untrusted input (never typed: `unknown` only) and reports failing paths with
 * translated messages. Schema messages that are catalogue keys (`validation.x`) are translated.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  locale: Locale,
): { success: true; data: z.output<S> } | { success: false; issues: IssueValue[] } {
  const result = schema.safeParse(value, { error: (issue) => friendlyIssue(issue, locale) ?? zodLocales[locale].localeError(issue) });
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message.startsWith('validation.')
        ? translate(locale, issue.message, issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined)
        : issue.message,
    })),
  };
}

export function summarizeIssues(issues: IssueValue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
}
