import type { Config } from './config';
import type { Db } from './db/client';
import type { FileStore } from './storage/storage';
import type { SmsGateway } from './notifications/notify';
import type { DegreeRegistry } from './adapters/degree-registry';
import type { SocialSecuritySource } from './adapters/social-security';
import type { PiiCipher } from './crypto/pii';
import type { PaymentProvider } from './adapters/payment';

/** Everything a service needs from the platform; tests build it with other adapters. */
export interface AppContext {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  store: FileStore;
  sms: SmsGateway;
  degreeRegistry: DegreeRegistry;
  socialSecurity: SocialSecuritySource;
  /** online payments (config.payment.provider); null when none is configured */
  payment: PaymentProvider | null;
  /** ID numbers and mobiles at rest: encrypt/decrypt/hash (platform/crypto/pii.ts) */
  pii: PiiCipher;
  /** the platform's clock; tests move it instead of sleeping */
  now: () => Date;
  /** present only when config.testClock is on: how far the clock has been moved */
  testClock?: { offsetMs: number };
  /**
   * secrets every node must share (issue 8 item 9): from the environment when set, else generated once
   * and kept in platform_secrets (bootstrap.ts)
   */
  secrets: { pledgeToken: string };
}
