import { uuidv7 } from 'uuidv7';
import { centreTimeZone } from '../../centre';
import type { ServiceContext } from '../../context';
import { insertRow } from '../../db/replicated';
import { AppError } from '../../errors';
import { handle } from '../../handler';
import { translate } from '../../i18n/translate';
import type { Role } from '../../roles';
import { addDays, zonedDayStart } from '../../time';
import { presentSince, staying } from '../../presence';
import { loadPersonRow, personArrivalRows, personsWithIds, toPerson, today } from '../persons/store';
import { latestScreening } from '../screening/service';
import { psychologyNoticesSince, screeningRefs, unattendedLatest } from '../screening/store';
import { displayNameOf } from '../persons/store';
import { asqResult, isPositive } from './asq';
import type { CareContent, CareRecord, RecordInput, MedicalInput, RiskFlag, Service } from './contract';
import { CareContent as CareContentSchema } from './contract';
import { newCareKey, newRecoveryCode, normaliseRecoveryCode, openWith, parseSecretWrap, sealToPublicKey, sealWith, freshWrapKey, deriveWrapKey, wrapUnder } from './crypto';
import { currentCareKey, grantAad, heldCareKey, recoveryAad, rememberCareKey, revokeGrants, sessionPair } from './keyring';
import {
  careConsent,
  careKeyRows,
  careRowById,
  careRowsOfPerson,
  declinedPsychology,
  flagById,
  followUpsDue,
  grantsOfUser,
  lastPsychologyAt,
  latestFlagOfPerson,
  liveClinicianKey,
  medicineLots,
  openFlags,
  staff,
  staysSeenByPsychology,
  type CareRow,
  type FlagRow,
} from './store';

/** The screening indicators that call for psychology (the queue's second group). */
export const PSYCHOSOCIAL_INDICATORS = ['suicidal_ideation', 'survivor_of_violence', 'trafficking_indicators', 'prolonged_detention', 'extortion_victim'] as const;

const SERVICE_ROLE: Record<Service, Role> = { psychology: 'psychologist', medical: 'health' };
const serviceName = (ctx: ServiceContext, service: Service) => translate(ctx.locale, `care.service.${service}`);
const contentAad = (recordId: string, personId: string) => `care_records|${recordId}|${personId}`;
const detailsAad = (actionId: string, personId: string) => `care_risk_actions|${actionId}|${personId}`;
const who = (ctx: ServiceContext) => ctx.actor.userId ?? ctx.actor.username;

// Keys: setup, grant, revoke, recover.

function requireService(ctx: ServiceContext, service: Service): void {
  if (!ctx.actor.roles.includes(SERVICE_ROLE[service])) throw new AppError('forbidden');
}

function requirePair(ctx: ServiceContext) {
  const pair = sessionPair(ctx);
  if (!pair) throw new AppError('care.own-password');
  return pair;
}

/** The key new records of the service are sealed under; the caller must hold it. */
function sealingKey(ctx: ServiceContext, service: Service): { id: string; key: Buffer } {
  const current = currentCareKey(ctx, service);
  if (current === 'none') throw new AppError('care.not-set-up', { service: serviceName(ctx, service) });
  if (!current) throw new AppError('care.no-key', { service: serviceName(ctx, service) });
  return current;
}

function grantTo(ctx: ServiceContext, careKeyId: string, key: Buffer, userId: string): void {
  const target = liveClinicianKey(ctx.db, userId);
  if (!target) throw new AppError('care.colleague-not-ready', { name: displayNameOf(ctx.db, userId) ?? userId });
  insertRow(ctx, 'care_key_grants', {
    care_key_id: careKeyId,
    clinician_key_id: target.id,
    user_id: userId,
    sealed: sealToPublicKey(target.public_key, key, grantAad(careKeyId, target.id)),
    granted_by: who(ctx),
    granted_at: ctx.clock.now().toISOString(),
  });
}

function accessOf(ctx: ServiceContext) {
  const services: Service[] = ctx.actor.roles.includes('admin') ? ['psychology', 'medical'] : (['psychology', 'medical'] as const).filter((s) => ctx.actor.roles.includes(SERVICE_ROLE[s]));
  const people = staff(ctx.db, ctx.core.identity!.centreId);
  return services.map((service) => {
    const keys = careKeyRows(ctx.db, service);
    const holdsUser = (userId: string) => {
      const pair = liveClinicianKey(ctx.db, userId);
      return !!pair && grantsOfUser(ctx.db, service, userId).some((g) => g.clinician_key_id === pair.id);
    };
    return {
      service,
      keyExists: keys.length > 0,
      holds: keys.some((k) => heldCareKey(ctx, k.id) !== null),
      me: sessionPair(ctx) ? ('ready' as const) : ('own-password' as const),
      colleagues: people
        .filter((p) => (JSON.parse(p.roles) as Role[]).includes(SERVICE_ROLE[service]) && p.id !== ctx.actor.userId)
        .map((p) => ({ userId: p.id, name: p.display_name, holds: holdsUser(p.id), ready: !!liveClinicianKey(ctx.db, p.id) })),
    };
  });
}

// Records: sealing and opening.

function sealContent(ctx: ServiceContext, key: { id: string; key: Buffer }, recordId: string, personId: string, content: CareContent): string {
  return sealWith(key.key, Buffer.from(JSON.stringify(content), 'utf8'), contentAad(recordId, personId));
}

function openRecord(ctx: ServiceContext, row: CareRow): CareRecord {
  const key = heldCareKey(ctx, row.care_key_id);
  const opened = key ? openWith(key, row.content, contentAad(row.id, row.person_id)) : null;
  const parsed = opened ? CareContentSchema.safeParse(JSON.parse(opened.toString('utf8'))) : null;
  const content = parsed?.success ? parsed.data : null;
  ctx.records.add(row.id);
  return {
    ...factOf(row),
    nextAppointmentAt: row.next_appointment_at,
    recordedAt: row.recorded_at,
    content,
    unreadable: content ? null : 'no-key',
    asqResult: content?.form === 'session' && content.asq ? asqResult(content.asq) : null,
  };
}

const factOf = (row: CareRow) => ({
  id: row.id,
  personId: row.person_id,
  service: row.service,
  kind: row.kind as CareRecord['kind'],
  groupId: row.group_id,
  heldAt: row.held_at,
  durationMinutes: row.duration_minutes,
  recordedBy: row.recorded_by_name,
});

const toFlag = (row: FlagRow): RiskFlag => ({
  flagId: row.id,
  personId: row.person_id,
  raisedAt: row.raised_at,
  raisedBy: row.raised_by,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  action: (row.action as RiskFlag['action']) ?? null,
});

/** The stay a record belongs to: the person's stay in progress, if any. */
function currentStay(ctx: ServiceContext, personId: string): string | null {
  const rows = personArrivalRows(ctx, `pa.person_id = ? AND ${staying()}`, [personId]);
  return rows.sort((a, b) => (b.checkedInAt ?? '').localeCompare(a.checkedInAt ?? ''))[0]?.personArrivalId ?? null;
}

function refuseDeclined(ctx: ServiceContext, personId: string, service: Service): void {
  if (careConsent(ctx.db, personId, service === 'psychology' ? 'psychological_care' : 'medical_care') === false) throw new AppError('care.declined', { service: serviceName(ctx, service) });
}

interface NewRecord {
  personId: string;
  service: Service;
  kind: CareRecord['kind'];
  heldAt: string;
  durationMinutes: number;
  nextAppointmentAt: string | null;
  groupId: string | null;
  content: CareContent;
}

function writeRecord(ctx: ServiceContext, key: { id: string; key: Buffer }, r: NewRecord, stay: string | null, id = uuidv7()): string {
  insertRow(
    ctx,
    'care_records',
    {
      person_id: r.personId,
      person_arrival_id: stay,
      service: r.service,
      kind: r.kind,
      group_id: r.groupId,
      held_at: r.heldAt,
      duration_minutes: r.durationMinutes,
      next_appointment_at: r.nextAppointmentAt,
      care_key_id: key.id,
      content: sealContent(ctx, key, id, r.personId, r.content),
      recorded_by: who(ctx),
      recorded_at: ctx.clock.now().toISOString(),
    },
    { id },
  );
  ctx.records.add(id);
  ctx.records.add(r.personId);
  return id;
}

/**
 * A screening deadline still open for the person is met by this care: what the protection
 * officer's queue and the flow board count as attended.
 */
function attendOpenScreening(ctx: ServiceContext, personId: string, action: string): void {
  const summary = latestScreening(ctx.db, personId);
  if (!summary || summary.attendedAt) return;
  insertRow(ctx, 'screening_attentions', { screening_id: summary.screeningId, action, attended_by: who(ctx), attended_at: ctx.clock.now().toISOString() });
}

function raiseFlag(ctx: ServiceContext, personId: string, recordId: string): void {
  const open = latestFlagOfPerson(ctx.db, personId);
  if (open && !open.closed_at) return; // one open flag at a time; the new session is in the history
  insertRow(ctx, 'care_risk_flags', { person_id: personId, record_id: recordId, raised_by: who(ctx), raised_at: ctx.clock.now().toISOString() });
}

function sessionContent(input: RecordInput): CareContent {
  if (input.kind === 'pfa') return { form: 'pfa', modality: input.modality ?? 'individual', reactions: input.reactions ?? [], notes: input.notes };
  return {
    form: 'session',
    concerns: input.concerns ?? [],
    asq: input.asq ?? null,
    acuteRisk: input.acuteRisk ?? false,
    interventions: input.interventions ?? [],
    plan: input.plan ?? '',
    proposedReferral: input.proposedReferral ?? '',
    notes: input.notes,
  };
}

function medicalContent(ctx: ServiceContext, input: MedicalInput, medicines: { lotId: string; name: string; quantity: number }[]): CareContent {
  if (input.kind === 'triage') {
    if (!input.triage) throw new AppError('care.wrong-form', { what: translate(ctx.locale, 'fields.triage') });
    return { form: 'triage', ...input.triage, notes: input.notes };
  }
  return { form: 'attention', attention: input.attention ?? '', medicines, hospitalReferral: input.hospitalReferral ?? null, notes: input.notes };
}

/** Takes dispensed medicines out of their lots (the ledger refuses to go below zero). */
function dispense(ctx: ServiceContext, recordId: string, wanted: MedicalInput['medicines']) {
  const lots = new Map(medicineLots(ctx.db, ctx.core.identity!.centreId).map((l) => [l.lotId, l]));
  return wanted.map((m) => {
    const lot = lots.get(m.lotId);
    if (!lot) throw new AppError('care.lot-not-found');
    if (lot.balance < m.quantity) throw new AppError('care.not-enough-stock', { name: lot.name, lot: lot.lotCode, balance: lot.balance });
    lot.balance -= m.quantity;
    insertRow(ctx, 'stock_movements', {
      lot_id: lot.lotId,
      type_id: lot.typeId,
      kind: 'delivery',
      quantity: -m.quantity,
      delivery_id: recordId,
      reason: null,
      recorded_by: who(ctx),
      recorded_at: ctx.clock.now().toISOString(),
    });
    return { lotId: lot.lotId, name: lot.name, quantity: m.quantity };
  });
}

/** The person care is given to (not merged away, not having declined) and the key to seal it under. */
function careTarget(ctx: ServiceContext, personId: string, service: Service) {
  const person = loadPersonRow(ctx, personId);
  if (person.merged_into) throw new AppError('persons.merged', { caseNumber: person.case_number });
  refuseDeclined(ctx, person.id, service);
  return { person, key: sealingKey(ctx, service) };
}

// The queue.

function queue(ctx: ServiceContext) {
  const t = today(ctx);
  const centreId = ctx.core.identity!.centreId;
  const present = personArrivalRows(
    ctx,
    `${staying()} AND p.merged_into IS NULL AND p.deleted_at IS NULL AND pa.arrival_id IN (SELECT id FROM arrivals WHERE arrival_date >= ? AND deleted_at IS NULL)`,
    [presentSince(t)],
  );
  const stayOf = new Map(present.map((r) => [r.personId, r]));
  const declined = declinedPsychology(ctx.db, present.map((r) => r.personId));
  const seen = staysSeenByPsychology(ctx.db, present.map((r) => r.personArrivalId));
  const used = new Set<string>();
  const persons = new Map<string, ReturnType<typeof toPerson>>();
  const identity = (personId: string) => {
    if (!persons.has(personId)) for (const p of personsWithIds(ctx.db, [personId])) persons.set(p.id, toPerson(p, t));
    const p = persons.get(personId)!;
    const stay = stayOf.get(personId);
    return { ...p, personId, personArrivalId: stay?.personArrivalId ?? null, checkedInAt: stay?.checkedInAt ?? null };
  };
  const take = (personId: string) => {
    if (used.has(personId)) return false;
    used.add(personId);
    ctx.records.add(personId);
    return true;
  };

  const urgent = openFlags(ctx.db, centreId).filter((f) => take(f.person_id)).map((f) => ({ ...identity(f.person_id), flag: toFlag(f) }));

  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const unattended = unattendedLatest(ctx.db, centreId, since);
  const refs = new Map(screeningRefs(ctx.db, unattended.map((r) => r.id)).map((r) => [r.id, r]));
  const weekAgo = new Date(ctx.clock.now().getTime() - 7 * 86_400_000).toISOString();
  const notices = psychologyNoticesSince(ctx.db, weekAgo);
  const seenAt = lastPsychologyAt(ctx.db, [...[...refs.values()].map((r) => r.person_id), ...notices.map((n) => n.person_id)]);
  const lastSeen = (personId: string) => seenAt.get(personId) ?? null;
  const screening = unattended
    .map((r) => {
      const ref = refs.get(r.id)!;
      const indicators = (JSON.parse(ref.reasons) as string[]).filter((i) => (PSYCHOSOCIAL_INDICATORS as readonly string[]).includes(i));
      return { r, ref, indicators };
    })
    .filter(({ r, ref, indicators }) => indicators.length > 0 && (r.o_level ?? r.level) === 'red' && !declined.has(ref.person_id) && !((lastSeen(ref.person_id) ?? '') > r.screened_at))
    .sort((a, b) => (a.r.o_deadline ?? a.r.deadline_at).localeCompare(b.r.o_deadline ?? b.r.deadline_at))
    .filter(({ ref }) => take(ref.person_id))
    .map(({ r, ref, indicators }) => ({
      ...identity(ref.person_id),
      indicators,
      screening: { screeningId: r.id, level: r.o_level ?? r.level, deadlineAt: r.o_deadline ?? r.deadline_at, attendedAt: r.attended_at, overridden: r.o_level !== null },
    }));

  const flagged = notices
    .filter((n) => !declined.has(n.person_id) && !((lastSeen(n.person_id) ?? '') > n.notified_at))
    .reverse() // oldest notice first: who has waited longest
    .filter((n) => take(n.person_id))
    .map((n) => ({ ...identity(n.person_id), notifiedBy: displayNameOf(ctx.db, n.notified_by) ?? n.notified_by, notifiedAt: n.notified_at }));

  const waiting = present
    .filter((r) => !declined.has(r.personId) && !seen.has(r.personArrivalId))
    .sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''))
    .filter((r) => take(r.personId))
    .map((r) => identity(r.personId));

  const endOfToday = zonedDayStart(addDays(t, 1), centreTimeZone(ctx)).toISOString();
  const followUps = followUpsDue(ctx.db, ctx.actor.userId ?? '', endOfToday).map((f) => {
    ctx.records.add(f.person_id);
    return { ...identity(f.person_id), nextAppointmentAt: f.next_appointment_at, lastHeldAt: f.held_at };
  });
  return { urgent, screening, flagged, present: waiting, followUps };
}

export const careHandlers = {
  'care.access': handle('care.access', { run: (ctx) => accessOf(ctx) }),

  'care.setup': handle('care.setup', {
    async prepare(_ctx, _input) {
      const recoveryCode = newRecoveryCode();
      return { recoveryCode, derived: await freshWrapKey(normaliseRecoveryCode(recoveryCode)) };
    },
    run(ctx, input, prepared) {
      requireService(ctx, input.service);
      const pair = requirePair(ctx);
      if (careKeyRows(ctx.db, input.service).length) throw new AppError('care.already-set-up', { service: serviceName(ctx, input.service) });
      const key = newCareKey();
      const id = uuidv7();
      insertRow(ctx, 'care_keys', { service: input.service, recovery_wrap: wrapUnder(prepared.derived, key, recoveryAad(id)), created_by: who(ctx) }, { id });
      insertRow(ctx, 'care_key_grants', {
        care_key_id: id,
        clinician_key_id: pair.id,
        user_id: ctx.actor.userId!,
        sealed: sealToPublicKey(pair.publicKey, key, grantAad(id, pair.id)),
        granted_by: who(ctx),
        granted_at: ctx.clock.now().toISOString(),
      });
      rememberCareKey(ctx, id, key);
      key.fill(0);
      return { recoveryCode: prepared.recoveryCode };
    },
  }),

  'care.grant': handle('care.grant', {
    run(ctx, input) {
      requireService(ctx, input.service);
      sealingKey(ctx, input.service); // the caller must hold the key to give it
      const target = staff(ctx.db, ctx.core.identity!.centreId).find((u) => u.id === input.userId);
      if (!target) throw new AppError('users.not-found');
      if (!(JSON.parse(target.roles) as Role[]).includes(SERVICE_ROLE[input.service]))
        throw new AppError('care.colleague-role', { name: target.display_name, service: serviceName(ctx, input.service) });
      ctx.records.add(input.userId);
      // Every key of the service the caller holds (two set up apart on two desks: both).
      for (const row of careKeyRows(ctx.db, input.service)) {
        const key = heldCareKey(ctx, row.id);
        const pair = liveClinicianKey(ctx.db, input.userId);
        const has = pair && grantsOfUser(ctx.db, input.service, input.userId).some((g) => g.care_key_id === row.id && g.clinician_key_id === pair.id);
        if (key && !has) grantTo(ctx, row.id, key, input.userId);
      }
      return accessOf(ctx);
    },
  }),

  'care.revoke': handle('care.revoke', {
    run(ctx, input) {
      if (!ctx.actor.roles.includes('admin')) requireService(ctx, input.service);
      ctx.records.add(input.userId);
      revokeGrants(ctx, input.service, input.userId);
      return accessOf(ctx);
    },
  }),

  'care.recover': handle('care.recover', {
    async prepare(ctx, input) {
      const rows = careKeyRows(ctx.db, input.service);
      const code = normaliseRecoveryCode(input.recoveryCode);
      return Promise.all(
        rows.map(async (row) => {
          const wrap = parseSecretWrap(row.recovery_wrap);
          return { id: row.id, opened: wrap ? openWith(await deriveWrapKey(code, wrap), wrap.sealed, recoveryAad(row.id)) : null };
        }),
      );
    },
    run(ctx, input, opened) {
      requireService(ctx, input.service);
      const pair = requirePair(ctx);
      if (!opened.length) throw new AppError('care.not-set-up', { service: serviceName(ctx, input.service) });
      const good = opened.filter((o) => o.opened);
      if (!good.length) throw new AppError('care.wrong-recovery-code');
      for (const o of good) {
        if (!heldCareKey(ctx, o.id)) {
          insertRow(ctx, 'care_key_grants', {
            care_key_id: o.id,
            clinician_key_id: pair.id,
            user_id: ctx.actor.userId!,
            sealed: sealToPublicKey(pair.publicKey, o.opened!, grantAad(o.id, pair.id)),
            granted_by: who(ctx),
            granted_at: ctx.clock.now().toISOString(),
          });
        }
        rememberCareKey(ctx, o.id, o.opened!);
        o.opened!.fill(0);
      }
      return accessOf(ctx);
    },
  }),

  'care.queue': handle('care.queue', { run: (ctx) => queue(ctx) }),

  'care.record': handle('care.record', {
    run(ctx, input) {
      const { person, key } = careTarget(ctx, input.personId, 'psychology');
      const content = sessionContent(input);
      const id = writeRecord(
        ctx,
        key,
        {
          personId: person.id,
          service: 'psychology',
          kind: input.kind,
          heldAt: input.heldAt ?? ctx.clock.now().toISOString(),
          durationMinutes: input.durationMinutes,
          nextAppointmentAt: input.nextAppointmentAt ?? null,
          groupId: null,
          content,
        },
        currentStay(ctx, person.id),
      );
      const risk = content.form === 'session' ? (content.acuteRisk ? 'acute' : content.asq ? asqResult(content.asq) : 'negative') : 'negative';
      if (isPositive(risk)) raiseFlag(ctx, person.id, id);
      else if (input.kind !== 'pfa') attendOpenScreening(ctx, person.id, translate(ctx.locale, 'care.sessionAttended'));
      return openRecord(ctx, careRowById(ctx.db, id)!);
    },
  }),

  'care.recordGroup': handle('care.recordGroup', {
    run(ctx, input) {
      const key = sealingKey(ctx, 'psychology');
      const persons = new Map(personsWithIds(ctx.db, input.personIds).map((p) => [p.id, p as typeof p & { deleted_at: string | null }]));
      const missing = input.personIds.filter((id) => !persons.get(id) || persons.get(id)!.deleted_at || persons.get(id)!.merged_into);
      if (missing.length) throw new AppError('persons.not-found');
      const declined = declinedPsychology(ctx.db, input.personIds);
      const groupId = uuidv7();
      const heldAt = input.heldAt ?? ctx.clock.now().toISOString();
      const stays = new Map(
        personArrivalRows(ctx, `pa.person_id IN (SELECT value FROM json_each(?)) AND ${staying()}`, [JSON.stringify(input.personIds)]).map((r) => [r.personId, r.personArrivalId]),
      );
      let count = 0;
      for (const personId of input.personIds) {
        if (declined.has(personId)) continue; // declined care: not recorded as attended
        writeRecord(
          ctx,
          key,
          { personId, service: 'psychology', kind: input.kind, heldAt, durationMinutes: input.durationMinutes, nextAppointmentAt: null, groupId, content: { form: 'pfa', modality: input.modality, reactions: input.reactions, notes: input.notes } },
          stays.get(personId) ?? null,
        );
        count++;
      }
      return { groupId, count };
    },
  }),

  'care.medical': handle('care.medical', {
    run(ctx, input) {
      const { person, key } = careTarget(ctx, input.personId, 'medical');
      const id = uuidv7();
      const medicines = input.kind === 'triage' ? [] : dispense(ctx, id, input.medicines);
      const content = medicalContent(ctx, input, medicines);
      const record = { personId: person.id, service: 'medical' as const, kind: input.kind, heldAt: input.heldAt ?? ctx.clock.now().toISOString(), durationMinutes: input.durationMinutes, nextAppointmentAt: input.nextAppointmentAt ?? null, groupId: null, content };
      writeRecord(ctx, key, record, currentStay(ctx, person.id), id);
      return openRecord(ctx, careRowById(ctx.db, id)!);
    },
  }),

  'care.history': handle('care.history', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      const services = (['psychology', 'medical'] as const).filter((s) => ctx.actor.roles.includes(SERVICE_ROLE[s]));
      return services.flatMap((s) => careRowsOfPerson(ctx.db, input.personId, s).map((row) => openRecord(ctx, row))).sort((a, b) => b.heldAt.localeCompare(a.heldAt));
    },
  }),

  'care.facts': handle('care.facts', {
    run(ctx, input) {
      loadPersonRow(ctx, input.personId);
      const flag = latestFlagOfPerson(ctx.db, input.personId);
      const declined = (['psychology', 'medical'] as const).filter((s) => careConsent(ctx.db, input.personId, s === 'psychology' ? 'psychological_care' : 'medical_care') === false);
      return { records: careRowsOfPerson(ctx.db, input.personId).map(factOf), risk: flag ? toFlag(flag) : null, declined };
    },
  }),

  'care.riskFlags': handle('care.riskFlags', {
    run(ctx) {
      const flags = openFlags(ctx.db, ctx.core.identity!.centreId);
      const t = today(ctx);
      const persons = new Map(personsWithIds(ctx.db, flags.map((f) => f.person_id)).map((p) => [p.id, p]));
      return flags.map((f) => {
        ctx.records.add(f.person_id);
        return { ...toPerson(persons.get(f.person_id)!, t), personId: f.person_id, flag: toFlag(f) };
      });
    },
  }),

  'care.closeRisk': handle('care.closeRisk', {
    run(ctx, input) {
      const flag = flagById(ctx.db, input.flagId);
      if (!flag) throw new AppError('care.flag-not-found');
      if (flag.closed_at) throw new AppError('care.flag-closed', { by: flag.closed_by });
      ctx.records.add(flag.id);
      ctx.records.add(flag.person_id);
      const service: Service = ctx.actor.roles.includes('psychologist') ? 'psychology' : 'medical';
      const id = uuidv7();
      let details: string | null = null;
      let keyId: string | null = null;
      if (input.details) {
        const key = sealingKey(ctx, service);
        details = sealWith(key.key, Buffer.from(input.details, 'utf8'), detailsAad(id, flag.person_id));
        keyId = key.id;
      }
      insertRow(ctx, 'care_risk_actions', { flag_id: flag.id, action: input.action, care_key_id: keyId, details, recorded_by: who(ctx), recorded_at: ctx.clock.now().toISOString() }, { id });
      attendOpenScreening(ctx, flag.person_id, translate(ctx.locale, 'care.riskAttended', { action: translate(ctx.locale, `care.riskActions.${input.action}`) }));
      return toFlag(flagById(ctx.db, flag.id)!);
    },
  }),

  'care.medicines': handle('care.medicines', {
    run: (ctx) => medicineLots(ctx.db, ctx.core.identity!.centreId).map(({ typeId: _t, ...l }) => l),
  }),
};
