import type { ClientBase } from 'pg';
import { ERASED_TEXT, ERASURE_RULES } from '../domains/erasure/spec';
import { AppError } from '../errors';

/**
 * The upstream's schema: PostgreSQL (>= 15), numbered migrations tracked in
 * `acogida.schema_migrations`, applied by `acogida upstream migrate` as the server's administrator.
 *
 * Layout (why each table is keyed the way it is):
 *
 * - Every table has `centre_id` as the first column of its primary key. A national server that
 *   outgrows one machine is distributed by centre (Citus `create_distributed_table(..., 'centre_id')`,
 *   or one server per region) without changing a key: every query a desk makes names its centre,
 *   and no row ever refers across centres.
 * - `change_log` is the history: every change every workstation pushed, append-only, numbered by
 *   a per-centre sequence (`seq`) that `centre_sequences` hands out under a row lock, so the order
 *   changes commit in is the order of their numbers, and a desk that pulls "after 10" can never
 *   see 12 while 11 is still to commit (electron/core/sync/push.ts).
 * - `current_rows` is the current state of every replicated table, merged per field by HLC as the
 *   desks merge (the national office reads this, not the history). Kept by a trigger on the
 *   change log, so no client can write a state that the history does not explain.
 * - `workstations` and `audit_entries`/`audit_heads`: each desk's audit chain, checked on arrival
 *   (each pushed segment must continue the head), so a desk that rewrites its local log after
 *   a push is found out by `acogida audit verify --upstream`.
 *
 * Security: one login role per centre (member of `acogida_centre`), a read-only `acogida_national`
 * role that reads a person's records only with that person's consent to replication (migration
 * 2); row-level security ENABLED and FORCED on every table; the centre roles have no UPDATE or
 * DELETE grant on the change log or the audit entries at all.
 */
export interface UpstreamMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Issue 19, the national summary: the facts the daily summary is made of
 * (electron/core/domains/summary/facts.ts), computed over `current_rows` for one centre and
 * period. Counts and opaque keys only, never a name, document or birth date: that is why they may
 * count every person, including those who did not consent to replication (whose records the
 * national role cannot read) and clinical records (counted, never opened). A centre's login may
 * summarise only its own centre; the national role any. Dates and instants are compared as text
 * in the "C" collation, as SQLite compares them on the desks.
 */
const SUMMARY_FACTS_SQL = `
  CREATE FUNCTION acogida.summary_check(c uuid) RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = acogida, pg_temp AS $$
  BEGIN
    IF NOT (pg_has_role(session_user, 'acogida_national', 'MEMBER') OR c = acogida.my_centre()) THEN
      RAISE EXCEPTION 'acogida: this login may not summarise centre %', c USING ERRCODE = '42501';
    END IF;
  END $$;

  -- The alive rows of one table of one centre.
  CREATE FUNCTION acogida.alive(c uuid, t text) RETURNS TABLE (id uuid, d jsonb) LANGUAGE sql STABLE
    SET search_path = acogida, pg_temp
    AS $$ SELECT row_id, data FROM acogida.current_rows WHERE centre_id = c AND table_name = t AND data ->> 'deleted_at' IS NULL $$;

  CREATE FUNCTION acogida.summary_centre(c uuid) RETURNS TABLE (name text, time_zone text) LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY SELECT k.name, coalesce((SELECT r.data ->> 'time_zone' FROM acogida.current_rows r
      WHERE r.centre_id = c AND r.table_name = 'centres' AND r.row_id = c), 'UTC') FROM acogida.centres k WHERE k.centre_id = c;
  END $$;

  CREATE FUNCTION acogida.summary_arrivals(c uuid, d_from text, d_to text) RETURNS TABLE (route text, origin text, n bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY SELECT a.d ->> 'route', a.d ->> 'origin_country', count(*) FROM acogida.alive(c, 'arrivals') a
      WHERE (a.d ->> 'arrival_date') COLLATE "C" BETWEEN d_from AND d_to GROUP BY 1, 2;
  END $$;

  -- A column the desk left to its SQLite default is absent from the row's data: the same
  -- defaults are applied here (languages and disabilities '[]', interpreter 0, group 'alone').
  -- Every stay on the period's arrivals: its facts, the person's (age on the day of arrival as
  -- partial-date.ts ageAt computes it), earlier stays, and the latest screening after overrides.
  CREATE FUNCTION acogida.summary_stays(c uuid, d_from text, d_to text)
    RETURNS TABLE (status text, source text, group_type text, family_key text, sex text, age integer, languages text,
                   interpreter_needed integer, disabilities text, earlier_stays integer, level text, deadline_at text, attended boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY
    WITH arr AS (SELECT a.id, a.d ->> 'arrival_date' AS day FROM acogida.alive(c, 'arrivals') a
                 WHERE (a.d ->> 'arrival_date') COLLATE "C" BETWEEN d_from AND d_to),
    stay AS (SELECT s.id, s.d, arr.day FROM acogida.alive(c, 'person_arrivals') s JOIN arr ON arr.id = (s.d ->> 'arrival_id')::uuid),
    person AS (SELECT p.id, p.d FROM acogida.alive(c, 'persons') p WHERE p.id IN (SELECT (stay.d ->> 'person_id')::uuid FROM stay)),
    earlier AS (SELECT e.d ->> 'person_id' AS person_id, ea.data ->> 'arrival_date' AS day
                FROM acogida.alive(c, 'person_arrivals') e
                JOIN acogida.current_rows ea ON ea.centre_id = c AND ea.table_name = 'arrivals' AND ea.row_id = (e.d ->> 'arrival_id')::uuid
                WHERE e.d ->> 'status' = 'arrived' AND e.d ->> 'person_id' IN (SELECT stay.d ->> 'person_id' FROM stay)),
    latest AS (SELECT DISTINCT ON (x.d ->> 'person_arrival_id') x.d ->> 'person_arrival_id' AS stay_id, x.id, x.d
               FROM acogida.alive(c, 'screenings') x WHERE x.d ->> 'person_arrival_id' IN (SELECT stay.id::text FROM stay)
               ORDER BY x.d ->> 'person_arrival_id', (x.d ->> 'screened_at') COLLATE "C" DESC),
    override AS (SELECT DISTINCT ON (o.d ->> 'screening_id') o.d ->> 'screening_id' AS screening_id, o.d
                 FROM acogida.alive(c, 'screening_overrides') o WHERE o.d ->> 'screening_id' IN (SELECT latest.id::text FROM latest)
                 ORDER BY o.d ->> 'screening_id', (o.d ->> 'decided_at') COLLATE "C" DESC),
    attended AS (SELECT DISTINCT t.d ->> 'screening_id' AS screening_id FROM acogida.alive(c, 'screening_attentions') t
                 WHERE t.d ->> 'screening_id' IN (SELECT latest.id::text FROM latest))
    SELECT stay.d ->> 'status', stay.d ->> 'source', coalesce(stay.d ->> 'group_type', 'alone'), coalesce(stay.d ->> 'family_group', stay.id::text),
      person.d ->> 'sex',
      CASE WHEN person.d ->> 'birth_date' IS NULL THEN NULL
           ELSE substr(stay.day, 1, 4)::int - substr(person.d ->> 'birth_date', 1, 4)::int
             - CASE WHEN length(person.d ->> 'birth_date') = 10 AND substr(stay.day, 6) COLLATE "C" < substr(person.d ->> 'birth_date', 6) THEN 1 ELSE 0 END END,
      coalesce(person.d ->> 'languages', '[]'), coalesce((person.d ->> 'interpreter_needed')::int, 0), coalesce(person.d ->> 'disabilities', '[]'),
      (SELECT count(*)::int FROM earlier WHERE earlier.person_id = stay.d ->> 'person_id' AND earlier.day COLLATE "C" < stay.day),
      coalesce(override.d ->> 'to_level', latest.d ->> 'level'), coalesce(override.d ->> 'deadline_at', latest.d ->> 'deadline_at'),
      attended.screening_id IS NOT NULL
    FROM stay JOIN person ON person.id = (stay.d ->> 'person_id')::uuid
      LEFT JOIN latest ON latest.stay_id = stay.id::text
      LEFT JOIN override ON override.screening_id = latest.id::text
      LEFT JOIN attended ON attended.screening_id = latest.id::text;
  END $$;

  -- Of the persons received in the period: how many were checked, and their matches by status.
  CREATE FUNCTION acogida.summary_alerts(c uuid, d_from text, d_to text)
    RETURNS TABLE (checked bigint, pending bigint, confirmed bigint, dismissed bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY
    WITH received AS (SELECT DISTINCT s.d ->> 'person_id' AS person_id FROM acogida.alive(c, 'person_arrivals') s
                      JOIN acogida.alive(c, 'arrivals') a ON a.id = (s.d ->> 'arrival_id')::uuid
                      JOIN acogida.alive(c, 'persons') p ON p.id = (s.d ->> 'person_id')::uuid
                      WHERE s.d ->> 'status' = 'arrived' AND (a.d ->> 'arrival_date') COLLATE "C" BETWEEN d_from AND d_to),
    matches AS (SELECT m.d ->> 'status' AS status, m.d ->> 'person_id' AS person_id FROM acogida.alive(c, 'alert_matches') m
                WHERE m.d ->> 'person_id' IN (SELECT person_id FROM received))
    SELECT (SELECT count(DISTINCT k.d ->> 'person_id') FROM acogida.alive(c, 'alert_checks') k WHERE k.d ->> 'person_id' IN (SELECT person_id FROM received)),
      (SELECT count(DISTINCT person_id) FROM matches WHERE status = 'pending'),
      (SELECT count(DISTINCT person_id) FROM matches WHERE status = 'confirmed'),
      (SELECT count(DISTINCT person_id) FROM matches WHERE status = 'dismissed');
  END $$;

  CREATE FUNCTION acogida.summary_delivered(c uuid, t_start text, t_end text) RETURNS TABLE (code text, n bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY SELECT t.data ->> 'code', sum((d.d ->> 'quantity')::bigint)::bigint FROM acogida.alive(c, 'aid_deliveries') d
      JOIN acogida.current_rows t ON t.centre_id = c AND t.table_name = 'aid_types' AND t.row_id = (d.d ->> 'type_id')::uuid
      WHERE d.d ->> 'voided_at' IS NULL AND (d.d ->> 'delivered_at') COLLATE "C" >= t_start AND (d.d ->> 'delivered_at') COLLATE "C" < t_end
      GROUP BY 1 ORDER BY 1;
  END $$;

  -- Stock types whose balance (the sum of their ledger) is below their threshold.
  CREATE FUNCTION acogida.summary_low_stock(c uuid) RETURNS TABLE (code text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY SELECT t.d ->> 'code' FROM acogida.alive(c, 'aid_types') t
      WHERE coalesce((t.d ->> 'active')::int, 1) = 1 AND (t.d ->> 'uses_stock')::int = 1 AND t.d ->> 'low_stock' IS NOT NULL
        AND coalesce((SELECT sum((m.data ->> 'quantity')::bigint) FROM acogida.current_rows m
             WHERE m.centre_id = c AND m.table_name = 'stock_movements' AND m.data ->> 'type_id' = t.id::text), 0) < (t.d ->> 'low_stock')::bigint
      ORDER BY (t.d ->> 'code') COLLATE "C";
  END $$;

  -- Care in counts: the records' kinds and times, never their sealed content.
  CREATE FUNCTION acogida.summary_care(c uuid, t_start text, t_end text) RETURNS TABLE (pfa bigint, sessions bigint, medical bigint, flags bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY
    WITH r AS (SELECT x.d ->> 'service' AS service, x.d ->> 'kind' AS kind FROM acogida.alive(c, 'care_records') x
               WHERE (x.d ->> 'held_at') COLLATE "C" >= t_start AND (x.d ->> 'held_at') COLLATE "C" < t_end)
    SELECT count(*) FILTER (WHERE kind = 'pfa'), count(*) FILTER (WHERE service = 'psychology' AND kind <> 'pfa'),
      count(*) FILTER (WHERE service = 'medical'),
      (SELECT count(*) FROM acogida.alive(c, 'care_risk_flags') f WHERE (f.d ->> 'raised_at') COLLATE "C" >= t_start AND (f.d ->> 'raised_at') COLLATE "C" < t_end)
    FROM r;
  END $$;

  CREATE FUNCTION acogida.summary_referrals(c uuid, t_start text, t_end text, t_now text) RETURNS TABLE (status text, code text, overdue boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM acogida.summary_check(c);
    RETURN QUERY SELECT r.d ->> 'status', i.data ->> 'code', (r.d ->> 'status' = 'created' AND (r.d ->> 'deadline_at') COLLATE "C" < t_now)
      FROM acogida.alive(c, 'referrals') r
      JOIN acogida.current_rows i ON i.centre_id = c AND i.table_name = 'institutions' AND i.row_id = (r.d ->> 'institution_id')::uuid
      WHERE (r.d ->> 'created_at') COLLATE "C" >= t_start AND (r.d ->> 'created_at') COLLATE "C" < t_end;
  END $$;

  REVOKE ALL ON FUNCTION acogida.summary_check(uuid), acogida.alive(uuid, text) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION acogida.summary_centre(uuid), acogida.summary_arrivals(uuid, text, text), acogida.summary_stays(uuid, text, text),
    acogida.summary_alerts(uuid, text, text), acogida.summary_delivered(uuid, text, text), acogida.summary_low_stock(uuid),
    acogida.summary_care(uuid, text, text), acogida.summary_referrals(uuid, text, text, text) TO acogida_centre, acogida_national;
`;

/**
 * Issue 20, erasure: when a desk's `erasures` row arrives, the server erases the same columns
 * (domains/erasure/spec.ts, embedded here as it stood when this migration was written) in the
 * current state and in every change of the history that carries them, and keeps doing so for
 * rows of that person that arrive later. The history stays append-only for everything else:
 * only this function, with the transaction-local flag it sets, may rewrite a payload.
 */
const ERASURE_SQL = `
  CREATE FUNCTION acogida.erasure_rules() RETURNS jsonb LANGUAGE sql IMMUTABLE
    AS $$ SELECT '${JSON.stringify(ERASURE_RULES).replace(/'/g, "''")}'::jsonb $$;

  CREATE FUNCTION acogida.scrub_data(d jsonb, cols jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE k text; v text; out jsonb := d;
  BEGIN
    FOR k, v IN SELECT key, value #>> '{}' FROM jsonb_each(cols) LOOP
      IF out ? k THEN
        out := jsonb_set(out, ARRAY[k], CASE v
          WHEN 'blank' THEN to_jsonb('${ERASED_TEXT}'::text)
          WHEN 'null' THEN 'null'::jsonb
          WHEN 'year' THEN CASE WHEN out ->> k IS NULL THEN 'null'::jsonb ELSE to_jsonb(substr(out ->> k, 1, 4)) END
          WHEN 'json' THEN to_jsonb('{}'::text)
          ELSE to_jsonb(''::text) END);
      END IF;
    END LOOP;
    RETURN out;
  END $$;

  -- The rows of one person in one centre that the rules name, with the columns to erase.
  CREATE FUNCTION acogida.erasable_rows(c uuid, p text) RETURNS TABLE (table_name text, row_id uuid, cols jsonb)
    LANGUAGE sql STABLE SET search_path = acogida, pg_temp AS $$
    SELECT r.table_name, r.row_id, rule -> 'columns'
      FROM jsonb_array_elements(acogida.erasure_rules()) rule
      JOIN acogida.current_rows r ON r.centre_id = c AND r.table_name = rule ->> 'table'
     WHERE (rule -> 'via' ->> 'kind' = 'self' AND r.row_id::text = p)
        OR (rule -> 'via' ->> 'kind' = 'person' AND r.data ->> 'person_id' = p)
        OR (rule -> 'via' ->> 'kind' = 'parent' AND r.data ->> (rule -> 'via' ->> 'column') IN (
              SELECT q.row_id::text FROM acogida.current_rows q
               WHERE q.centre_id = c AND q.table_name = rule -> 'via' ->> 'parent' AND q.data ->> 'person_id' = p))
  $$;

  CREATE FUNCTION acogida.erase_person(c uuid, p text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = acogida, pg_temp AS $$
  BEGIN
    PERFORM set_config('acogida.erasing', 'on', true);
    UPDATE acogida.current_rows r SET data = acogida.scrub_data(r.data, x.cols)
      FROM acogida.erasable_rows(c, p) x WHERE r.centre_id = c AND r.table_name = x.table_name AND r.row_id = x.row_id;
    UPDATE acogida.change_log l SET payload = acogida.scrub_data(l.payload, x.cols)
      FROM acogida.erasable_rows(c, p) x WHERE l.centre_id = c AND l.table_name = x.table_name AND l.row_id = x.row_id;
    PERFORM set_config('acogida.erasing', 'off', true);
  END $$;
  REVOKE ALL ON FUNCTION acogida.erase_person(uuid, text) FROM PUBLIC;

  -- After each push: the persons erased in it, and the erased persons it brought rows of.
  CREATE FUNCTION acogida.erase_after_push() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = acogida, pg_temp AS $$
  DECLARE e record;
  BEGIN
    FOR e IN
      SELECT DISTINCT x.centre_id, x.person_id FROM (
        SELECT n.centre_id, n.payload ->> 'person_id' AS person_id FROM new_changes n WHERE n.table_name = 'erasures'
        UNION
        SELECT n.centre_id, coalesce(n.payload ->> 'person_id', CASE WHEN n.table_name = 'persons' THEN n.row_id::text END,
                 (SELECT q.data ->> 'person_id' FROM acogida.current_rows q, jsonb_array_elements(acogida.erasure_rules()) rule
                   WHERE rule ->> 'table' = n.table_name AND rule -> 'via' ->> 'kind' = 'parent' AND q.centre_id = n.centre_id
                     AND q.table_name = rule -> 'via' ->> 'parent' AND q.row_id::text = n.payload ->> (rule -> 'via' ->> 'column') LIMIT 1))
          FROM new_changes n WHERE n.table_name <> 'erasures'
      ) x
      WHERE x.person_id IS NOT NULL AND EXISTS (SELECT 1 FROM acogida.current_rows k
        WHERE k.centre_id = x.centre_id AND k.table_name = 'erasures' AND k.data ->> 'person_id' = x.person_id)
    LOOP
      PERFORM acogida.erase_person(e.centre_id, e.person_id);
    END LOOP;
    RETURN NULL;
  END $$;
  -- Named to fire after change_log_current (statement triggers fire in name order).
  CREATE TRIGGER change_log_erasure AFTER INSERT ON acogida.change_log
    REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION acogida.erase_after_push();

  -- The history stays append-only, but for an erasure's rewrite of payloads.
  CREATE FUNCTION acogida.refuse_change_unless_erasing() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('acogida.erasing', true) = 'on'
       AND (NEW.centre_id, NEW.seq, NEW.change_id, NEW.origin, NEW.table_name, NEW.row_id, NEW.op, NEW.hlc) IS NOT DISTINCT FROM
           (OLD.centre_id, OLD.seq, OLD.change_id, OLD.origin, OLD.table_name, OLD.row_id, OLD.op, OLD.hlc) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
  END $$;
  DROP TRIGGER change_log_append_only ON acogida.change_log;
  CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON acogida.change_log
    FOR EACH ROW EXECUTE FUNCTION acogida.refuse_change_unless_erasing();
`;

const TABLES = ['centres', 'centre_sequences', 'workstations', 'change_log', 'current_rows', 'audit_entries', 'audit_heads'] as const;

export const UPSTREAM_MIGRATIONS: readonly UpstreamMigration[] = [
  {
    version: 1,
    name: 'change-log-and-state',
    sql: `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'acogida_centre') THEN CREATE ROLE acogida_centre NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'acogida_national') THEN CREATE ROLE acogida_national NOLOGIN; END IF;
      END $$;
      GRANT USAGE ON SCHEMA acogida TO acogida_centre, acogida_national;

      CREATE TABLE acogida.centres (
        centre_id uuid PRIMARY KEY,
        name text NOT NULL,
        country text NOT NULL,
        role_name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE acogida.centre_sequences (
        centre_id uuid PRIMARY KEY REFERENCES acogida.centres,
        last_seq bigint NOT NULL DEFAULT 0
      );

      CREATE TABLE acogida.workstations (
        centre_id uuid NOT NULL REFERENCES acogida.centres,
        workstation_id uuid NOT NULL,
        name text NOT NULL,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (centre_id, workstation_id)
      );

      CREATE TABLE acogida.change_log (
        centre_id uuid NOT NULL REFERENCES acogida.centres,
        seq bigint NOT NULL,
        change_id uuid NOT NULL,
        origin uuid NOT NULL,
        table_name text NOT NULL,
        row_id uuid NOT NULL,
        op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        hlc text NOT NULL,
        payload jsonb NOT NULL,
        base jsonb,
        created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (centre_id, seq),
        UNIQUE (centre_id, change_id)
      );

      CREATE TABLE acogida.current_rows (
        centre_id uuid NOT NULL REFERENCES acogida.centres,
        table_name text NOT NULL,
        row_id uuid NOT NULL,
        data jsonb NOT NULL,
        versions jsonb NOT NULL DEFAULT '{}',
        hlc text NOT NULL,
        last_seq bigint NOT NULL,
        PRIMARY KEY (centre_id, table_name, row_id)
      );

      CREATE TABLE acogida.audit_entries (
        centre_id uuid NOT NULL REFERENCES acogida.centres,
        workstation_id uuid NOT NULL,
        seq bigint NOT NULL,
        entry jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (centre_id, workstation_id, seq)
      );

      CREATE TABLE acogida.audit_heads (
        centre_id uuid NOT NULL REFERENCES acogida.centres,
        workstation_id uuid NOT NULL,
        seq bigint NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (centre_id, workstation_id)
      );

      -- The centre of the role that is connected (NULL for any other role).
      CREATE FUNCTION acogida.my_centre() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = acogida, pg_temp
        AS $$ SELECT centre_id FROM acogida.centres WHERE role_name = session_user $$;

      -- The current state follows the history: each change merged per field by HLC, as the desks
      -- merge it (electron/core/sync/apply.ts). An insert creates the row once; an edit sets each
      -- of its fields whose version is older, and says the row is alive (deleted_at) at its HLC.
      CREATE FUNCTION acogida.apply_to_current() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = acogida, pg_temp AS $$
      DECLARE
        c record; d jsonb; v jsonb; k text; found_row boolean;
      BEGIN
        FOR c IN SELECT * FROM new_changes ORDER BY seq LOOP
          SELECT data, versions INTO d, v FROM acogida.current_rows
            WHERE centre_id = c.centre_id AND table_name = c.table_name AND row_id = c.row_id FOR UPDATE;
          found_row := FOUND;
          IF NOT found_row THEN
            IF c.op = 'insert' THEN
              INSERT INTO acogida.current_rows VALUES (c.centre_id, c.table_name, c.row_id, c.payload, '{}', c.hlc, c.seq);
            ELSE
              v := '{}';
              FOR k IN SELECT jsonb_object_keys(c.payload || '{"deleted_at": null}'::jsonb) LOOP
                v := v || jsonb_build_object(k, c.hlc);
              END LOOP;
              INSERT INTO acogida.current_rows VALUES (c.centre_id, c.table_name, c.row_id,
                '{"deleted_at": null}'::jsonb || c.payload, v, c.hlc, c.seq);
            END IF;
          ELSIF c.op <> 'insert' THEN
            FOR k IN SELECT jsonb_object_keys(c.payload || '{"deleted_at": null}'::jsonb) LOOP
              IF c.hlc > coalesce(v ->> k, '') THEN
                d := d || jsonb_build_object(k, coalesce(c.payload -> k, 'null'::jsonb));
                v := v || jsonb_build_object(k, c.hlc);
              END IF;
            END LOOP;
            UPDATE acogida.current_rows SET data = d, versions = v, hlc = greatest(hlc, c.hlc), last_seq = c.seq
              WHERE centre_id = c.centre_id AND table_name = c.table_name AND row_id = c.row_id;
          END IF;
        END LOOP;
        RETURN NULL;
      END $$;
      CREATE TRIGGER change_log_current AFTER INSERT ON acogida.change_log
        REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION acogida.apply_to_current();

      -- Nothing in the history is ever changed or removed, not even by the server's owner.
      CREATE FUNCTION acogida.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
      CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON acogida.change_log
        FOR EACH ROW EXECUTE FUNCTION acogida.refuse_change();
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON acogida.audit_entries
        FOR EACH ROW EXECUTE FUNCTION acogida.refuse_change();

      -- Each pushed audit entry must continue the workstation's chain: the next number, and the
      -- hash of the entry before it. The head moves with it (no client writes it).
      CREATE FUNCTION acogida.check_audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = acogida, pg_temp AS $$
      DECLARE head record;
      BEGIN
        SELECT seq, hash INTO head FROM acogida.audit_heads
          WHERE centre_id = NEW.centre_id AND workstation_id = NEW.workstation_id FOR UPDATE;
        IF FOUND THEN
          -- The same entry sent again (its acknowledgement was lost): nothing to do.
          IF NEW.seq <= head.seq AND EXISTS (SELECT 1 FROM acogida.audit_entries WHERE centre_id = NEW.centre_id
               AND workstation_id = NEW.workstation_id AND seq = NEW.seq AND hash = NEW.hash) THEN
            RETURN NULL;
          END IF;
          IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
            RAISE EXCEPTION 'audit chain broken at % (head %)', NEW.seq, head.seq USING ERRCODE = 'P0001';
          END IF;
          UPDATE acogida.audit_heads SET seq = NEW.seq, hash = NEW.hash
            WHERE centre_id = NEW.centre_id AND workstation_id = NEW.workstation_id;
        ELSE
          INSERT INTO acogida.audit_heads VALUES (NEW.centre_id, NEW.workstation_id, NEW.seq, NEW.hash);
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER audit_entries_chain BEFORE INSERT ON acogida.audit_entries
        FOR EACH ROW EXECUTE FUNCTION acogida.check_audit_chain();

      GRANT SELECT ON ${TABLES.map((t) => `acogida.${t}`).join(', ')} TO acogida_centre, acogida_national;
      GRANT INSERT ON acogida.change_log, acogida.audit_entries, acogida.workstations TO acogida_centre;
      GRANT UPDATE (last_seq) ON acogida.centre_sequences TO acogida_centre;
      GRANT UPDATE (name, last_seen) ON acogida.workstations TO acogida_centre;
      GRANT EXECUTE ON FUNCTION acogida.my_centre() TO acogida_centre, acogida_national;
      GRANT SELECT ON acogida.schema_migrations TO acogida_centre, acogida_national;

      ${TABLES.map(
        (t) => `
      ALTER TABLE acogida.${t} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE acogida.${t} FORCE ROW LEVEL SECURITY;
      CREATE POLICY centre_own ON acogida.${t} TO acogida_centre
        USING (centre_id = acogida.my_centre()) WITH CHECK (centre_id = acogida.my_centre());
      CREATE POLICY national_read ON acogida.${t} FOR SELECT TO acogida_national USING (true);`,
      ).join('\n')}
    `,
  },
  {
    version: 2,
    name: 'national-read-follows-consent',
    sql: `
      -- The national office reads a person's records only where that person agreed to
      -- "replication to the national database" (their latest consent for that purpose says yes):
      -- what was not consented to is not shared (docs/spec.md, station 3). Accounts (with their
      -- password hashes) are never the national office's to read. The centre's own desks read all
      -- of their centre, as their work needs.
      -- Only consents are looked up by person (a wider index would cost every push: measured).
      CREATE INDEX current_rows_consent ON acogida.current_rows (centre_id, (data ->> 'person_id')) WHERE table_name = 'consents';

      CREATE FUNCTION acogida.person_of(c uuid, t text, r uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = acogida, pg_temp
        AS $$ SELECT CASE WHEN t = 'persons' THEN r::text ELSE (SELECT data ->> 'person_id' FROM acogida.current_rows
                WHERE centre_id = c AND table_name = t AND row_id = r) END $$;

      CREATE FUNCTION acogida.replication_consented(c uuid, p text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = acogida, pg_temp
        AS $$ SELECT coalesce((SELECT (data ->> 'granted')::int = 1 FROM acogida.current_rows
                WHERE centre_id = c AND table_name = 'consents' AND data ->> 'person_id' = p
                  AND data ->> 'purpose' = 'replication' AND data ->> 'deleted_at' IS NULL
                ORDER BY data ->> 'hlc' DESC LIMIT 1), false) $$;

      CREATE FUNCTION acogida.national_may_read(c uuid, t text, r uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = acogida, pg_temp
        AS $$ SELECT CASE WHEN t = 'users' THEN false
                ELSE (SELECT p IS NULL OR acogida.replication_consented(c, p) FROM (SELECT acogida.person_of(c, t, r) AS p) x) END $$;

      GRANT EXECUTE ON FUNCTION acogida.person_of(uuid, text, uuid), acogida.replication_consented(uuid, text),
        acogida.national_may_read(uuid, text, uuid) TO acogida_national;

      DROP POLICY national_read ON acogida.change_log;
      CREATE POLICY national_read ON acogida.change_log FOR SELECT TO acogida_national
        USING (acogida.national_may_read(centre_id, table_name, row_id));
      DROP POLICY national_read ON acogida.current_rows;
      CREATE POLICY national_read ON acogida.current_rows FOR SELECT TO acogida_national
        USING (acogida.national_may_read(centre_id, table_name, row_id));
    `,
  },
  {
    version: 3,
    name: 'national-never-reads-clinical',
    sql: `
      -- Station 7: clinical records and the keys that open them stay with the centre. They are
      -- sealed (a care key exists only sealed to each clinician and under the recovery code), but
      -- the national office has no use for them and must not even hold the sealed copies: a weak
      -- clinician password could be guessed offline. The flags (that a person is at risk) follow
      -- the person's consent like any other record.
      CREATE OR REPLACE FUNCTION acogida.national_may_read(c uuid, t text, r uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = acogida, pg_temp
        AS $$ SELECT CASE WHEN t IN ('users', 'clinician_keys', 'care_keys', 'care_key_grants', 'care_records', 'care_risk_actions') THEN false
                ELSE (SELECT p IS NULL OR acogida.replication_consented(c, p) FROM (SELECT acogida.person_of(c, t, r) AS p) x) END $$;
    `,
  },
  {
    version: 4,
    name: 'summary-facts',
    sql: SUMMARY_FACTS_SQL,
  },
  {
    version: 5,
    name: 'erasure',
    sql: ERASURE_SQL,
  },
];

export const UPSTREAM_VERSION = UPSTREAM_MIGRATIONS[UPSTREAM_MIGRATIONS.length - 1]!.version;

/** The schema version the server holds (0: none yet). */
export async function upstreamVersion(client: ClientBase): Promise<number> {
  const exists = await client.query("SELECT to_regclass('acogida.schema_migrations') IS NOT NULL AS present");
  if (!exists.rows[0].present) return 0;
  const row = await client.query('SELECT coalesce(max(version), 0) AS v FROM acogida.schema_migrations');
  return Number(row.rows[0].v);
}

/**
 * Brings the upstream schema to the version this code knows, each migration in its own
 * transaction. A server migrated by newer code is refused (never downgraded, never half-read).
 */
export async function migrateUpstream(client: ClientBase): Promise<{ from: number; to: number; applied: number[] }> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', ['acogida.migrate']);
  try {
    const from = await upstreamVersion(client);
    if (from > UPSTREAM_VERSION) throw new AppError('sync.upstream-newer', { found: from, supported: UPSTREAM_VERSION });
    const applied: number[] = [];
    for (const migration of UPSTREAM_MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query('BEGIN');
      try {
        if (migration.version === 1) {
          await client.query('CREATE SCHEMA IF NOT EXISTS acogida');
          await client.query(
            'CREATE TABLE IF NOT EXISTS acogida.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
          );
          await client.query('REVOKE ALL ON SCHEMA acogida FROM PUBLIC');
        }
        await client.query(migration.sql);
        await client.query('INSERT INTO acogida.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
        applied.push(migration.version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: UPSTREAM_VERSION, applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['acogida.migrate']);
  }
}

/** Refuses to work against a schema this code does not know (older: migrate first; newer: update Acogida). */
export async function requireUpstreamVersion(client: ClientBase): Promise<void> {
  const found = await upstreamVersion(client);
  if (found > UPSTREAM_VERSION) throw new AppError('sync.upstream-newer', { found, supported: UPSTREAM_VERSION });
  if (found < UPSTREAM_VERSION) throw new AppError('sync.upstream-not-migrated', { found, supported: UPSTREAM_VERSION });
}
