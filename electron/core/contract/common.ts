import { DATE_ORDERS } from '../partial-date';
import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { ROLES } from '../roles';

export const Id = z.string().min(1).max(64);
export const Locale = z.enum(LOCALES);
export const Role = z.enum(ROLES);
export const IsoDateTime = z.string().datetime({ offset: true });
/** A calendar date as yyyy-mm-dd (the UI shows dd/mm/yyyy). */
export const IsoDate = z.iso.date();
export const Empty = z.strictObject({});
export const Ok = z.object({ ok: z.literal(true) });

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { error: 'validation.username' });
export const Password = z.string().min(10, { error: 'validation.password' }).max(256);
export const DisplayName = z.string().trim().min(1, { error: 'validation.required' }).max(120);
export const Roles = z.array(Role).min(1, { error: 'validation.roles' }).max(ROLES.length);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const DateOrderSchema = z.enum(DATE_ORDERS);
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { error: 'validation.timeZone' });
export const CountryIso3 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'validation.country' });
