import { attentionTags, declaredLgbtiq } from './attention-tags';
import { latestScreening } from '../screening/service';
import QRCode from 'qrcode';
import type { ServiceContext } from '../../context';
import { updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { checkPerson } from '../alerts/service';
import { createArrival, loadArrival, openArrival } from '../arrivals/service';
import { recordConsent } from '../consent/service';
import { loadSuggestion, suggestionsOf, suggestRepeats, toSuggestion } from './duplicates';
import { mergePersons, unmergePersons } from './merges';
import { personColumns } from './fields';
import {
  createPerson,
  createPersonArrival,
  indexPerson,
  loadPersonRow,
  personArrivalRow,
  personArrivalRows,
  nextCertificateNumber,
  toPerson,
  today,
} from './store';
import { searchPersons } from './search';
import { timelineOf } from './timeline';
import { readCentre } from '../setup/store';
import { certificateOf, displayNameOf, latestConsentLanguage, suggestedCandidates, ticketCodeOf } from './store';

function alreadySuggested(ctx: ServiceContext, personId: string): Set<string> {
  return new Set(suggestedCandidates(ctx.db, personId));
}

export const personsHandlers = {
  'persons.register': handle('persons.register', {
    run(ctx, input) {
      const now = ctx.clock.now().toISOString();
      const columns = personColumns(ctx, input.person);
      let personArrivalId: string;
      let personId: string;
      if ('personArrivalId' in input) {
        const row = personArrivalRow(ctx, input.personArrivalId);
        openArrival(ctx, row.arrivalId);
        personId = row.personId;
        const person = loadPersonRow(ctx, personId);
        if (person.merged_into) throw new AppError('persons.merged', { caseNumber: loadPersonRow(ctx, person.merged_into).case_number });
        const changed = Object.fromEntries(Object.entries(columns).filter(([k, v]) => (person as unknown as Record<string, unknown>)[k] !== v));
        if (Object.keys(changed).length) {
          updateRow(ctx, 'persons', personId, changed);
          indexPerson(ctx, loadPersonRow(ctx, personId));
        }
        updateRow(ctx, 'person_arrivals', row.personArrivalId, {
          status: 'arrived',
          checked_in_at: row.checkedInAt ?? now,
          registered_at: now,
          ...(input.groupType ? { group_type: input.groupType } : {}),
        });
        personArrivalId = row.personArrivalId;
      } else {
        const walkIn = 'walkIn' in input;
        const arrivalId = walkIn ? createArrival(ctx, { ...input.walkIn, date: input.walkIn.date ?? today(ctx), kind: 'walk_in' }) : openArrival(ctx, input.arrivalId).id;
        const person = createPerson(ctx, columns as never);
        personId = person.id;
        personArrivalId = createPersonArrival(ctx, {
          person_id: personId,
          arrival_id: arrivalId,
          status: 'arrived',
          source: walkIn ? 'walk_in' : 'unlisted',
          group_type: input.groupType ?? 'alone',
          checked_in_at: now,
          registered_at: now,
        });
      }
      if (input.consent) recordConsent(ctx, personId, input.consent.decisions, input.consent.language, input.consent.notes ?? null);
      const person = loadPersonRow(ctx, personId);
      suggestRepeats(ctx, person, alreadySuggested(ctx, personId));
      checkPerson(ctx, person, 'registration');
      return {
        person: toPerson(person, today(ctx)),
        row: personArrivalRow(ctx, personArrivalId),
        suggestions: suggestionsOf(ctx, personId, true),
      };
    },
  }),

  'persons.get': handle('persons.get', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.id);
      return {
        person: toPerson(person, today(ctx)),
        arrivals: personArrivalRows(ctx, 'pa.person_id = ?', [person.id]),
        suggestions: suggestionsOf(ctx, person.id),
        timeline: timelineOf(ctx, person.id),
        tags: attentionTags(person, today(ctx), declaredLgbtiq(ctx.db, person.id)),
        screening: latestScreening(ctx.db, person.id),
      };
    },
  }),

  'persons.search': handle('persons.search', {
    run(ctx, input) {
      const hits = searchPersons(ctx.db, input.text, input.limit);
      for (const hit of hits) ctx.records.add(hit.personId); // who was shown to whom, by name search
      return hits;
    },
  }),

  'persons.link': handle('persons.link', {
    run(ctx, input) {
      const suggestion = loadSuggestion(ctx, input.suggestionId);
      if (!suggestion) throw new AppError('suggestions.not-found');
      if (suggestion.status !== 'open') throw new AppError('suggestions.decided');
      // The earlier record stays; the new one (and this arrival) joins it.
      const mergeId = mergePersons(ctx, suggestion.person_id, suggestion.candidate_id, 'repeat-returnee');
      updateRow(ctx, 'duplicate_suggestions', suggestion.id, { status: 'linked', decided_by: ctx.actor.userId, decided_at: ctx.clock.now().toISOString() });
      return { personId: suggestion.candidate_id, mergeId };
    },
  }),

  'persons.dismissSuggestion': handle('persons.dismissSuggestion', {
    run(ctx, input) {
      const suggestion = loadSuggestion(ctx, input.suggestionId);
      if (!suggestion) throw new AppError('suggestions.not-found');
      if (suggestion.status !== 'open') throw new AppError('suggestions.decided');
      updateRow(ctx, 'duplicate_suggestions', suggestion.id, { status: 'dismissed', decided_by: ctx.actor.userId, decided_at: ctx.clock.now().toISOString() });
      return toSuggestion(ctx, loadSuggestion(ctx, suggestion.id)!);
    },
  }),

  'persons.merge': handle('persons.merge', {
    run: (ctx, input) => ({ personId: input.targetId, mergeId: mergePersons(ctx, input.sourceId, input.targetId, input.reason) }),
  }),

  'persons.unmerge': handle('persons.unmerge', {
    run: (ctx, input) => unmergePersons(ctx, input.mergeId, input.reason),
  }),

  'persons.certificate': handle('persons.certificate', {
    async prepare(ctx, input) {
      const ticket = ticketCodeOf(ctx.db, input.personArrivalId);
      return ticket ? QRCode.toString(ticket, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : '';
    },
    run(ctx, input, qrSvg) {
      const row = personArrivalRow(ctx, input.personArrivalId);
      const arrival = loadArrival(ctx, row.arrivalId);
      const person = loadPersonRow(ctx, row.personId);
      const centre = readCentre(ctx.db, ctx.core.identity!.centreId);
      const issuer = ctx.actor.userId ? displayNameOf(ctx.db, ctx.actor.userId) : undefined;
      // Issued once, with a number; asking again gives a copy of that same certificate.
      const issued = certificateOf(ctx.db, row.personArrivalId);
      const copy = issued.certificate_number !== null;
      const number = issued.certificate_number ?? nextCertificateNumber(ctx);
      const issuedAt = copy ? issued.certificate_at! : ctx.clock.now().toISOString();
      if (!copy) updateRow(ctx, 'person_arrivals', row.personArrivalId, { certificate_at: issuedAt, certificate_number: number });
      const consentLanguage = latestConsentLanguage(ctx.db, person.id);
      return {
        number,
        copy,
        printedAt: ctx.clock.now().toISOString(),
        /** The language the person was spoken to in, when the certificate can be printed in it. */
        language: consentLanguage === 'en' ? ('en' as const) : ('es' as const),
        person: toPerson(person, today(ctx)),
        row,
        arrival: { kind: arrival.kind, route: arrival.route, originCountry: arrival.originCountry, date: arrival.date, reference: arrival.reference, pointOfEntry: arrival.pointOfEntry },
        centre,
        issuedAt,
        issuedBy: issuer ?? ctx.actor.username,
        qrSvg,
      };
    },
  }),
};
