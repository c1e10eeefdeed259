import type { Belonging } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { fullName, personArrivalRow } from '../persons/store';
import { belongingRows, heldTagsOfStay, tagHeld, type BelongingRow } from './store';

/**
 * Belongings custody (docs/spec.md, station 6): what a person hands in is tagged and kept, and given
 * back on departure with the person's confirmation. A tag number is unique among items held.
 */

function toBelonging(ctx: ServiceContext, r: BelongingRow): Belonging {
  ctx.records.add(r.id);
  return {
    id: r.id,
    personId: r.person_id,
    personArrivalId: r.person_arrival_id,
    personName: fullName(r),
    caseNumber: r.case_number,
    departed: r.departed_at !== null,
    description: r.description,
    tagNumber: r.tag_number,
    photo: r.photo,
    receivedBy: r.received_by,
    receivedAt: r.received_at,
    returnedAt: r.returned_at,
    returnedBy: r.returned_by,
    returnNote: r.return_note,
  };
}

const load = (ctx: ServiceContext, where: string, ...params: unknown[]) =>
  belongingRows(ctx.db, ctx.core.identity!.centreId, where, params).map((r) => toBelonging(ctx, r));

/** Tag numbers of what one person-arrival still has in custody (departure waits for them). */
export function heldTags(ctx: ServiceContext, personArrivalId: string): string[] {
  return heldTagsOfStay(ctx.db, personArrivalId);
}

export const belongingsHandlers = {
  'belongings.receive': handle('belongings.receive', {
    run(ctx, input) {
      const row = personArrivalRow(ctx, input.personArrivalId);
      if (row.status !== 'arrived') throw new AppError('aid.not-arrived');
      if (row.departedAt) throw new AppError('aid.departed');
      const tags = input.items.map((i) => i.tagNumber.toUpperCase());
      const repeated = tags.find((tag, i) => tags.indexOf(tag) !== i);
      if (repeated) throw new AppError('belongings.tag-taken', { tag: repeated });

      const ids: string[] = [];
      for (const [i, item] of input.items.entries()) {
        if (tagHeld(ctx.db, ctx.core.identity!.centreId, tags[i]!)) throw new AppError('belongings.tag-taken', { tag: tags[i] });
        ids.push(
          insertRow(ctx, 'belongings', {
            person_id: row.personId,
            person_arrival_id: row.personArrivalId,
            description: item.description,
            tag_number: tags[i],
            photo: item.photo ?? null,
            received_by: ctx.actor.userId ?? ctx.actor.username,
            received_at: ctx.clock.now().toISOString(),
          }),
        );
      }
      return load(ctx, `b.id IN (${ids.map(() => '?').join(',')})`, ...ids);
    },
  }),

  'belongings.return': handle('belongings.return', {
    run(ctx, input) {
      const items = load(ctx, `b.id IN (${input.ids.map(() => '?').join(',')})`, ...input.ids);
      if (items.length !== new Set(input.ids).size) throw new AppError('belongings.not-found');
      const returned = items.find((i) => i.returnedAt);
      if (returned) throw new AppError('belongings.returned', { tag: returned.tagNumber });
      const now = ctx.clock.now().toISOString();
      for (const item of items) updateRow(ctx, 'belongings', item.id, { returned_at: now, returned_by: ctx.actor.userId ?? ctx.actor.username, return_note: input.note || null });
      return load(ctx, `b.id IN (${input.ids.map(() => '?').join(',')})`, ...input.ids);
    },
  }),

  'belongings.list': handle('belongings.list', {
    run(ctx, input) {
      return 'held' in input ? load(ctx, 'b.returned_at IS NULL') : load(ctx, 'b.person_id = ?', input.personId);
    },
  }),
};
