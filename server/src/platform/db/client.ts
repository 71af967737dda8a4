/**
 * One database interface over two engines: PGlite (embedded, file-backed; the default) and
 * PostgreSQL (DATABASE_URL). Both run the same migrations from server/migrations.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../migrations', import.meta.url));

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize: number };

/**
 * A pg Client that prepares every parameterized statement once per connection (a named statement per
 * distinct text), as postgres.js does by default: PostgreSQL then skips parsing and planning on reuse.
 * Measured on this machine (docs/BENCHMARKS.md, deadline surge): the application lock statement
 * 3.8 → 2.0 ms, the session lookup 1.6 → 1.0 ms. A connection keeps what it prepared, so the pool
 * retires each connection after PREPARED_CONNECTION_MAX_USES checkouts: memory stays bounded however
 * many distinct texts (IN lists of every length) come by. Migrations run before any statement is prepared.
 */
export const PREPARED_CONNECTION_MAX_USES = 5000;
const PREPARED_TEXT_MAX_LENGTH = 20_000;

type PgClientClass = typeof import('pg').Client;
function preparingClient(Base: PgClientClass): PgClientClass {
  class PreparingClient extends Base {}
  PreparingClient.prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    if (config && typeof config === 'object' && 'text' in config && !('name' in config && config.name)) {
      const c = config as { text: string; values?: unknown[]; name?: string };
      const values = c.values ?? (Array.isArray(args[1]) ? args[1] : undefined);
      if (values && values.length > 0 && c.text.length <= PREPARED_TEXT_MAX_LENGTH) {
        args[0] = { ...c, name: `zc_${createHash('sha1').update(c.text).digest('base64url')}` };
      }
    }
    // looked up on each call: whatever wraps pg.Client's query (a statement counter in bench/) still sees it
    return (Base.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Base.prototype.query;
  return PreparingClient;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pg = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      Client: preparingClient(pg.Client),
      maxUses: PREPARED_CONNECTION_MAX_USES,
    });
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  // relaxedDurability: PGlite runs on the event-loop thread; right for a demo or a small office, not production.
  const client = config.dataDir ? new PGlite(config.dataDir, { relaxedDurability: true }) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}
