import { backfillDossierFacts } from './projections/dossiers';
import { installReportMonths } from './report-months';
import type { Sql } from './sql';

/**
 * One ordered list of migrations for PGlite and PostgreSQL alike. Append, never edit: a running
 * server has applied the earlier ones. The op log is read by commune (primary key (commune_id,
 * seq) from migration 2).
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE communes (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    province text NOT NULL DEFAULT '',
    address text,
    config_version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE commune_config (
    commune_id text NOT NULL REFERENCES communes(id),
    part text NOT NULL,
    body jsonb NOT NULL,
    PRIMARY KEY (commune_id, part)
  );
  CREATE TABLE enrollment_codes (
    code_hash text PRIMARY KEY,
    commune_id text NOT NULL REFERENCES communes(id),
    kind text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    device_id uuid
  );
  CREATE TABLE enrollment_failures (
    client_hash text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX enrollment_failures_client ON enrollment_failures (client_hash, at);
  CREATE TABLE devices (
    id uuid PRIMARY KEY,
    commune_id text NOT NULL REFERENCES communes(id),
    kind text NOT NULL,
    device_no integer NOT NULL,
    token_hash text NOT NULL UNIQUE,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    last_sync_at timestamptz,
    UNIQUE (commune_id, device_no)
  );
  CREATE TABLE ops (
    seq bigserial PRIMARY KEY,
    commune_id text NOT NULL,
    device_id uuid NOT NULL,
    op_id uuid NOT NULL UNIQUE,
    device_seq bigint NOT NULL,
    type text NOT NULL,
    entity_id uuid NOT NULL,
    at text NOT NULL,
    hlc text NOT NULL,
    data jsonb NOT NULL,
    review jsonb,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_id, device_seq)
  );
  CREATE INDEX ops_commune_seq ON ops (commune_id, seq);
  CREATE INDEX ops_entity ON ops (entity_id);
  CREATE TABLE entities (
    entity_id uuid PRIMARY KEY,
    commune_id text NOT NULL
  );
  CREATE TABLE dossiers (
    id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    code text,
    procedure_id text,
    channel text,
    status text NOT NULL,
    received_at timestamptz,
    due_at timestamptz,
    processed_at timestamptz,
    returned_at timestamptz,
    extended boolean NOT NULL DEFAULT false,
    flags jsonb NOT NULL DEFAULT '[]',
    supplement_periods jsonb NOT NULL DEFAULT '[]'
  );
  CREATE INDEX dossiers_commune_received ON dossiers (commune_id, received_at);
  CREATE TABLE surveys (
    op_id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    device_id uuid NOT NULL,
    rating text NOT NULL,
    criteria jsonb,
    dossier_code text,
    flags jsonb,
    at timestamptz NOT NULL
  );
  CREATE INDEX surveys_commune_at ON surveys (commune_id, at);
  `,
  // Faster pushes, same rules. The pull reads the op log by (commune, seq): that is now the
  // primary key, one index fewer to write per op. Op ids stay unique server-wide (idempotency by
  // opId is the contract's). The op's data is kept as sent (json): it is written far more often
  // than it is looked into, and storing it as text costs a third less than jsonb. The entities
  // table goes: which commune owns an entity is already in ops (indexed by entity) and dossiers.
  `
  ALTER TABLE ops DROP CONSTRAINT ops_pkey;
  ALTER TABLE ops ADD CONSTRAINT ops_pkey PRIMARY KEY (commune_id, seq);
  DROP INDEX ops_commune_seq;
  ALTER TABLE ops ALTER COLUMN data TYPE json USING data::json;
  DROP TABLE entities;
  CREATE INDEX enrollment_failures_at ON enrollment_failures (at);
  `,
  // Contract 1.1: ops stored but left out of the figures (`excluded`: rate, burst, backdated,
  // clock-ahead), the latest op time per device (back-dating is judged against it), and surveys by
  // device and time (the rate limit reads them). Ops already stored with a clock more than a day
  // ahead stay in the log (nothing is deleted) but leave the figures; so do kiosk bursts.
  `
  ALTER TABLE ops ADD COLUMN excluded text;
  ALTER TABLE surveys ADD COLUMN excluded text;
  ALTER TABLE devices ADD COLUMN max_at timestamptz;
  CREATE INDEX surveys_device_at ON surveys (device_id, at);
  CREATE INDEX ops_excluded ON ops (commune_id) WHERE excluded IS NOT NULL;
  UPDATE ops SET excluded = 'clock-ahead'
   WHERE (hlc ~ '^[0-9]{15}:[0-9]{6}$' AND hlc COLLATE "C" > lpad(((extract(epoch FROM now()) * 1000)::bigint + 86400000)::text, 15, '0') COLLATE "C")
      OR (CASE WHEN at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' THEN at::timestamptz END) > now() + interval '24 hours';
  UPDATE surveys SET excluded = o.excluded FROM ops o WHERE o.op_id = surveys.op_id AND o.excluded IS NOT NULL;
  UPDATE surveys SET excluded = 'burst' WHERE excluded IS NULL AND flags @> '["burst"]';
  UPDATE devices SET max_at = m.max_at FROM (SELECT device_id, max(CASE WHEN at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' THEN at::timestamptz END) AS max_at FROM ops WHERE excluded IS NULL GROUP BY device_id) m WHERE m.device_id = devices.id;
  `,
  // Eviction is never silent: each push may say the device's highest local deviceSeq, so the
  // admin sees ops a tablet holds but never sent (a gap at the end of its sequence).
  `
  ALTER TABLE devices ADD COLUMN last_device_seq bigint;
  `,
  // Central accounts (DESIGN.md "Central users (1.1)"): users with one role and scope, sessions
  // stored as token hashes, failed logins counted in the database (every process agrees), and the
  // audit log of admin changes. actor_id is null for the ADMIN_TOKEN (actor 'admin-token').
  `
  CREATE TABLE users (
    id uuid PRIMARY KEY,
    username text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role text NOT NULL,
    province text,
    commune_id text REFERENCES communes(id),
    created_at timestamptz NOT NULL
  );
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions (expires_at);
  CREATE TABLE login_failures (
    key_hash text NOT NULL,
    at timestamptz NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key_hash, at);
  CREATE INDEX login_failures_at ON login_failures (at);
  CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_id uuid,
    actor text NOT NULL,
    route text NOT NULL,
    commune_id text,
    target text,
    summary text NOT NULL,
    details jsonb
  );
  CREATE INDEX audit_log_at ON audit_log (at);
  CREATE INDEX audit_log_commune_at ON audit_log (commune_id, at);
  `,
  // Service checklists (issue 15): a report row per checklist record (1.0 records read as the
  // officer's self-check; the date stays text, as sent), and the surveys' yes/no answers, which
  // count as citizens' checks of the items their questions name. Both filled from the op log.
  `
  CREATE TABLE checklist_records (
    op_id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    template_id text NOT NULL,
    template_version integer NOT NULL,
    staff_id text NOT NULL,
    checked_by text NOT NULL,
    mode text NOT NULL,
    date text NOT NULL,
    dossier_id uuid,
    skipped boolean NOT NULL,
    items jsonb NOT NULL
  );
  CREATE INDEX checklist_records_commune_date ON checklist_records (commune_id, date);
  INSERT INTO checklist_records
  SELECT op_id, commune_id, data->>'templateId', (data->>'templateVersion')::integer, data->>'staffId',
         COALESCE(data->>'checkedBy', data->>'staffId'), COALESCE(data->>'mode', 'self'), data->>'date',
         (data->>'dossierId')::uuid, COALESCE((data->>'skipped')::boolean, false), (data->'items')::jsonb
    FROM ops WHERE type = 'checklist.recorded' AND excluded IS NULL;
  ALTER TABLE surveys ADD COLUMN answers jsonb;
  UPDATE surveys SET answers = (o.data->'answers')::jsonb FROM ops o WHERE o.op_id = surveys.op_id AND o.type = 'survey.submitted';
  `,
  // Letters (issue 14): the report rows of letter.issued / letter.delivered, without the recipient
  // or the text (the figures need neither). A delivery may arrive before its letter, so every column
  // but the id may wait. And the supplement requests a dossier had: more than one makes it late
  // (Decree 118); rows folded before this count the supplement waits they hold.
  `
  CREATE TABLE letters (
    id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    kind text,
    dossier_id uuid,
    issued_at timestamptz,
    delivered_at timestamptz,
    delivery_method text
  );
  CREATE INDEX letters_commune_issued ON letters (commune_id, issued_at);
  CREATE INDEX letters_dossier ON letters (dossier_id) WHERE dossier_id IS NOT NULL;
  ALTER TABLE dossiers ADD COLUMN supplement_requests integer NOT NULL DEFAULT 0;
  UPDATE dossiers SET supplement_requests = jsonb_array_length(supplement_periods);
  `,
  // Home service (issue 16): the report rows of the `home` block, one per person on a commune's
  // list and one per visit. Nothing personal: the reason and dates only (names and addresses stay in
  // the op log, which tablets of the commune pull).
  `
  CREATE TABLE home_clients (
    id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    reason text NOT NULL,
    registered_at timestamptz NOT NULL
  );
  CREATE INDEX home_clients_commune ON home_clients (commune_id, registered_at);
  CREATE TABLE home_visits (
    id uuid PRIMARY KEY,
    commune_id text NOT NULL,
    client_id uuid NOT NULL,
    date date NOT NULL,
    purpose text NOT NULL,
    outcome text,
    dossier_ids jsonb NOT NULL DEFAULT '[]'
  );
  CREATE INDEX home_visits_commune_date ON home_visits (commune_id, date);
  `,
  // Reports at province scale (issue 18): each dossier's report facts as columns (dossierFacts:
  // receiving officer, the due date that counts, an open supplement wait, settled / withdrawn /
  // closed at, timeliness, working days), filled for the rows already there by folding them again
  // (backfillDossierFacts, run right after this one). "To handle in a period" is received before
  // its end and closed after its start: the closed_at index finds those (closed_at is 'infinity'
  // while open). Survey comments (kept in the op log until now) for the comments list, with who
  // marked each handled, and the dossier code index that links answers to dossiers.
  `
  ALTER TABLE dossiers ADD COLUMN staff_id text;
  ALTER TABLE dossiers ADD COLUMN due_effective timestamptz;
  ALTER TABLE dossiers ADD COLUMN waiting_since timestamptz;
  ALTER TABLE dossiers ADD COLUMN settled_at timestamptz;
  ALTER TABLE dossiers ADD COLUMN withdrawn_at timestamptz;
  ALTER TABLE dossiers ADD COLUMN closed_at timestamptz;
  ALTER TABLE dossiers ADD COLUMN timeliness text;
  ALTER TABLE dossiers ADD COLUMN working_days integer;
  CREATE INDEX dossiers_commune_closed ON dossiers (commune_id, closed_at);
  CREATE INDEX dossiers_commune_code ON dossiers (commune_id, code);
  ALTER TABLE surveys ADD COLUMN comment text;
  ALTER TABLE surveys ADD COLUMN handled_by text;
  ALTER TABLE surveys ADD COLUMN handled_at timestamptz;
  ALTER TABLE surveys ADD COLUMN handled_note text;
  UPDATE surveys SET comment = o.data->>'comment' FROM ops o WHERE o.op_id = surveys.op_id AND o.type = 'survey.submitted' AND o.data->>'comment' IS NOT NULL;
  CREATE INDEX surveys_commune_comment_at ON surveys (commune_id, at) WHERE comment IS NOT NULL;
  `,
  // Migration 10. Longevity letters (issue 14): the birth year of a person on the home list
  // and the person a letter without a dossier is for, so the report counts the longevity letters
  // due and not issued as the tablets suggest them (longevityDue). Birth years already sent are read
  // back from the op log: the latest op by HLC that names one (nobody could clear it before this).
  `
  ALTER TABLE home_clients ADD COLUMN birth_year integer;
  ALTER TABLE letters ADD COLUMN client_id uuid;
  UPDATE home_clients c SET birth_year = x.birth_year FROM (
    SELECT DISTINCT ON (entity_id) entity_id, (COALESCE(data::jsonb->'changes', data::jsonb)->>'birthYear')::int AS birth_year
      FROM ops
     WHERE type IN ('home.client-registered', 'home.client-updated') AND excluded IS NULL
       AND COALESCE(data::jsonb->'changes', data::jsonb)->>'birthYear' IS NOT NULL
     ORDER BY entity_id, hlc DESC, device_id DESC, op_id DESC
  ) x WHERE x.entity_id = c.id
  `,
  // Migration 11. Reports at province scale (issue 18), finished months kept per commune: the mark
  // and the counts (src/server/report-months.ts), deleted with the mark; the triggers that empty
  // them are made in code (installReportMonths: a PL/pgSQL body does not split on semicolons). A dossier code's first answer ever is the one
  // that counts (DESIGN › Figures), found by this index. Dossiers closed before they were received
  // (clocks out of step) or both settled and withdrawn do not add up month by month; the reports
  // count those few whole, by this partial index (its predicate is reports.ts's OUT_OF_ORDER).
  `
  CREATE TABLE report_months (
    commune_id text NOT NULL,
    month date NOT NULL,
    records_done integer NOT NULL,
    records_skipped integer NOT NULL,
    PRIMARY KEY (commune_id, month)
  );
  CREATE TABLE report_month_groups (
    commune_id text NOT NULL,
    month date NOT NULL,
    procedure_id text,
    staff_id text,
    carried_over integer NOT NULL,
    received integer NOT NULL,
    counter integer NOT NULL,
    home integer NOT NULL,
    online integer NOT NULL,
    early integer NOT NULL,
    on_time integer NOT NULL,
    late integer NOT NULL,
    withdrawn integer NOT NULL,
    open_within integer NOT NULL,
    open_overdue integer NOT NULL,
    at_home integer NOT NULL,
    working_days integer NOT NULL,
    ready_no_congratulation integer NOT NULL,
    ready_no_condolence integer NOT NULL,
    apology_static integer NOT NULL,
    FOREIGN KEY (commune_id, month) REFERENCES report_months ON DELETE CASCADE
  );
  CREATE INDEX report_month_groups_month ON report_month_groups (commune_id, month);
  CREATE TABLE report_month_answers (
    commune_id text NOT NULL,
    month date NOT NULL,
    kind text NOT NULL,
    key text,
    rating text,
    n integer NOT NULL,
    satisfied integer NOT NULL,
    FOREIGN KEY (commune_id, month) REFERENCES report_months ON DELETE CASCADE
  );
  CREATE INDEX report_month_answers_month ON report_month_answers (commune_id, month);
  CREATE TABLE report_month_items (
    commune_id text NOT NULL,
    month date NOT NULL,
    template_id text NOT NULL,
    item_id text NOT NULL,
    mode text NOT NULL,
    checks integer NOT NULL,
    yes integer NOT NULL,
    FOREIGN KEY (commune_id, month) REFERENCES report_months ON DELETE CASCADE
  );
  CREATE INDEX report_month_items_month ON report_month_items (commune_id, month);
  CREATE INDEX surveys_commune_code_at ON surveys (commune_id, dossier_code, at, op_id) WHERE excluded IS NULL;
  CREATE INDEX dossiers_out_of_order ON dossiers (commune_id) WHERE NOT (closed_at >= received_at AND (settled_at IS NULL OR withdrawn_at IS NULL))
  `,
];

/** Work a migration needs done in code, right after its SQL, in the same transaction (by migration number). */
const AFTER: Record<number, (tx: Sql) => Promise<void>> = {
  9: backfillDossierFacts,
  11: installReportMonths,
};

/** Apply what is missing, under a lock, so several processes starting at once agree. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7261001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.version)));
    for (const [i, text] of MIGRATIONS.entries()) {
      if (done.has(i + 1)) continue;
      for (const statement of text.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await AFTER[i + 1]?.(tx);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
    }
  });
}
