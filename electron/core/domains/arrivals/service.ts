import type { Arrival, ArrivalInput } from './contract';
import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { translate, type Locale } from '../../i18n/translate';
import { COUNTRIES } from '../../reference';
import { addDays, zonedTime } from '../../time';
import { checkPerson } from '../alerts/service';
import { centreTimeZone } from '../../centre';
import { loadPersonRow, personArrivalRow, personArrivalRows, today } from '../persons/store';
import { findArrival, listArrivals, openWalkInArrival, stayByTicket } from './store';

export function loadArrival(ctx: ServiceContext, id: string): Arrival {
  const arrival = findArrival(ctx.db, id);
  if (!arrival) throw new AppError('arrivals.not-found');
  ctx.records.add(id);
  return arrival;
}

export function createArrival(ctx: ServiceContext, input: ArrivalInput, manifestFile: string | null = null): string {
  // People who come on their own the same day through the same point of entry form one arrival
  // (one row on the list, one "give to everyone" at the kits desk), not one arrival each.
  if (input.kind === 'walk_in') {
    const same = openWalkInArrival(ctx.db, ctx.core.identity!.centreId, { ...input, pointOfEntry: input.pointOfEntry ?? '' });
    if (same) return same;
  }
  return insertRow(ctx, 'arrivals', {
    kind: input.kind,
    route: input.route,
    origin_country: input.originCountry,
    carrier: input.carrier ?? null,
    reference: input.reference ?? null,
    arrival_date: input.date,
    scheduled_at: input.scheduledAt ?? null,
    actual_at: input.actualAt ?? null,
    point_of_entry: input.pointOfEntry ?? null,
    manifest_file: manifestFile,
  });
}

export function openArrival(ctx: ServiceContext, id: string): Arrival {
  const arrival = loadArrival(ctx, id);
  if (arrival.closedAt) throw new AppError('arrivals.closed');
  return arrival;
}

/** "GlobalX GXA 2245", or for a walk-in "Por su cuenta · México", in the caller's language. */
export function arrivalLabel(a: Pick<Arrival, 'kind' | 'reference' | 'carrier' | 'originCountry'>, locale: Locale): string {
  const named = [a.carrier, a.reference].filter(Boolean).join(' ');
  if (named) return named;
  const country = COUNTRIES.find((c) => c.iso3 === a.originCountry);
  return `${translate(locale, `arrivalKinds.${a.kind}`)} · ${country ? country[locale] : a.originCountry}`;
}

export const arrivalsHandlers = {
  'arrivals.create': handle('arrivals.create', {
    run: (ctx, input) => loadArrival(ctx, createArrival(ctx, input)),
  }),

  'arrivals.list': handle('arrivals.list', {
    run(ctx, input) {
      // Scheduled arrivals of the coming weeks show too: they are how a centre prepares.
      const to = input.to ?? addDays(today(ctx), 60);
      const from = input.from ?? addDays(today(ctx), -30);
      return listArrivals(ctx.db, ctx.core.identity!.centreId, from, to);
    },
  }),

  'arrivals.get': handle('arrivals.get', {
    run(ctx, input) {
      const arrival = loadArrival(ctx, input.id);
      return { arrival, persons: personArrivalRows(ctx, 'pa.arrival_id = ?', [input.id]) };
    },
  }),

  'arrivals.checkIn': handle('arrivals.checkIn', {
    run(ctx, input) {
      let id: string;
      if ('personArrivalId' in input) id = input.personArrivalId;
      else {
        const code = input.ticketCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
        const found = stayByTicket(ctx.db, input.arrivalId, code);
        if (!found) throw new AppError('checkin.not-found');
        id = found;
      }
      const row = personArrivalRow(ctx, id);
      openArrival(ctx, row.arrivalId);
      if (row.status === 'arrived')
        throw new AppError('checkin.already', { name: `${row.givenNames} ${row.firstSurname}`, time: zonedTime(new Date(row.checkedInAt!), centreTimeZone(ctx)) });
      updateRow(ctx, 'person_arrivals', id, { status: 'arrived', checked_in_at: ctx.clock.now().toISOString() });
      checkPerson(ctx, loadPersonRow(ctx, row.personId), 'check-in');
      return personArrivalRow(ctx, id);
    },
  }),

  'arrivals.close': handle('arrivals.close', {
    run(ctx, input) {
      openArrival(ctx, input.id);
      const expected = personArrivalRows(ctx, "pa.arrival_id = ? AND pa.status = 'expected'", [input.id]);
      for (const row of expected) updateRow(ctx, 'person_arrivals', row.personArrivalId, { status: 'no_show' });
      updateRow(ctx, 'arrivals', input.id, { closed_at: ctx.clock.now().toISOString() });
      return { arrival: loadArrival(ctx, input.id), noShows: personArrivalRows(ctx, "pa.arrival_id = ? AND pa.status = 'no_show'", [input.id]) };
    },
  }),
};
