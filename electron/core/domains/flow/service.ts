import type { FlowRow } from './contract';
import { updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { addDays } from '../../time';
import { isOnHold } from '../alerts/store';
import { alertStatus } from '../alerts/service';
import { arrivalLabel } from '../arrivals/service';
import { tagsOf } from '../persons/attention-tags';
import { heldTags } from '../aid/belongings';
import { arrivalScreening } from '../screening/service';
import { consentAllows } from '../consent/service';
import { personsAtRisk, staysWithCare } from '../care/store';
import { referralStates } from '../referrals/store';
import { personArrivalRow, personArrivalRows, today } from '../persons/store';
import { arrivalsBetween, staysWithDelivery } from './store';

export const flowHandlers = {
  'flow.board': handle('flow.board', {
    run(ctx, input) {
      const date = input.date ?? today(ctx);
      const centreId = ctx.core.identity!.centreId;
      const arrivals = arrivalsBetween(ctx.db, centreId, date, date);
      // Overdue deadlines are not only today's: like the protection officer's queue, look back 30 days.
      const earlier = input.status === 'overdue' && !input.arrivalId ? arrivalsBetween(ctx.db, centreId, addDays(date, -30), addDays(date, -1)) : [];
      const labels = new Map([...arrivals, ...earlier].map((a) => [a.id, arrivalLabel(a, ctx.locale)]));
      const ids = input.arrivalId ? [input.arrivalId] : [...arrivals, ...earlier].map((a) => a.id);
      if (!ids.length) return { date, arrivals: [], rows: [] };
      const now = ctx.clock.now().getTime();
      const nowIso = ctx.clock.now().toISOString();
      // The wait is a live measure: on today's board, for today's arrivals. A past day's board
      // (or an earlier stay shown for an overdue deadline) has no wait to show.
      const live = new Set(date === today(ctx) ? arrivals.map((a) => a.id) : []);
      const found = personArrivalRows(ctx, `pa.arrival_id IN (${ids.map(() => '?').join(',')})`, ids);
      const tags = tagsOf(ctx.db, found.map((r) => r.personId), today(ctx));
      const delivered = staysWithDelivery(ctx.db, found.map((r) => r.personArrivalId));
      const cared = staysWithCare(ctx.db, found.map((r) => r.personArrivalId));
      const atRisk = personsAtRisk(ctx.db, found.map((r) => r.personId));
      const referred = referralStates(ctx.db, found.map((r) => r.personArrivalId), nowIso);
      const rows: FlowRow[] = found.map((r) => {
        const alerts = alertStatus(ctx.db, r.personId);
        const screening = arrivalScreening(ctx.db, r.personArrivalId);
        return {
          ...r,
          arrivalLabel: labels.get(r.arrivalId) ?? '',
          alertStatus: alerts.status,
          protectionCase: alerts.protectionCase,
          onHold: alerts.onHold,
          screening,
          tags: tags.get(r.personId) ?? [],
          stages: {
            registered: r.registeredAt !== null,
            consent: consentAllows(ctx.db, r.personId, 'registration'),
            // A held person is not "checked and clear", whatever the review queue says.
            alerts: alerts.status === 'cleared' && !alerts.onHold,
            screening: screening !== null,
            kits: delivered.has(r.personArrivalId),
            care: cared.has(r.personArrivalId),
            referral: referred.referred.has(r.personArrivalId),
            departed: r.departedAt !== null,
          },
          belongingsHeld: heldTags(ctx, r.personArrivalId).length,
          urgentRisk: atRisk.has(r.personId),
          referralOverdue: referred.overdue.has(r.personArrivalId),
          waitingMinutes: live.has(r.arrivalId) && r.checkedInAt && !r.departedAt ? Math.floor((now - Date.parse(r.checkedInAt)) / 60_000) : null,
        };
      });
      const filtered = rows.filter((r) => {
        switch (input.status) {
          case 'waiting': return r.status === 'arrived' && !r.stages.departed;
          case 'expected': return r.status === 'expected';
          case 'arrived': return r.status === 'arrived';
          case 'registered': return r.stages.registered;
          case 'alerts-pending': return r.alertStatus === 'pending';
          case 'protection': return r.protectionCase;
          case 'on-hold': return r.onHold;
          case 'screening-pending': return r.status === 'arrived' && !r.stages.departed && !r.screening;
          case 'overdue': return r.screening !== null && !r.screening.attendedAt && r.screening.deadlineAt < nowIso;
          case 'urgent-risk': return r.urgentRisk;
          case 'referral-overdue': return r.referralOverdue;
          case 'departed': return r.stages.departed;
          default: return true;
        }
      });
      // An urgent risk heads the board, then who has waited longest.
      filtered.sort((a, b) => Number(b.urgentRisk) - Number(a.urgentRisk) || (b.waitingMinutes ?? -1) - (a.waitingMinutes ?? -1));
      for (const r of filtered) ctx.records.add(r.personId); // the board's audit names who it showed
      return { date, arrivals: arrivals.map((a) => ({ id: a.id, label: labels.get(a.id)! })), rows: filtered };
    },
  }),

  'flow.depart': handle('flow.depart', {
    run(ctx, input) {
      const row = personArrivalRow(ctx, input.personArrivalId);
      // Held for the police: the way out is a hand-over or a release (alerts.resolveHold), for every role.
      if (!row.departedAt && isOnHold(ctx.db, row.personId)) throw new AppError('alerts.on-hold');
      const held = heldTags(ctx, row.personArrivalId);
      if (!row.departedAt && held.length) throw new AppError('belongings.held', { tags: held.join(', ') });
      if (!row.departedAt) updateRow(ctx, 'person_arrivals', row.personArrivalId, { departed_at: ctx.clock.now().toISOString() });
      return personArrivalRow(ctx, row.personArrivalId);
    },
  }),
};
