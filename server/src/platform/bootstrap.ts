/** Opens the database, applies migrations and reference data, and builds the application context. */
import { join } from 'node:path';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import type { AppContext } from './context';
import { DemoSmsGateway } from './notifications/notify';
import { ensureReferenceData } from '../modules/demo/reference-data';
import { DemoDegreeRegistry } from './adapters/degree-registry';
import { DemoSocialSecuritySource } from './adapters/social-security';
import { DEMO_DEGREE_RECORDS, DEMO_SOCIAL_SECURITY } from '../modules/demo/demo-registries';
import { openStore } from './storage/open-store';

export async function bootstrap(config: Config, opts: { now?: () => Date } = {}): Promise<{ ctx: AppContext; database: Database }> {
  const database = await openDatabase(config.database);
  await ensureReferenceData(database.db);
  // a movable clock for browser journeys (config.testClock); otherwise the real one
  const testClock = config.testClock && !opts.now ? { offsetMs: 0 } : undefined;
  const now = opts.now ?? (testClock ? () => new Date(Date.now() + testClock.offsetMs) : () => new Date());
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    store: await openStore(config.storageUrl, join(config.dataDir, 'files')),
    sms: new DemoSmsGateway(config.sms.failureRate),
    degreeRegistry: new DemoDegreeRegistry(DEMO_DEGREE_RECORDS, config.registries),
    socialSecurity: new DemoSocialSecuritySource(DEMO_SOCIAL_SECURITY, config.registries),
    now,
    testClock,
  };
  return { ctx, database };
}
