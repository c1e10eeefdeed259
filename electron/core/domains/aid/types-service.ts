import type { AidType } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { AID_TYPE_SEED } from '../../reference';
import { aidTypeCodeTaken, findAidType, hasAidTypes, listAidTypes, type AidTypeRow } from './store';

export type { AidTypeRow } from './store';

function toAidType(r: AidTypeRow): AidType {
  return {
    id: r.id,
    code: r.code,
    nameEs: r.name_es,
    nameEn: r.name_en,
    unitEs: r.unit_es,
    unitEn: r.unit_en,
    usesStock: r.uses_stock === 1,
    repeat: r.repeat_kind === 'hours' ? { kind: 'hours', hours: r.repeat_hours ?? 1 } : { kind: 'per_arrival' },
    lowStock: r.low_stock,
    active: r.active === 1,
    category: r.category,
  };
}

/** The name of a type in the caller's language. */
export const typeName = (ctx: ServiceContext, t: Pick<AidTypeRow, 'name_es' | 'name_en'>) => (ctx.locale === 'en' ? t.name_en : t.name_es);

export function loadAidType(ctx: ServiceContext, id: string, kitsOnly = true): AidTypeRow {
  const row = findAidType(ctx.db, ctx.core.identity!.centreId, id, kitsOnly);
  if (!row) throw new AppError('aid.type-not-found');
  return row;
}

/**
 * The kits and services of docs/spec.md, station 6, for the manager to adjust. New centres get them at
 * setup; a database created before this station gets them the first time the list is read.
 */
export function seedAidTypes(ctx: ServiceContext): void {
  for (const t of AID_TYPE_SEED) {
    insertRow(ctx, 'aid_types', {
      code: t.code,
      name_es: t.es,
      name_en: t.en,
      unit_es: t.unit.es,
      unit_en: t.unit.en,
      uses_stock: t.uses_stock ? 1 : 0,
      repeat_kind: t.repeat.kind,
      repeat_hours: t.repeat.kind === 'hours' ? t.repeat.hours : null,
      low_stock: t.low_stock,
    });
  }
}

function repeatColumns(repeat: AidType['repeat']) {
  return { repeat_kind: repeat.kind, repeat_hours: repeat.kind === 'hours' ? repeat.hours : null };
}

export const aidTypesHandlers = {
  'aid.types': handle('aid.types', {
    run(ctx, input) {
      const centre = ctx.core.identity!.centreId;
      if (!hasAidTypes(ctx.db, centre)) seedAidTypes(ctx);
      const rows = listAidTypes(ctx.db, centre, input.includeInactive, input.category);
      return rows.map(toAidType);
    },
  }),
  'aid.createType': handle('aid.createType', {
    run(ctx, input) {
      if (aidTypeCodeTaken(ctx.db, ctx.core.identity!.centreId, input.code)) throw new AppError('aid.code-taken', { code: input.code });
      const id = insertRow(ctx, 'aid_types', {
        code: input.code,
        name_es: input.nameEs,
        name_en: input.nameEn,
        unit_es: input.unitEs,
        unit_en: input.unitEn,
        uses_stock: input.usesStock ? 1 : 0,
        ...repeatColumns(input.repeat),
        low_stock: input.lowStock,
        category: input.category,
      });
      return toAidType(loadAidType(ctx, id, false));
    },
  }),
  'aid.updateType': handle('aid.updateType', {
    run(ctx, input) {
      loadAidType(ctx, input.id, false);
      const patch: Record<string, unknown> = {};
      if (input.nameEs !== undefined) patch.name_es = input.nameEs;
      if (input.nameEn !== undefined) patch.name_en = input.nameEn;
      if (input.unitEs !== undefined) patch.unit_es = input.unitEs;
      if (input.unitEn !== undefined) patch.unit_en = input.unitEn;
      if (input.usesStock !== undefined) patch.uses_stock = input.usesStock ? 1 : 0;
      if (input.repeat !== undefined) Object.assign(patch, repeatColumns(input.repeat));
      if (input.lowStock !== undefined) patch.low_stock = input.lowStock;
      if (input.active !== undefined) patch.active = input.active ? 1 : 0;
      if (Object.keys(patch).length) updateRow(ctx, 'aid_types', input.id, patch);
      return toAidType(loadAidType(ctx, input.id, false));
    },
  }),
};
