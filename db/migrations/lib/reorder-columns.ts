import { type Kysely, sql } from "kysely";

type Column = {
  name: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
  generated: boolean;
  storage: string;
  /** An identity column or a collation of its own: not carried over, so refused. */
  unsupported: boolean;
};

const STORAGE: Record<string, string> = { p: "plain", e: "external", m: "main", x: "extended" };

/**
 * Rewrites a table with its columns in the given order (Postgres has no ALTER for that): a new
 * table from the catalog's own definitions (types, defaults, generated expressions, storage,
 * options), the rows copied, the old table dropped, then its constraints, indexes and triggers
 * replayed from their catalog text under their own names. `order` must name every column, so a
 * column added later cannot be lost by an old list. Fails rather than cascades if anything
 * (a view, a foreign key from another table) depends on the table.
 */
export async function reorderColumns(db: Kysely<any>, table: string, order: string[]) {
  // No write may land between the copy and the drop (reads go on until the drop).
  await sql.raw(`lock table ${table} in exclusive mode`).execute(db);
  const oid = sql`${table}::regclass`;
  const { rows: columns } = await sql<Column>`
    select a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attnotnull as not_null, a.attgenerated = 's' as generated,
           a.attstorage as storage, pg_get_expr(d.adbin, d.adrelid) as default_expr,
           a.attidentity <> '' or a.attcollation <> t.typcollation as unsupported
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = ${oid} and a.attnum > 0 and not a.attisdropped`.execute(db);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const missing = columns.filter((c) => !order.includes(c.name)).map((c) => c.name);
  const unknown = order.filter((name) => !byName.has(name));
  if (missing.length || unknown.length)
    throw new Error(
      `reorderColumns(${table}): order lacks ${missing.join(", ") || "nothing"}, names unknown ${unknown.join(", ") || "nothing"}`,
    );
  const unsupported = columns.filter((c) => c.unsupported).map((c) => c.name);
  if (unsupported.length)
    throw new Error(
      `reorderColumns(${table}): identity or collated columns are not carried over: ${unsupported.join(", ")}`,
    );

  // Postgres 18 names each NOT NULL as a constraint (the embedded server of `npm start`): the
  // rewritten table keeps those names, not names taken from the scratch table's.
  const { rows: notNulls } = await sql<{ column: string; name: string }>`
    select a.attname as column, c.conname as name from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.conrelid = ${oid} and c.contype = 'n'`.execute(db);
  const notNullName = new Map(notNulls.map((n) => [n.column, n.name]));
  const { rows: constraints } = await sql<{ name: string; def: string }>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${oid} and contype <> 'n' order by contype = 'f', conname`.execute(db);
  const { rows: indexes } = await sql<{ def: string }>`
    select pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid = ${oid}
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(db);
  const { rows: triggers } = await sql<{ def: string }>`
    select pg_get_triggerdef(oid) as def from pg_trigger
    where tgrelid = ${oid} and not tgisinternal`.execute(db);
  const { rows: options } = await sql<{ options: string[] | null }>`
    select reloptions as options from pg_class where oid = ${oid}`.execute(db);

  const scratch = `${table}_reordered`;
  const notNull = (column: string) => {
    const name = notNullName.get(column);
    return name ? ` constraint ${name} not null` : " not null";
  };
  const definitions = order.map((name) => {
    const c = byName.get(name) as Column;
    const tail = c.generated
      ? ` generated always as (${c.default_expr}) stored`
      : `${c.default_expr ? ` default ${c.default_expr}` : ""}${c.not_null ? notNull(c.name) : ""}`;
    return `${name} ${c.type}${tail}`;
  });
  const withOptions = options[0]?.options?.length ? ` with (${options[0].options.join(", ")})` : "";
  await sql.raw(`create table ${scratch} (${definitions.join(", ")})${withOptions}`).execute(db);
  const storage = columns.map((c) => `alter column ${c.name} set storage ${STORAGE[c.storage]}`);
  await sql.raw(`alter table ${scratch} ${storage.join(", ")}`).execute(db);
  const copied = order.filter((name) => !byName.get(name)?.generated).join(", ");
  // Triggers are replayed after the copy: the rows already carry what they computed.
  await sql.raw(`insert into ${scratch} (${copied}) select ${copied} from ${table}`).execute(db);
  await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw(`alter table ${scratch} rename to ${table}`).execute(db);
  for (const c of constraints)
    await sql.raw(`alter table ${table} add constraint ${c.name} ${c.def}`).execute(db);
  for (const i of indexes) await sql.raw(i.def).execute(db);
  for (const t of triggers) await sql.raw(t.def).execute(db);
  await sql.raw(`analyze ${table}`).execute(db);
}
