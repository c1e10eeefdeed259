import { uuidv7 } from 'uuidv7';
import { SKIP_REASONS, type Delivery } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError, type ErrorCode } from '../../errors';
import { handle } from '../../handler';
import { translate } from '../../i18n/translate';
import { formatInstant } from '../../time';
import { loadAidType, typeName, type AidTypeRow } from './types-service';
import { arrivalLabel } from '../arrivals/service';
import { centreTimeZone } from '../../centre';
import { fullName, personArrivalRow, today } from '../persons/store';
import { deliveryLots, reverseDelivery, StockCursor } from '../stock/service';
import { presentSince, staying } from '../../presence';

type SkipReason = (typeof SKIP_REASONS)[number];

interface TargetRow {
  pa_id: string;
  person_id: string;
  status: string;
  departed_at: string | null;
  merged_into: string | null;
  given_names: string;
  first_surname: string;
  second_surname: string | null;
}

interface DeliveryRow {
  id: string;
  person_id: string;
  person_arrival_id: string;
  type_id: string;
  code: string;
  quantity: number;
  batch_id: string | null;
  repeat_reason: string | null;
  delivered_by: string;
  delivered_at: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

const DELIVERY_SELECT = `SELECT d.id, d.person_id, d.person_arrival_id, d.type_id, t.code, d.quantity, d.batch_id, d.repeat_reason,
    coalesce(u.display_name, d.delivered_by) AS delivered_by, d.delivered_at, d.voided_at, coalesce(v.display_name, d.voided_by) AS voided_by, d.void_reason
  FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id LEFT JOIN users u ON u.id = d.delivered_by LEFT JOIN users v ON v.id = d.voided_by
  WHERE d.deleted_at IS NULL`;

function toDelivery(ctx: ServiceContext, r: DeliveryRow): Delivery {
  return {
    id: r.id,
    personId: r.person_id,
    personArrivalId: r.person_arrival_id,
    typeId: r.type_id,
    typeCode: r.code,
    quantity: r.quantity,
    batchId: r.batch_id,
    repeatReason: r.repeat_reason,
    lots: deliveryLots(ctx, r.id),
    deliveredBy: r.delivered_by,
    deliveredAt: r.delivered_at,
    voidedAt: r.voided_at,
    voidedBy: r.voided_by,
    voidReason: r.void_reason,
  };
}

function loadDelivery(ctx: ServiceContext, id: string): Delivery {
  const row = ctx.db.prepare(`${DELIVERY_SELECT} AND d.id = ? AND d.centre_id = ?`).get(id, ctx.core.identity!.centreId) as DeliveryRow | undefined;
  if (!row) throw new AppError('aid.not-found');
  ctx.records.add(id);
  return toDelivery(ctx, row);
}

const TARGET_SELECT = `SELECT pa.id AS pa_id, pa.person_id, pa.status, pa.departed_at, p.merged_into, p.given_names, p.first_surname, p.second_surname
  FROM person_arrivals pa JOIN persons p ON p.id = pa.person_id WHERE pa.deleted_at IS NULL`;

/** Who an action is for: one person, everyone on an arrival, or a family travelling together. */
function targets(ctx: ServiceContext, target: { personArrivalId: string } | { arrivalId: string } | { familyOf: string }): TargetRow[] {
  const order = 'ORDER BY p.first_surname COLLATE NOCASE, p.second_surname COLLATE NOCASE, p.given_names COLLATE NOCASE';
  if ('arrivalId' in target) {
    const rows = ctx.db.prepare(`${TARGET_SELECT} AND pa.arrival_id = ? ${order}`).all(target.arrivalId) as TargetRow[];
    if (!rows.length) throw new AppError('arrivals.not-found');
    return rows;
  }
  const one = personArrivalRow(ctx, 'personArrivalId' in target ? target.personArrivalId : target.familyOf);
  if ('familyOf' in target && one.familyGroup)
    return ctx.db.prepare(`${TARGET_SELECT} AND pa.arrival_id = ? AND pa.family_group = ? ${order}`).all(one.arrivalId, one.familyGroup) as TargetRow[];
  return ctx.db.prepare(`${TARGET_SELECT} AND pa.id = ?`).all(one.personArrivalId) as TargetRow[];
}

/** The last delivery of this type that makes another one a repeat under the type's rule. */
function previousWithinRule(ctx: ServiceContext, type: AidTypeRow, row: TargetRow): string | null {
  if (type.repeat_kind === 'per_arrival')
    return (ctx.db
      .prepare('SELECT max(delivered_at) FROM aid_deliveries WHERE person_arrival_id = ? AND type_id = ? AND voided_at IS NULL AND deleted_at IS NULL')
      .pluck()
      .get(row.pa_id, type.id) as string | null);
  const since = new Date(ctx.clock.now().getTime() - (type.repeat_hours ?? 1) * 3_600_000).toISOString();
  return (ctx.db
    .prepare('SELECT max(delivered_at) FROM aid_deliveries WHERE person_id = ? AND type_id = ? AND delivered_at > ? AND voided_at IS NULL AND deleted_at IS NULL')
    .pluck()
    .get(row.person_id, type.id, since) as string | null);
}

const SKIP_ERRORS: Record<SkipReason, ErrorCode> = {
  'not-arrived': 'aid.not-arrived',
  departed: 'aid.departed',
  repeat: 'aid.repeat',
  'out-of-stock': 'stock.insufficient',
  merged: 'persons.merged',
};

export const aidHandlers = {
  'aid.deliver': handle('aid.deliver', {
    run(ctx, input) {
      const type = loadAidType(ctx, input.typeId);
      if (type.active !== 1) throw new AppError('aid.type-inactive', { type: typeName(ctx, type) });
      const rows = targets(ctx, input.target);
      const single = 'personArrivalId' in input.target;
      const batchId = single ? null : uuidv7();
      const stock = type.uses_stock === 1 ? new StockCursor(ctx, type) : null;
      const now = ctx.clock.now().toISOString();
      const zone = centreTimeZone(ctx);
      const delivered: Delivery[] = [];
      const skipped: { personArrivalId: string; personName: string; reason: SkipReason; message: string }[] = [];
      for (const row of rows) {
        const details: Record<string, unknown> = { type: typeName(ctx, type), available: stock?.available ?? 0 };
        let reason: SkipReason | null = null;
        let repeatOf: string | null = null;
        if (row.merged_into) reason = 'merged';
        else if (row.status !== 'arrived') reason = 'not-arrived';
        else if (row.departed_at) reason = 'departed';
        else {
          repeatOf = previousWithinRule(ctx, type, row);
          if (repeatOf && !input.repeatReason) {
            reason = 'repeat';
            details.at = formatInstant(repeatOf, zone);
          } else if (stock && stock.available < input.quantity) reason = 'out-of-stock';
        }
        if (reason) {
          // One person: the reason is the answer, and nothing is written.
          if (single) throw new AppError(SKIP_ERRORS[reason], details);
          skipped.push({ personArrivalId: row.pa_id, personName: fullName(row), reason, message: translate(ctx.locale, `errors.${SKIP_ERRORS[reason]}`, details) });
          continue;
        }
        const id = insertRow(ctx, 'aid_deliveries', {
          person_id: row.person_id,
          person_arrival_id: row.pa_id,
          type_id: type.id,
          quantity: input.quantity,
          batch_id: batchId,
          repeat_reason: repeatOf ? input.repeatReason : null,
          delivered_by: ctx.actor.userId ?? ctx.actor.username,
          delivered_at: now,
        });
        stock?.take(input.quantity, id);
        delivered.push(loadDelivery(ctx, id));
      }
      return { batchId, delivered, skipped };
    },
  }),

  'aid.arrivals': handle('aid.arrivals', {
    run(ctx) {
      const day = today(ctx);
      const rows = ctx.db
        .prepare(
          `SELECT a.id, a.kind, a.reference, a.carrier, a.origin_country AS originCountry, a.arrival_date AS date,
             count(pa.id) AS total,
             coalesce(sum(${staying()}), 0) AS present
           FROM arrivals a LEFT JOIN person_arrivals pa ON pa.arrival_id = a.id AND pa.deleted_at IS NULL
           WHERE a.centre_id = ? AND a.deleted_at IS NULL AND a.arrival_date BETWEEN ? AND ?
           GROUP BY a.id
           HAVING a.arrival_date = ? OR present > 0
           ORDER BY a.arrival_date DESC, a.created_at DESC`,
        )
        .all(ctx.core.identity!.centreId, presentSince(day), day, day) as { id: string; kind: 'flight' | 'bus' | 'walk_in'; reference: string | null; carrier: string | null; originCountry: string; date: string; total: number; present: number }[];
      return rows.map((r) => ({ id: r.id, label: arrivalLabel(r, ctx.locale), date: r.date, present: r.present, total: r.total }));
    },
  }),

  'aid.void': handle('aid.void', {
    run(ctx, input) {
      const delivery = loadDelivery(ctx, input.deliveryId);
      if (delivery.voidedAt) throw new AppError('aid.voided');
      updateRow(ctx, 'aid_deliveries', delivery.id, { voided_at: ctx.clock.now().toISOString(), voided_by: ctx.actor.userId ?? ctx.actor.username, void_reason: input.reason });
      reverseDelivery(ctx, delivery.id, input.reason);
      return loadDelivery(ctx, delivery.id);
    },
  }),

  'aid.deliveries': handle('aid.deliveries', {
    run(ctx, input) {
      const rows = ('arrivalId' in input
        ? ctx.db.prepare(`${DELIVERY_SELECT} AND d.person_arrival_id IN (SELECT id FROM person_arrivals WHERE arrival_id = ?) ORDER BY d.delivered_at DESC`).all(input.arrivalId)
        : ctx.db.prepare(`${DELIVERY_SELECT} AND d.person_id = ? ORDER BY d.delivered_at DESC`).all(input.personId)) as DeliveryRow[];
      return rows.map((r) => toDelivery(ctx, r));
    },
  }),
};
