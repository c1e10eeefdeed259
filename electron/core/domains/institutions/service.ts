import type { Institution } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { INSTITUTION_SEED } from '../../reference';
import { findInstitution, institutionCodeTaken, listInstitutions } from './store';

/** One institution of this centre's directory, or institutions.not-found. */
export function loadInstitution(ctx: ServiceContext, id: string): Institution {
  const institution = findInstitution(ctx.db, ctx.core.identity!.centreId, id);
  if (!institution) throw new AppError('institutions.not-found');
  ctx.records.add(id);
  return institution;
}

/** An institution a new consent or referral may name: in the directory and active. */
export function requireActiveInstitution(ctx: ServiceContext, id: string): Institution {
  const institution = findInstitution(ctx.db, ctx.core.identity!.centreId, id);
  if (!institution?.active) throw new AppError('institutions.unknown', { institution: id.slice(0, 40) });
  return institution;
}

function guardCode(ctx: ServiceContext, code: string, exceptId: string | null): void {
  if (institutionCodeTaken(ctx.db, ctx.core.identity!.centreId, code, exceptId)) throw new AppError('institutions.code-taken', { code });
}

/** First-run setup: the institutions named in docs/spec.md, station 8, for the centre to complete. */
export function seedInstitutions(ctx: ServiceContext): void {
  for (const i of INSTITUTION_SEED) {
    insertRow(ctx, 'institutions', { code: i.code, name: i.name, country: i.country, level: i.level, services: JSON.stringify(i.services) });
  }
}

export const institutionsHandlers = {
  'institutions.list': handle('institutions.list', {
    run(ctx, input) {
      return listInstitutions(ctx.db, ctx.core.identity!.centreId, input.includeInactive);
    },
  }),
  'institutions.create': handle('institutions.create', {
    run(ctx, input) {
      guardCode(ctx, input.code, null);
      const id = insertRow(ctx, 'institutions', {
        code: input.code,
        name: input.name,
        country: input.country,
        level: input.level,
        services: JSON.stringify(input.services),
        contact: input.contact ?? null,
        hours: input.hours ?? null,
        address: input.address ?? null,
        office_of: input.officeOf ?? null,
        coverage: JSON.stringify(input.coverage),
      });
      return loadInstitution(ctx, id);
    },
  }),
  'institutions.update': handle('institutions.update', {
    run(ctx, input) {
      loadInstitution(ctx, input.id);
      if (input.code !== undefined) guardCode(ctx, input.code, input.id);
      const patch: Record<string, unknown> = {};
      for (const key of ['code', 'name', 'country', 'level', 'contact', 'hours', 'address'] as const)
        if (input[key] !== undefined) patch[key] = input[key];
      if (input.services !== undefined) patch.services = JSON.stringify(input.services);
      if (input.officeOf !== undefined) patch.office_of = input.officeOf;
      if (input.coverage !== undefined) patch.coverage = JSON.stringify(input.coverage);
      if (input.active !== undefined) patch.active = input.active ? 1 : 0;
      if (Object.keys(patch).length) updateRow(ctx, 'institutions', input.id, patch);
      return loadInstitution(ctx, input.id);
    },
  }),
};
