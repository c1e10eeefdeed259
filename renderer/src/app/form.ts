import type { FormErrors } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import type { z } from 'zod';
import i18n from './i18n';

/**
 * Validates a form with the SAME zod schema the core uses. Messages that are catalogue keys
 * (`validation.password`) are translated; zod's own follow the UI language (see i18n.ts).
 */
export function contractResolver(schema: z.ZodType) {
  const resolve = zod4Resolver(schema);
  return (values: Record<string, unknown>): FormErrors => {
    const errors = resolve(values);
    for (const [path, message] of Object.entries(errors)) {
      if (typeof message === 'string' && message.startsWith('validation.')) errors[path] = i18n.t(message);
    }
    return errors;
  };
}
