import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Core } from '../../core/context';
import { openCore } from '../../core/core';
import { LATEST_VERSION } from '../../core/db/migrations';
import type { Database } from '../../core/db/driver';
import { callAs } from '../../core/testing/fixtures';
import { addDays } from '../../core/time';
import { benchCentre } from './centre';
import { percentile, type BenchRow } from './table';

/**
 * Issue 19: the daily summary at a national centre's lifetime of data — PERSONS persons (a
 * million) and ten events each (a check-in, a screening, eight deliveries: ten million), over
 * a thousand days of eight arrivals — for one day and for a month, p95, against the plain way:
 * GROUP BY queries over the raw tables, the arrivals picked by their date (indexed) and what is
 * stamped with an instant by the centre's calendar day of the row (`date(delivered_at, '-6
 * hours')`), as one would first write them.
 *
 * The data are written with INSERT … SELECT from a counting CTE (ten million rows through
 * JavaScript would take the bench longer than the measurement), and the database is kept in the
 * temporary folder between runs, named by size and schema version: delete it to rebuild.
 */
const PERSONS = Number(process.env.ACOGIDA_BENCH_SUMMARY_PERSONS ?? 1_000_000);
const PER_ARRIVAL = 125;
const ARRIVALS_PER_DAY = 8;
const DELIVERIES_PER_STAY = 8;
const FIRST_DAY = '2024-03-01';
const DAYS = Math.ceil(PERSONS / (PER_ARRIVAL * ARRIVALS_PER_DAY));
const RUNS = 20;
const MANAGER = ['manager'] as const;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Fills the centre with the lifetime of data, in the centre's own tables. */
function fill(db: Database, centreId: string): void {
  const types = db.prepare('SELECT id FROM aid_types WHERE centre_id = ? ORDER BY code').pluck().all(centreId) as string[];
  const stamp = `'${centreId}', '2024-03-01T12:00:00.000Z', '2024-03-01T12:00:00.000Z', printf('%013d-0000-bench', n), 'bench'`;
  const counter = (count: number) => `WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n + 1 < ${count})`;
  const arrivals = DAYS * ARRIVALS_PER_DAY;
  db.exec('PRAGMA cache_size = -400000');
  db.transaction(() => {
    db.exec(`${counter(arrivals)}
      INSERT INTO arrivals (id, centre_id, created_at, updated_at, hlc, origin, kind, route, origin_country, arrival_date, reference, closed_at)
      SELECT printf('a%07d', n), ${stamp}, CASE WHEN n % 8 < 6 THEN 'flight' ELSE 'bus' END, CASE WHEN n % 8 < 6 THEN 'air' ELSE 'land' END,
        CASE WHEN n % 8 < 6 THEN 'USA' ELSE 'MEX' END, date('${FIRST_DAY}', '+' || (n / ${ARRIVALS_PER_DAY}) || ' days'), 'B ' || n, '2024-03-01T23:00:00.000Z' FROM c`);
    db.exec(`${counter(PERSONS)}
      INSERT INTO persons (id, centre_id, created_at, updated_at, hlc, origin, case_number, given_names, first_surname, sex, birth_date, nationality,
        origin_department, languages, interpreter_needed, disabilities)
      SELECT printf('p%08d', n), ${stamp}, printf('B-%08d', n), 'Persona', 'Banco ' || n, CASE WHEN n % 3 = 0 THEN 'F' ELSE 'M' END,
        CASE WHEN n % 25 = 0 THEN NULL WHEN n % 9 = 0 THEN (2008 + n % 14) || '-0' || (1 + n % 9) || '-15' ELSE (1960 + n % 45) || '-0' || (1 + n % 9) || '-15' END,
        'GTM', 'Dept ' || (n % 22), CASE WHEN n % 40 = 0 THEN '["kek","es"]' ELSE '["es"]' END, n % 40 = 0,
        CASE WHEN n % 97 = 0 THEN '["physical"]' WHEN n % 151 = 0 THEN '["visual"]' ELSE '[]' END FROM c`);
    // One stay per person; one in twenty is a returnee's second stay (the person of 50,000 stays before).
    db.exec(`${counter(PERSONS)}
      INSERT INTO person_arrivals (id, centre_id, created_at, updated_at, hlc, origin, person_id, arrival_id, status, source, group_type, family_group, ticket_code, checked_in_at)
      SELECT printf('s%08d', n), ${stamp}, printf('p%08d', CASE WHEN n % 20 = 0 AND n >= 50000 THEN n - 50000 ELSE n END), printf('a%07d', n / ${PER_ARRIVAL}),
        CASE WHEN n % 19 = 0 THEN 'no_show' ELSE 'arrived' END, 'manifest',
        CASE WHEN n % 31 = 0 THEN 'unaccompanied_minor' WHEN n % 7 < 2 THEN 'family' ELSE 'alone' END,
        CASE WHEN n % 7 < 2 THEN 'f' || (n / 3) END, printf('T%08d', n), '2024-03-01T16:00:00.000Z' FROM c`);
    db.exec(`${counter(PERSONS)}
      INSERT INTO screenings (id, centre_id, created_at, updated_at, hlc, origin, person_id, person_arrival_id, sequence, instrument, rules_version, answers,
        indicators, level, reasons, deadline_at, screened_by, screened_at)
      SELECT printf('r%08d', n), ${stamp}, printf('p%08d', n), printf('s%08d', n), 1, 'bench', 1, '{}', '[]',
        CASE WHEN n % 17 = 0 THEN 'red' WHEN n % 5 = 0 THEN 'yellow' ELSE 'green' END, '[]',
        strftime('%Y-%m-%dT%H:%M:%fZ', date('${FIRST_DAY}', '+' || (n / ${PER_ARRIVAL * ARRIVALS_PER_DAY}) || ' days'), '+40 hours'), 'bench',
        strftime('%Y-%m-%dT%H:%M:%fZ', date('${FIRST_DAY}', '+' || (n / ${PER_ARRIVAL * ARRIVALS_PER_DAY}) || ' days'), '+17 hours') FROM c WHERE n % 19 <> 0`);
    db.exec(`${counter(PERSONS)}
      INSERT INTO alert_checks (id, centre_id, created_at, updated_at, hlc, origin, person_id, trigger, candidates, flagged)
      SELECT printf('k%08d', n), ${stamp}, printf('p%08d', n), 'registration', 0, 0 FROM c`);
    const typeList = `json('${JSON.stringify(types)}')`;
    db.exec(`${counter(PERSONS * DELIVERIES_PER_STAY)}
      INSERT INTO aid_deliveries (id, centre_id, created_at, updated_at, hlc, origin, person_id, person_arrival_id, type_id, quantity, delivered_by, delivered_at)
      SELECT printf('d%09d', n), ${stamp}, printf('p%08d', n / ${DELIVERIES_PER_STAY}), printf('s%08d', n / ${DELIVERIES_PER_STAY}),
        json_extract(${typeList}, '$[' || ((n % ${DELIVERIES_PER_STAY}) % ${types.length}) || ']'), 1, 'bench',
        strftime('%Y-%m-%dT%H:%M:%fZ', date('${FIRST_DAY}', '+' || (n / ${DELIVERIES_PER_STAY * PER_ARRIVAL * ARRIVALS_PER_DAY}) || ' days'), '+' || (16 + (n % 480) / 60) || ' hours')
      FROM c`);
    db.prepare("INSERT INTO local_meta (key, value) VALUES ('bench_summary', ?)").run(String(PERSONS));
  })();
  db.exec('ANALYZE');
}

/** The plain way: GROUP BY over the raw tables, the period chosen by each row's calendar day in the centre. */
function plainGroupBy(db: Database, from: string, to: string): unknown {
  const stays = `FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id JOIN persons p ON p.id = pa.person_id
    WHERE a.arrival_date BETWEEN ? AND ? AND pa.status = 'arrived'`;
  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
  return {
    arrivals: q("SELECT route, origin_country, count(*) FROM arrivals WHERE arrival_date BETWEEN ? AND ? GROUP BY 1, 2", from, to),
    sex: q(`SELECT p.sex, count(*) ${stays} GROUP BY p.sex`, from, to),
    age: q(`SELECT CASE WHEN p.birth_date IS NULL THEN 'unknown' WHEN CAST(substr(a.arrival_date, 1, 4) AS INT) - CAST(substr(p.birth_date, 1, 4) AS INT) <= 12 THEN '0-12'
      WHEN CAST(substr(a.arrival_date, 1, 4) AS INT) - CAST(substr(p.birth_date, 1, 4) AS INT) <= 17 THEN '13-17' WHEN CAST(substr(a.arrival_date, 1, 4) AS INT) - CAST(substr(p.birth_date, 1, 4) AS INT) < 60 THEN '18-59' ELSE '60+' END,
      count(*) ${stays} GROUP BY 1`, from, to),
    groups: q(`SELECT pa.group_type, count(*), count(DISTINCT pa.family_group) ${stays} GROUP BY 1`, from, to),
    expected: q("SELECT pa.status, count(*) FROM person_arrivals pa JOIN arrivals a ON a.id = pa.arrival_id WHERE a.arrival_date BETWEEN ? AND ? GROUP BY 1", from, to),
    screening: q(`SELECT s.level, count(*) FROM screenings s JOIN person_arrivals pa ON pa.id = s.person_arrival_id JOIN arrivals a ON a.id = pa.arrival_id
      WHERE a.arrival_date BETWEEN ? AND ? GROUP BY 1`, from, to),
    alerts: q(`SELECT count(DISTINCT k.person_id) FROM alert_checks k JOIN person_arrivals pa ON pa.person_id = k.person_id JOIN arrivals a ON a.id = pa.arrival_id
      WHERE a.arrival_date BETWEEN ? AND ?`, from, to),
    delivered: q(`SELECT t.code, sum(d.quantity) FROM aid_deliveries d JOIN aid_types t ON t.id = d.type_id
      WHERE date(d.delivered_at, '-6 hours') BETWEEN ? AND ? AND d.voided_at IS NULL GROUP BY 1`, from, to),
    referrals: q("SELECT status, count(*) FROM referrals WHERE date(created_at, '-6 hours') BETWEEN ? AND ? GROUP BY 1", from, to),
  };
}

async function centreWithHistory(): Promise<{ core: Core; built: number | null }> {
  const file = path.join(os.tmpdir(), `acogida-bench-summary-${PERSONS}-v${LATEST_VERSION}.db`);
  if (fs.existsSync(file)) {
    const core = openCore(file);
    if (core.db.prepare("SELECT value FROM local_meta WHERE key = 'bench_summary'").pluck().get() === String(PERSONS)) return { core, built: null };
    core.db.close();
  }
  for (const f of fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(path.basename(file)))) fs.rmSync(path.join(os.tmpdir(), f), { force: true });
  const core = await benchCentre(file);
  const start = performance.now();
  fill(core.db, core.identity!.centreId);
  return { core, built: performance.now() - start };
}

export async function benchSummary(): Promise<BenchRow[]> {
  const { core, built } = await centreWithHistory();
  try {
    const timed = async (body: () => unknown) => {
      const start = performance.now();
      await body();
      return performance.now() - start;
    };
    const last = addDays(FIRST_DAY, DAYS - 1);
    const days = Array.from({ length: RUNS }, (_, i) => addDays(last, -37 * i));
    const received = (await callAs(core, MANAGER, 'summary.daily', { from: days[0]! })).persons.received;
    const day: number[] = [];
    const dayPlain: number[] = [];
    for (const d of days) {
      day.push(await timed(() => callAs(core, MANAGER, 'summary.daily', { from: d })));
      dayPlain.push(await timed(() => plainGroupBy(core.db, d, d)));
    }
    const month: number[] = [];
    const monthPlain: number[] = [];
    for (const d of days.slice(0, 5)) {
      month.push(await timed(() => callAs(core, MANAGER, 'summary.daily', { from: addDays(d, -29), to: d })));
      monthPlain.push(await timed(() => plainGroupBy(core.db, addDays(d, -29), d)));
    }
    const [p95Day, p95DayPlain, p95Month, p95MonthPlain] = [percentile(day, 95), percentile(dayPlain, 95), percentile(month, 95), percentile(monthPlain, 95)];
    const size = `${(PERSONS / 1e6).toLocaleString('en')}M persons, ${((PERSONS * (2 + DELIVERIES_PER_STAY)) / 1e6).toLocaleString('en')}M events`;
    return [
      {
        benchmark: `summary.daily for one day (${received} received) at ${size}, p95 of ${RUNS}${built === null ? '' : `; data written in ${(built / 1000).toFixed(0)} s`}`,
        result: ms(p95Day),
        comparison: `plain GROUP BY by calendar day: ${ms(p95DayPlain)} (${(p95DayPlain / p95Day).toFixed(0)}× slower)`,
        target: '≤ 300 ms',
        pass: p95Day <= 300,
      },
      {
        benchmark: `summary.daily for a month (30 days) at ${size}, p95 of 5`,
        result: ms(p95Month),
        comparison: `plain GROUP BY by calendar day: ${ms(p95MonthPlain)} (${(p95MonthPlain / p95Month).toFixed(1)}×)`,
        target: '—',
        pass: null,
      },
    ];
  } finally {
    core.db.close();
  }
}
