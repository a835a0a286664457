import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../support/postgres';
import { arrayLiteral, copyText, Params, rowsFrom, type Column } from '../../../src/server/rows';
import { openPostgres, type Sql } from '../../../src/server/sql';
import { openTestPglite } from '../../support/pglite-template';

// Text a tablet may send that an array literal must quote or escape.
const TRICKY = ['', 'NULL', '\\N', 'tab\there', 'cr\rlf\r\n', '\\.', '\\t', 'null', 'a,b', '{x}', 'say "hi"', 'C:\\path\\', '\\"', ' spaced ', 'Nguyễn Thị Hoà', '👵🏽', 'line\nbreak', "it's"];

describe('arrayLiteral', () => {
  it('quotes every element, escapes quotes and backslashes, and writes NULL for missing values', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral(['a', null, undefined, 7, true])).toBe('{"a",NULL,NULL,"7","true"}');
    expect(arrayLiteral(['say "hi"', 'C:\\d'])).toBe('{"say \\"hi\\"","C:\\\\d"}');
  });
});

type Row = { id: string; text: string | null; n: number; flag: boolean; json: string | null };
const COLUMNS: Column<Row>[] = [
  { name: 'id', type: 'uuid', of: (r) => r.id },
  { name: 'text', type: 'text', of: (r) => r.text },
  { name: 'n', type: 'bigint', of: (r) => r.n },
  { name: 'flag', type: 'boolean', of: (r) => r.flag },
  { name: 'json', type: 'jsonb', of: (r) => r.json },
];
const rows: Row[] = [...TRICKY, null].map((text, i) => ({
  id: `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
  text,
  n: 2 ** 40 + i,
  flag: i % 2 === 0,
  json: text === null ? null : JSON.stringify({ text, list: [text] }),
}));

let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
afterAll(() => cluster?.stop());

describe.each(['pglite', 'postgres'] as const)('rows sent as array parameters, on %s', (backend) => {
  let sql: Sql;
  beforeAll(async () => {
    if (backend === 'pglite') sql = await openTestPglite();
    else {
      cluster ??= await startPostgres();
      sql = await openPostgres(cluster.url, 1);
    }
  });
  afterAll(() => sql.close());

  it('come back from the database exactly as they were sent', async () => {
    const p = new Params();
    const { rows: back } = await sql.query<{ id: string; text: string | null; n: string; flag: boolean; json: unknown }>(
      `SELECT id, text, n::text AS n, flag, json FROM ${rowsFrom(p, 'r', COLUMNS, rows)}`,
      p.values,
    );
    expect(back.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(rows.map((r) => ({ ...r, json: r.json === null ? null : JSON.parse(r.json) })));
  });
});

describe('copyText', () => {
  it('writes the rows in COPY text format that PGlite loads back exactly as they were sent', async () => {
    const sql = await openTestPglite();
    try {
      await sql.query('CREATE TABLE copied (lead text, id uuid, text text, n bigint, flag boolean, json jsonb)');
      await sql.copyFrom!('copied', ['lead', ...COLUMNS.map((c) => c.name)], copyText(['lead\\value'], COLUMNS, rows));
      const { rows: back } = await sql.query<{ lead: string; id: string; text: string | null; n: string; flag: boolean; json: unknown }>(
        'SELECT lead, id, text, n::text AS n, flag, json FROM copied ORDER BY id',
      );
      expect(back.map((r) => r.lead)).toEqual(rows.map(() => 'lead\\value'));
      expect(back.map(({ lead: _lead, ...r }) => ({ ...r, n: Number(r.n) }))).toEqual(rows.map((r) => ({ ...r, json: r.json === null ? null : JSON.parse(r.json) })));
    } finally {
      await sql.close();
    }
  });
});
