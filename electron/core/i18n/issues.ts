import type { z } from 'zod';
import { translate, type Locale } from './translate';

/** The last named key of a path, e.g. ['person', 'givenNames'] → 'givenNames'. */
function fieldKey(path: readonly PropertyKey[] | undefined): string | null {
  const key = [...(path ?? [])].reverse().find((p) => typeof p === 'string');
  return typeof key === 'string' ? key : null;
}

/**
 * zod's own messages rewritten the way people at the desk say them: "El nombre puede tener hasta
 * 80 caracteres" rather than "Demasiado grande: se esperaba que texto tuviera <=80 caracteres".
 * Used by the core's validation and by the renderer's forms alike; undefined leaves zod's message.
 */
export function friendlyIssue(issue: z.core.$ZodRawIssue, locale: Locale): string | undefined {
  const key = fieldKey(issue.path);
  const labelled = key ? translate(locale, `fields.${key}`) : '';
  const field = labelled && labelled !== `fields.${key}` ? labelled : translate(locale, 'fields.default');
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return translate(locale, 'validation.tooLong', { field, max });
      if (issue.origin === 'array') return translate(locale, 'validation.tooMany', { field, max });
      if (issue.origin === 'number' || issue.origin === 'int') return translate(locale, 'validation.tooLarge', { field, max: max.toLocaleString(locale === 'en' ? 'en' : 'es-GT') });
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? translate(locale, 'validation.requiredField', { field }) : translate(locale, 'validation.tooShort', { field, min });
      if (issue.origin === 'array') return translate(locale, 'validation.tooFew', { field, min });
      if (issue.origin === 'number' || issue.origin === 'int') return translate(locale, 'validation.tooSmall', { field, min: min.toLocaleString(locale === 'en' ? 'en' : 'es-GT') });
      return undefined;
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? translate(locale, 'validation.requiredField', { field }) : undefined;
    default:
      return undefined;
  }
}
