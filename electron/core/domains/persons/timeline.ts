import type { ServiceContext } from '../../context';
import { holdEvents, protectionDecisions } from '../alerts/state';
import { screeningSummaries } from '../screening/service';

/** Everything that happened to a person, newest first, across arrivals. Later stations add theirs. */
export function timelineOf(ctx: ServiceContext, personId: string) {
  const events: { at: string; kind: string; arrivalId: string | null; detail: Record<string, unknown> }[] = [];
  const arrivals = ctx.db
    .prepare(
      `SELECT pa.*, a.kind AS arrival_kind, a.reference, a.carrier, a.origin_country, a.arrival_date
       FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id WHERE pa.person_id = ? AND pa.deleted_at IS NULL`,
    )
    .all(personId) as Record<string, string | null>[];
  for (const pa of arrivals) {
    const detail = { arrivalKind: pa.arrival_kind, reference: pa.reference, carrier: pa.carrier, originCountry: pa.origin_country, date: pa.arrival_date };
    const arrivalId = pa.arrival_id ?? null;
    if (pa.source === 'manifest') events.push({ at: pa.created_at!, kind: 'expected', arrivalId, detail });
    if (pa.checked_in_at) events.push({ at: pa.checked_in_at, kind: 'checked-in', arrivalId, detail });
    if (pa.registered_at) events.push({ at: pa.registered_at, kind: 'registered', arrivalId, detail });
    if (pa.status === 'no_show') events.push({ at: pa.updated_at!, kind: 'no-show', arrivalId, detail });
    if (pa.certificate_at) events.push({ at: pa.certificate_at, kind: 'certificate', arrivalId, detail });
    if (pa.departed_at) events.push({ at: pa.departed_at, kind: 'departed', arrivalId, detail });
  }
  const consents = ctx.db
    .prepare(
      `SELECT c.*, u.display_name, i.code AS institution_code FROM consents c LEFT JOIN users u ON u.id = c.explained_by
       LEFT JOIN institutions i ON i.id = c.institution AND c.institution <> ''
       WHERE c.person_id = ? AND c.deleted_at IS NULL`,
    )
    .all(personId) as Record<string, string | number | null>[];
  for (const c of consents)
    events.push({
      at: String(c.recorded_at),
      kind: c.granted ? 'consent-granted' : 'consent-refused',
      arrivalId: null,
      detail: { purpose: c.purpose, institution: c.institution_code ?? c.institution, language: c.language, by: c.display_name },
    });
  // Alert checks as every role may see them: when, and whether it went to review; never the list.
  const checks = ctx.db.prepare('SELECT created_at, trigger, flagged FROM alert_checks WHERE person_id = ? AND deleted_at IS NULL').all(personId) as { created_at: string; trigger: string; flagged: number }[];
  for (const c of checks) events.push({ at: c.created_at, kind: c.flagged ? 'alert-review' : 'alert-clear', arrivalId: null, detail: { trigger: c.trigger } });
  for (const at of protectionDecisions(ctx.db, personId)) events.push({ at, kind: 'protection-case', arrivalId: null, detail: {} });
  // A hold as every role may see it: when it began and when it ended, never why or how.
  for (const h of holdEvents(ctx.db, personId)) events.push({ at: h.at, kind: h.kind, arrivalId: null, detail: {} });
  // Screenings as every role may see them: the colour and who changed it, never the answers.
  // The colour each screening first had (an override is its own event below), read in one query.
  const firstLevel = new Map(
    (ctx.db.prepare('SELECT id, level FROM screenings WHERE person_id = ?').all(personId) as { id: string; level: string }[]).map((r) => [r.id, r.level]),
  );
  for (const s of screeningSummaries(ctx.db, personId)) {
    events.push({ at: s.screenedAt, kind: 'screening', arrivalId: null, detail: { level: firstLevel.get(s.screeningId), sequence: s.sequence } });
    if (s.attendedAt) events.push({ at: s.attendedAt, kind: 'screening-attended', arrivalId: null, detail: { sequence: s.sequence } });
  }
  const overrides = ctx.db
    .prepare('SELECT o.decided_at, o.from_level, o.to_level FROM screening_overrides o JOIN screenings s ON s.id = o.screening_id WHERE s.person_id = ? AND o.deleted_at IS NULL')
    .all(personId) as { decided_at: string; from_level: string; to_level: string }[];
  for (const o of overrides) events.push({ at: o.decided_at, kind: 'screening-override', arrivalId: null, detail: { from: o.from_level, to: o.to_level } });
  // Kits and services given (and voided), belongings kept and returned.
  const deliveries = ctx.db
    .prepare(
      `SELECT d.delivered_at, d.voided_at, d.quantity, d.repeat_reason, d.void_reason, t.name_es, t.name_en, pa.arrival_id
       FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id JOIN person_arrivals pa ON pa.id = d.person_arrival_id
       WHERE d.person_id = ? AND d.deleted_at IS NULL`,
    )
    .all(personId) as { delivered_at: string; voided_at: string | null; quantity: number; repeat_reason: string | null; void_reason: string | null; name_es: string; name_en: string; arrival_id: string }[];
  for (const d of deliveries) {
    const type = ctx.locale === 'en' ? d.name_en : d.name_es;
    events.push({ at: d.delivered_at, kind: 'aid-delivered', arrivalId: d.arrival_id, detail: { type, quantity: d.quantity, repeatReason: d.repeat_reason } });
    if (d.voided_at) events.push({ at: d.voided_at, kind: 'aid-voided', arrivalId: d.arrival_id, detail: { type, reason: d.void_reason } });
  }
  const belongings = ctx.db
    .prepare('SELECT tag_number, description, received_at, returned_at FROM belongings WHERE person_id = ? AND deleted_at IS NULL')
    .all(personId) as { tag_number: string; description: string; received_at: string; returned_at: string | null }[];
  for (const b of belongings) {
    events.push({ at: b.received_at, kind: 'belongings-received', arrivalId: null, detail: { tag: b.tag_number, description: b.description } });
    if (b.returned_at) events.push({ at: b.returned_at, kind: 'belongings-returned', arrivalId: null, detail: { tag: b.tag_number, description: b.description } });
  }
  const merges = ctx.db.prepare('SELECT * FROM person_merges WHERE target_id = ? OR source_id = ?').all(personId, personId) as Record<string, string | null>[];
  for (const m of merges) {
    events.push({ at: m.created_at!, kind: 'merged', arrivalId: null, detail: { mergeId: m.id, sourceId: m.source_id, targetId: m.target_id, reason: m.reason } });
    if (m.undone_at) events.push({ at: m.undone_at, kind: 'unmerged', arrivalId: null, detail: { mergeId: m.id } });
  }
  return events.sort((a, b) => b.at.localeCompare(a.at));
}
