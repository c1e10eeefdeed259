import type { ServiceContext } from './context';
import { AppError } from './errors';

export function centreTimeZone(ctx: ServiceContext): string {
  if (!ctx.core.identity) throw new AppError('setup.required');
  const row = ctx.db.prepare('SELECT time_zone FROM centres WHERE id = ?').get(ctx.core.identity.centreId) as
    | { time_zone: string }
    | undefined;
  return row?.time_zone ?? 'UTC';
}
