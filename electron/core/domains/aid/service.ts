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
import {
  arrivalsToServe,
  deliveriesOfArrival,
  deliveriesOfPerson,
  findDelivery,
  lastDeliveryInStay,
  lastDeliverySince,
  targetsOfArrival,
  targetsOfFamily,
  targetsOfStay,
  type DeliveryRow,
  type TargetRow,
} from './store';

type SkipReason = (typeof SKIP_REASONS)[number];

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
  const row = findDelivery(ctx.db, ctx.core.identity!.centreId, id);
  if (!row) throw new AppError('aid.not-found');
  ctx.records.add(id);
  return toDelivery(ctx, row);
}

/** Who an action is for: one person, everyone on an arrival, or a family travelling together. */
function targets(ctx: ServiceContext, target: { personArrivalId: string } | { arrivalId: string } | { familyOf: string }): TargetRow[] {
  if ('arrivalId' in target) {
    const rows = targetsOfArrival(ctx.db, target.arrivalId);
    if (!rows.length) throw new AppError('arrivals.not-found');
    return rows;
  }
  const one = personArrivalRow(ctx, 'personArrivalId' in target ? target.personArrivalId : target.familyOf);
  if ('familyOf' in target && one.familyGroup)
    return targetsOfFamily(ctx.db, one.arrivalId, one.familyGroup);
  return targetsOfStay(ctx.db, one.personArrivalId);
}

/** The last delivery of this type that makes another one a repeat under the type's rule. */
function previousWithinRule(ctx: ServiceContext, type: AidTypeRow, row: TargetRow): string | null {
  if (type.repeat_kind === 'per_arrival') return lastDeliveryInStay(ctx.db, row.pa_id, type.id);
  const since = new Date(ctx.clock.now().getTime() - (type.repeat_hours ?? 1) * 3_600_000).toISOString();
  return lastDeliverySince(ctx.db, row.person_id, type.id, since);
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
      const rows = arrivalsToServe(ctx.db, ctx.core.identity!.centreId, day);
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
      const rows = 'arrivalId' in input ? deliveriesOfArrival(ctx.db, input.arrivalId) : deliveriesOfPerson(ctx.db, input.personId);
      return rows.map((r) => toDelivery(ctx, r));
    },
  }),
};
