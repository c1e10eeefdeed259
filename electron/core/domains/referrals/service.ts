import type { ServiceContext } from '../../context';
import { insertRow, updateRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { ageAt } from '../../partial-date';
import { normalize } from '../../names';
import { presentSince, staying } from '../../presence';
import { Facts, proposeReferrals, RoutesDocument, shippedRoutes, type Need, type RoutesDocument as RoutesDocumentType } from '../../referrals/routes';
import { consentAllows } from '../consent/service';
import { findInstitution } from '../institutions/store';
import { latestFlagOfPerson } from '../care/store';
import { loadPersonRow, personArrivalRows, personsWithIds, toPerson, today, type PersonRow } from '../persons/store';
import { UNREACHABLE_AFTER, type Proposal, type Referral, type ReferralStatus } from './contract';
import type { z } from 'zod';
import type { CaseState as CaseStateSchema } from './contract';
import { centreTimeZone } from '../../centre';
import { translate } from '../../i18n/translate';
import { addDays, zonedDayStart } from '../../time';

type CaseState = z.infer<typeof CaseStateSchema>;
import {
  centreCountryAndName,
  dueFollowUps,
  eventsOf,
  followUpsOf,
  latestClosure,
  referralTimes,
  routeVersionRows,
  personsWithStaysSince,
  type FollowUpRow,
  handledPairs,
  officesByInstitution,
  type Office,
  latestIndicators,
  latestNeeds,
  listReferrals,
  openReferrals,
  referralById,
  referralsOfPerson,
  type ReferralRow,
} from './store';

const who = (ctx: ServiceContext) => ctx.actor.userId ?? ctx.actor.username;

/** The case's state: closed while its newest closure says so; unreachable after UNREACHABLE_AFTER failed contacts in a row. */
function caseState(ctx: ServiceContext, personId: string, followUps: FollowUpRow[]): CaseState {
  const closure = latestClosure(ctx.db, personId);
  if (closure?.action === 'closed') return 'closed';
  const since = closure?.recorded_at ?? '';
  let failed = 0;
  for (const f of followUps) {
    if (f.at < since || f.outcome === 'reached') break;
    failed++;
  }
  return failed >= UNREACHABLE_AFTER ? 'unreachable' : 'open';
}

function followUpView(ctx: ServiceContext, personId: string) {
  const rows = followUpsOf(ctx.db, personId);
  return {
    state: caseState(ctx, personId, rows),
    followUps: rows.map((f) => ({ id: f.id, referralId: f.referral_id, channel: f.channel, outcome: f.outcome, note: f.note, nextAt: f.next_at, by: f.by, at: f.at })),
  };
}

const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
};
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/**
 * The steps a referral may take. Received or attended straight from created (or attended from
 * sent) only when recorded as such (`direct`: the person was taken there in person).
 */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  created: ['sent', 'cancelled'],
  sent: ['received', 'rejected', 'cancelled'],
  received: ['attended', 'rejected'],
  attended: ['closed'],
  closed: [],
  rejected: [],
  cancelled: [],
};
const DIRECT: Partial<Record<ReferralStatus, readonly ReferralStatus[]>> = { created: ['received', 'attended'], sent: ['attended'] };

function toReferrals(ctx: ServiceContext, rows: ReferralRow[]): Referral[] {
  const events = eventsOf(ctx.db, rows.map((r) => r.id));
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => {
    ctx.records.add(r.id);
    return {
      id: r.id,
      personId: r.person_id,
      personArrivalId: r.person_arrival_id,
      institutionId: r.institution_id,
      institutionCode: r.institution_code,
      institutionName: r.institution_name,
      service: r.service,
      priority: r.priority,
      deadlineAt: r.deadline_at,
      status: r.status,
      rule: r.rule,
      parentId: r.parent_id,
      transport: r.transport,
      apostille: r.apostille,
      createdBy: r.created_by,
      createdAt: r.created_at,
      overdue: r.status === 'created' && r.deadline_at < now,
      events: (events.get(r.id) ?? []).map((e) => ({ status: e.status, note: e.note, direct: e.direct === 1, by: e.by, at: e.at })),
    };
  });
}

function loadReferral(ctx: ServiceContext, id: string): Referral {
  const row = referralById(ctx.db, id);
  if (!row) throw new AppError('referrals.not-found');
  return toReferrals(ctx, [row])[0]!;
}

/** The person's stay in progress, or their latest. */
function currentStay(ctx: ServiceContext, personId: string) {
  const rows = personArrivalRows(ctx, "pa.person_id = ? AND pa.status <> 'no_show' AND pa.deleted_at IS NULL", [personId]);
  return rows.sort((a, b) => Number(b.departedAt === null) - Number(a.departedAt === null) || (b.checkedInAt ?? b.registeredAt ?? '').localeCompare(a.checkedInAt ?? a.registeredAt ?? ''))[0] ?? null;
}

const needsOf = (ctx: ServiceContext, personId: string): Need[] => {
  const row = latestNeeds(ctx.db, personId);
  return row ? (JSON.parse(row.needs) as Need[]) : [];
};

/** What the routes read about a person: the centre's country, age, travel group, latest screening, care risk, needs, document. */
export function factsOf(ctx: ServiceContext, person: PersonRow, groupType: string | null): Facts {
  const indicators = new Set(latestIndicators(ctx.db, person.id));
  const flag = latestFlagOfPerson(ctx.db, person.id);
  if (flag && !flag.closed_at) indicators.add('suicidal_ideation');
  return Facts.parse({
    country: centreCountryAndName(ctx.db, ctx.core.identity!.centreId).country,
    age: ageAt(person.birth_date, today(ctx)),
    ...(groupType ? { travelling: groupType } : {}),
    indicators: [...indicators],
    needs: needsOf(ctx, person.id),
    ...(person.document_number ? { has_identity_document: true } : {}),
  });
}

// Routes in force: the centre's newest saved version, or the shipped document as version 1.
type RoutesVersion = { version: number; routes: RoutesDocumentType; note: string | null; createdBy: string; createdAt: string };
function routeVersions(ctx: ServiceContext): RoutesVersion[] {
  // Stored routes may have come from another desk: parsed, never trusted.
  const saved = routeVersionRows(ctx.db, ctx.core.identity!.centreId).map((r) => ({ version: r.version, routes: RoutesDocument.parse(JSON.parse(r.routes)), note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
  const shipped = shippedRoutes();
  return saved.some((v) => v.version === shipped.version) ? saved : [...saved, { version: shipped.version, routes: shipped, note: null, createdBy: 'Acogida', createdAt: '' }];
}
export const activeRoutes = (ctx: ServiceContext): RoutesDocumentType => routeVersions(ctx)[0]!.routes;

/** The office that covers the person's destination department; else the one covering the whole country; else any. */
function officeFor(offices: Office[], department: string | null): Office | null {
  const covers = (o: Office) => (JSON.parse(o.coverage) as string[]).map((d) => normalize(d));
  const wanted = department ? normalize(department) : null;
  return (wanted ? offices.find((o) => covers(o).includes(wanted)) : undefined) ?? offices.find((o) => covers(o).length === 0) ?? offices[0] ?? null;
}

/** What proposing reads once per call, however many people it proposes for: the routes in force and the directory. */
function proposing(ctx: ServiceContext) {
  const directory = officesByInstitution(ctx.db, ctx.core.identity!.centreId);
  const answersFor = new Map([...directory.entries()].flatMap(([code, offices]) => offices.map((o) => [o.code.toUpperCase(), code] as const)));
  return { routes: activeRoutes(ctx), directory, answersFor };
}

function proposalsFor(ctx: ServiceContext, person: PersonRow, stay: { personArrivalId: string; groupType: string } | null, { routes, directory, answersFor }: ReturnType<typeof proposing>): Proposal[] {
  // Already referred or dismissed: by the institution the office answers for.
  const handled = handledPairs(ctx.db, person.id, stay?.personArrivalId ?? null);
  const done = new Set([...handled].map((pair) => { const [code, service] = pair.split('|'); return `${answersFor.get(code!.toUpperCase()) ?? code}|${service}`; }));
  return proposeReferrals(factsOf(ctx, person, stay?.groupType ?? null), routes)
    .filter((p) => !done.has(`${p.institution.toUpperCase()}|${p.service}`))
    .map((p) => {
      const office = officeFor(directory.get(p.institution.toUpperCase()) ?? [], person.origin_department);
      return { institutionId: office?.id ?? null, institutionCode: office?.code ?? p.institution, institutionName: office?.name ?? null, service: p.service, priority: p.priority, deadlineHours: p.deadline_hours, rule: p.rule };
    });
}

export const referralsHandlers = {
  'referrals.needs': handle('referrals.needs', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      const row = latestNeeds(ctx.db, input.personId);
      return { needs: row ? (JSON.parse(row.needs) as Need[]) : [], recordedAt: row?.recorded_at ?? null, recordedBy: row?.recorded_by ?? null };
    },
  }),

  'referrals.recordNeeds': handle('referrals.recordNeeds', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      const before = needsOf(ctx, person.id);
      insertRow(ctx, 'person_needs', { person_id: person.id, person_arrival_id: currentStay(ctx, person.id)?.personArrivalId ?? null, needs: JSON.stringify(input.needs), recorded_by: who(ctx), recorded_at: ctx.clock.now().toISOString() });
      // New needs reopen a concluded case (the loop restarts: identify → attend → refer → follow up).
      const fresh = input.needs.filter((n) => !before.includes(n));
      if (fresh.length && latestClosure(ctx.db, person.id)?.action === 'closed')
        insertRow(ctx, 'case_closures', { person_id: person.id, action: 'reopened', reason: translate(ctx.locale, 'referrals.reopenedByNeeds', { needs: fresh.join(', ') }), recorded_by: who(ctx), recorded_at: ctx.clock.now().toISOString() });
      return { needs: input.needs };
    },
  }),

  'referrals.proposals': handle('referrals.proposals', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      const stay = currentStay(ctx, person.id);
      return proposalsFor(ctx, person, stay, proposing(ctx));
    },
  }),

  'referrals.worklist': handle('referrals.worklist', {
    run(ctx) {
      const t = today(ctx);
      const present = personArrivalRows(
        ctx,
        `${staying()} AND p.merged_into IS NULL AND p.deleted_at IS NULL AND pa.arrival_id IN (SELECT id FROM arrivals WHERE arrival_date >= ? AND deleted_at IS NULL)`,
        [presentSince(t)],
      );
      const persons = new Map(personsWithIds(ctx.db, present.map((r) => r.personId)).map((p) => [p.id, p]));
      const context = proposing(ctx);
      const proposals = present
        .map((r) => {
          const person = persons.get(r.personId)!;
          return { ...toPerson(person, t), personId: r.personId, personArrivalId: r.personArrivalId, proposals: proposalsFor(ctx, person, r, context) };
        })
        .filter((r) => r.proposals.length > 0)
        .sort((a, b) => Number(b.proposals[0]!.priority === 'high') - Number(a.proposals[0]!.priority === 'high'));
      const open = toReferrals(ctx, openReferrals(ctx.db, ctx.core.identity!.centreId));
      const openPersons = new Map(personsWithIds(ctx.db, open.map((r) => r.personId)).map((p) => [p.id, p]));
      for (const r of [...proposals]) ctx.records.add(r.personId);
      return {
        proposals,
        open: open
          .map((referral) => ({ ...toPerson(openPersons.get(referral.personId)!, t), personId: referral.personId, personArrivalId: referral.personArrivalId, referral }))
          .sort((a, b) => Number(b.referral.overdue) - Number(a.referral.overdue) || a.referral.deadlineAt.localeCompare(b.referral.deadlineAt)),
      };
    },
  }),

  'referrals.create': handle('referrals.create', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      if (person.merged_into) throw new AppError('persons.merged', { caseNumber: person.case_number });
      const institution = findInstitution(ctx.db, ctx.core.identity!.centreId, input.institutionId);
      if (!institution) throw new AppError('referrals.institution-not-found', { code: input.institutionId });
      if (!institution.active) throw new AppError('referrals.institution-inactive', { code: institution.code });
      const open = referralsOfPerson(ctx.db, person.id).find((r) => r.institution_id === institution.id && r.service === input.service && ['created', 'sent', 'received', 'attended'].includes(r.status));
      if (open) throw new AppError('referrals.duplicate', { code: institution.code });
      if (input.parentId && !referralById(ctx.db, input.parentId)) throw new AppError('referrals.not-found');
      const now = ctx.clock.now();
      const hours = activeRoutes(ctx).deadline_hours[input.priority];
      const id = insertRow(ctx, 'referrals', {
        person_id: person.id,
        person_arrival_id: currentStay(ctx, person.id)?.personArrivalId ?? null,
        institution_id: institution.id,
        service: input.service,
        priority: input.priority,
        deadline_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
        status: 'created',
        rule: input.rule ?? null,
        parent_id: input.parentId ?? null,
        transport: null,
        apostille: null,
        created_by: who(ctx),
      });
      insertRow(ctx, 'referral_events', { referral_id: id, status: 'created', note: input.note ?? null, direct: 0, recorded_by: who(ctx), recorded_at: now.toISOString() });
      ctx.records.add(person.id);
      return loadReferral(ctx, id);
    },
  }),

  'referrals.dismiss': handle('referrals.dismiss', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      insertRow(ctx, 'referral_dismissals', {
        person_id: person.id,
        person_arrival_id: currentStay(ctx, person.id)?.personArrivalId ?? null,
        institution_code: input.institutionCode,
        service: input.service,
        rule: input.rule,
        reason: input.reason,
        dismissed_by: who(ctx),
        dismissed_at: ctx.clock.now().toISOString(),
      });
      return { ok: true as const };
    },
  }),

  'referrals.advance': handle('referrals.advance', {
    run(ctx, input) {
      const referral = loadReferral(ctx, input.referralId);
      const allowed = [...NEXT[referral.status], ...(input.direct ? (DIRECT[referral.status] ?? []) : [])];
      if (!allowed.includes(input.to)) throw new AppError('referrals.bad-step', { from: referral.status, to: input.to });
      const patch: Record<string, unknown> = { status: input.to };
      if (input.transport) patch.transport = input.transport;
      if (input.apostille) patch.apostille = input.apostille;
      updateRow(ctx, 'referrals', referral.id, patch);
      insertRow(ctx, 'referral_events', { referral_id: referral.id, status: input.to, note: input.note ?? null, direct: input.direct ? 1 : 0, recorded_by: who(ctx), recorded_at: ctx.clock.now().toISOString() });
      return loadReferral(ctx, referral.id);
    },
  }),

  'referrals.ofPerson': handle('referrals.ofPerson', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      return toReferrals(ctx, referralsOfPerson(ctx.db, input.personId));
    },
  }),

  'referrals.slip': handle('referrals.slip', {
    run(ctx, input) {
      const referral = loadReferral(ctx, input.referralId);
      const institution = findInstitution(ctx.db, ctx.core.identity!.centreId, referral.institutionId)!;
      // THE question (consentAllows): nothing leaves for an institution the person did not agree to.
      if (!consentAllows(ctx.db, referral.personId, 'sharing', institution.id)) throw new AppError('referrals.no-consent', { code: institution.code });
      const person = loadPersonRow(ctx, referral.personId);
      const destination = [person.origin_municipality, person.origin_department].filter(Boolean).join(', ') || null;
      return {
        referralId: referral.id,
        number: `D-${referral.id.replace(/-/g, '').slice(-8).toUpperCase()}`,
        institution: { code: institution.code, name: institution.name, contact: institution.contact, address: institution.address, hours: institution.hours },
        service: referral.service,
        priority: referral.priority,
        person: {
          name: [person.given_names, person.first_surname, person.second_surname].filter(Boolean).join(' '),
          caseNumber: person.case_number,
          birthDate: person.birth_date,
          sex: person.sex,
          documentNumber: person.document_number,
          phone: person.phone,
          destination,
        },
        needs: needsOf(ctx, person.id),
        centre: centreCountryAndName(ctx.db, ctx.core.identity!.centreId).name,
        referredBy: referral.createdBy,
        referredAt: referral.createdAt,
      };
    },
  }),

  'referrals.followUp': handle('referrals.followUp', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      if (input.referralId) {
        const referral = referralById(ctx.db, input.referralId);
        if (!referral || referral.person_id !== person.id) throw new AppError('referrals.not-found');
      }
      insertRow(ctx, 'follow_ups', {
        person_id: person.id,
        referral_id: input.referralId ?? null,
        channel: input.channel,
        outcome: input.outcome,
        note: input.note ?? null,
        next_at: input.nextAt ?? null,
        recorded_by: who(ctx),
        recorded_at: ctx.clock.now().toISOString(),
      });
      return followUpView(ctx, person.id);
    },
  }),

  'referrals.followUps': handle('referrals.followUps', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      return followUpView(ctx, input.personId);
    },
  }),

  'referrals.followUpsDue': handle('referrals.followUpsDue', {
    run(ctx) {
      const endOfToday = zonedDayStart(addDays(today(ctx), 1), centreTimeZone(ctx)).toISOString();
      const due = dueFollowUps(ctx.db, ctx.core.identity!.centreId, endOfToday);
      const persons = new Map(personsWithIds(ctx.db, due.map((d) => d.person_id)).map((p) => [p.id, p]));
      const t = today(ctx);
      return due
        .map((d) => {
          ctx.records.add(d.person_id);
          const stay = currentStay(ctx, d.person_id);
          return { ...toPerson(persons.get(d.person_id)!, t), personId: d.person_id, personArrivalId: stay?.personArrivalId ?? null, nextAt: d.next_at, state: followUpView(ctx, d.person_id).state };
        })
        .filter((d) => d.state !== 'closed');
    },
  }),

  'referrals.setCase': handle('referrals.setCase', {
    run(ctx, input) {
      const person = loadPersonRow(ctx, input.personId);
      const current = followUpView(ctx, person.id).state;
      if ((input.action === 'closed') === (current === 'closed')) throw new AppError('referrals.case-state', { state: translate(ctx.locale, `referrals.caseStates.${current}`) });
      insertRow(ctx, 'case_closures', { person_id: person.id, action: input.action, reason: input.reason, recorded_by: who(ctx), recorded_at: ctx.clock.now().toISOString() });
      return followUpView(ctx, person.id);
    },
  }),

  'referrals.stats': handle('referrals.stats', {
    run(ctx, input) {
      const since = input.since ? zonedDayStart(input.since, centreTimeZone(ctx)).toISOString() : '';
      const now = ctx.clock.now().toISOString();
      const byCode = new Map<string, ReturnType<typeof referralTimes>>();
      for (const r of referralTimes(ctx.db, ctx.core.identity!.centreId, since)) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
      return [...byCode.entries()]
        .map(([code, rows]) => ({
          institutionCode: code,
          institutionName: rows[0]!.name,
          total: rows.length,
          byStatus: rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
          overdue: rows.filter((r) => r.status === 'created' && r.deadline_at < now).length,
          medianHoursToReceived: median(rows.filter((r) => r.sent && r.received).map((r) => hoursBetween(r.sent!, r.received!))),
          medianHoursToAttended: median(rows.filter((r) => r.sent && r.attended).map((r) => hoursBetween(r.sent!, r.attended!))),
        }))
        .sort((a, b) => b.total - a.total || a.institutionCode.localeCompare(b.institutionCode));
    },
  }),

  'referrals.routes': handle('referrals.routes', {
    run(ctx) {
      const versions = routeVersions(ctx);
      return { active: versions[0]!, versions };
    },
  }),

  'referrals.previewRoutes': handle('referrals.previewRoutes', {
    run(ctx, input) {
      const since = addDays(today(ctx), -30);
      const population = personsWithStaysSince(ctx.db, ctx.core.identity!.centreId, since);
      const persons = new Map(personsWithIds(ctx.db, population.map((p) => p.person_id)).map((p) => [p.id, p]));
      const current = activeRoutes(ctx);
      let before = 0;
      let after = 0;
      const changes = [];
      for (const p of population) {
        const person = persons.get(p.person_id);
        if (!person) continue;
        const facts = factsOf(ctx, person, p.group_type);
        const was = new Set(proposeReferrals(facts, current).map((x) => `${x.institution} · ${x.service}`));
        const will = new Set(proposeReferrals(facts, input.routes).map((x) => `${x.institution} · ${x.service}`));
        before += was.size;
        after += will.size;
        const added = [...will].filter((x) => !was.has(x));
        const removed = [...was].filter((x) => !will.has(x));
        if (added.length || removed.length) changes.push({ personId: person.id, caseNumber: person.case_number, added, removed });
      }
      return { considered: population.length, current: before, proposed: after, changes: changes.slice(0, 200) };
    },
  }),

  'referrals.saveRoutes': handle('referrals.saveRoutes', {
    run(ctx, input) {
      const version = routeVersions(ctx)[0]!.version + 1;
      insertRow(ctx, 'referral_route_versions', { version, routes: JSON.stringify({ ...input.routes, version }), note: input.note, created_by: who(ctx) });
      return routeVersions(ctx)[0]!;
    },
  }),

  'referrals.list': handle('referrals.list', {
    run: (ctx, input) => toReferrals(ctx, listReferrals(ctx.db, ctx.core.identity!.centreId, input)),
  }),
};
