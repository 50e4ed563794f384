// The migration helper that rewrites a table in a new column order (migration T1700 puts what
// the search counts read first in job_search): nothing of the table may be lost on the way.
import { type Kysely, sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/types";
import { getDb } from "../../app/utils/db.server";
import { reorderColumns } from "../../db/migrations/lib/reorder-columns";

async function columnOrder(db: Kysely<DB>, table: string) {
  const { rows } = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
    order by attnum`.execute(db);
  return rows.map((r) => r.name);
}

/** Everything the catalog says of a table, order of columns aside. */
async function definition(db: Kysely<DB>, table: string) {
  const oid = sql`${table}::regclass`;
  const [columns, constraints, indexes, triggers, options] = await Promise.all([
    sql`select attname, format_type(atttypid, atttypmod) as type, attnotnull, attgenerated,
          attstorage, pg_get_expr(d.adbin, d.adrelid) as expr
        from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where attrelid = ${oid} and attnum > 0 and not attisdropped order by attname`.execute(db),
    sql`select conname, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = ${oid} order by conname`.execute(db),
    sql`select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = ${oid}
        order by 1`.execute(db),
    sql`select pg_get_triggerdef(oid) as def from pg_trigger
        where tgrelid = ${oid} and not tgisinternal order by 1`.execute(db),
    sql`select reloptions from pg_class where oid = ${oid}`.execute(db),
  ]);
  return [columns, constraints, indexes, triggers, options].map((r) => r.rows);
}

const rowsOf = (db: Kysely<DB>) =>
  sql<Record<string, unknown>>`select id, parent_id, note, tags, doubled, touched
    from reorder_child order by id`
    .execute(db)
    .then((r) => r.rows);

describe("reorderColumns", () => {
  beforeEach(async () => {
    const db = getDb();
    await sql`drop table if exists reorder_child, reorder_parent`.execute(db);
    await sql`create table reorder_parent (id int primary key)`.execute(db);
    await sql`insert into reorder_parent values (1), (2)`.execute(db);
    await sql`create table reorder_child (
      id int primary key,
      parent_id int not null references reorder_parent (id) on delete cascade,
      note text not null default 'none',
      tags int[] not null default '{}',
      doubled int generated always as (id * 2) stored,
      touched boolean not null default false,
      check (id > 0)
    ) with (toast_tuple_target = 128)`.execute(db);
    await sql`alter table reorder_child alter column tags set storage plain`.execute(db);
    await sql`create index reorder_child_note_idx on reorder_child (note) where note <> 'none'`.execute(
      db,
    );
    await sql`create index reorder_child_parent_idx on reorder_child (parent_id)`.execute(db);
    await sql`create or replace function reorder_touch() returns trigger language plpgsql as $$
      begin new.touched := true; return new; end $$`.execute(db);
    await sql`create trigger reorder_child_touch before update of note on reorder_child
      for each row execute function reorder_touch()`.execute(db);
    await sql`insert into reorder_child (id, parent_id, note, tags)
      values (1, 1, 'first', '{1,2}'), (2, 2, default, default)`.execute(db);
  });

  it("rewrites a table in the new order with its rows, defaults, generated column, storage, options, constraints, indexes and triggers", async () => {
    const db = getDb();
    const rows = await rowsOf(db);
    const before = await definition(db, "reorder_child");
    const order = ["id", "touched", "doubled", "parent_id", "tags", "note"];
    await db.transaction().execute((trx) => reorderColumns(trx, "reorder_child", order));

    expect(await columnOrder(db, "reorder_child")).toEqual(order);
    expect(await definition(db, "reorder_child")).toEqual(before);
    expect(await rowsOf(db)).toEqual(rows);

    // And it behaves as before: defaults and the generated column fill a new row, the trigger
    // fires, the check and the foreign key refuse, and a delete cascades.
    await sql`insert into reorder_child (id, parent_id) values (3, 1)`.execute(db);
    await sql`update reorder_child set note = 'edited' where id = 2`.execute(db);
    expect((await rowsOf(db)).slice(1)).toEqual([
      { id: 2, parent_id: 2, note: "edited", tags: [], doubled: 4, touched: true },
      { id: 3, parent_id: 1, note: "none", tags: [], doubled: 6, touched: false },
    ]);
    await expect(
      sql`insert into reorder_child (id, parent_id) values (4, 9)`.execute(db),
    ).rejects.toThrow(/foreign key/);
    await expect(
      sql`insert into reorder_child (id, parent_id) values (-1, 1)`.execute(db),
    ).rejects.toThrow(/check constraint/);
    await sql`delete from reorder_parent where id = 1`.execute(db);
    expect((await rowsOf(db)).map((r) => r.id)).toEqual([2]);
  });

  it("refuses an order that leaves a column out or names one the table lacks, changing nothing", async () => {
    const db = getDb();
    const order = await columnOrder(db, "reorder_child");
    await expect(
      db
        .transaction()
        .execute((trx) => reorderColumns(trx, "reorder_child", ["id", "parent_id", "note"])),
    ).rejects.toThrow(/lacks tags, doubled, touched/);
    await expect(
      db.transaction().execute((trx) => reorderColumns(trx, "reorder_child", [...order, "colour"])),
    ).rejects.toThrow(/unknown colour/);
    expect(await columnOrder(db, "reorder_child")).toEqual(order);
  });

  it("refuses a table another table's foreign key points at, rather than drop that key", async () => {
    const db = getDb();
    await expect(
      db.transaction().execute((trx) => reorderColumns(trx, "reorder_parent", ["id"])),
    ).rejects.toThrow(/depend/);
    await expect(
      sql`insert into reorder_child (id, parent_id) values (5, 9)`.execute(db),
    ).rejects.toThrow(/foreign key/);
  });
});
