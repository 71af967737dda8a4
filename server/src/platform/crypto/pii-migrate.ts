/**
 * Bringing stored personal data to the current key: at start-up, rows still in clear (written before
 * migration 0003) are encrypted and hashed, and applicants whose username is their ID number lose it;
 * `npm run pii:rotate -w server` re-encrypts everything with the current key (and, with --rehash,
 * recomputes the look-up hashes with the current hash key). Idempotent; batched by primary key so a
 * large table is never held in one transaction.
 */
import { and, asc, eq, gt, isNotNull, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { objections, organizations, smsOutbox, users } from '../db/schema';
import { PII_PREFIX, type PiiCipher } from './pii';

/** Rows per transaction: small enough to keep locks short on a busy table, large enough to finish 100,000 users in seconds. */
export const PII_MIGRATION_BATCH = 500;

export interface PiiMigrationOptions {
  /** 'plaintext': only values still in clear or missing a hash (start-up); 'rotate': every value not under the current key */
  mode: 'plaintext' | 'rotate';
  /** recompute every look-up hash with the current hash key (after PII_HASH_KEY changed) */
  rehash?: boolean;
  batchSize?: number;
}

export interface PiiMigrationResult {
  users: number;
  smsOutbox: number;
  organizations: number;
  totpSecrets: number;
  /** objections.contact (issue 10): written encrypted, so only rotation has work here */
  objections: number;
}

/** An ID number as a username: the applicant's login name before item 7. */
const ID_NUMBER_USERNAME = '^[0-9]{17}[0-9Xx]$';

export async function migratePii(db: Db, pii: PiiCipher, opts: PiiMigrationOptions): Promise<PiiMigrationResult> {
  const batch = opts.batchSize ?? PII_MIGRATION_BATCH;
  const needs = (col: AnyPgColumn): SQL =>
    opts.mode === 'rotate'
      ? and(isNotNull(col), sql`${col} not like ${`${PII_PREFIX}${pii.currentKeyId}:%`}`)!
      : and(isNotNull(col), sql`${col} not like ${`${PII_PREFIX}%`}`)!;
  const reenc = (field: 'id_number' | 'mobile', stored: string | null): string | null => {
    if (stored == null) return null;
    const plain = pii.decrypt(field, stored);
    return pii.isCurrent(stored) ? stored : pii.encrypt(field, plain);
  };
  const result: PiiMigrationResult = { users: 0, smsOutbox: 0, organizations: 0, totpSecrets: 0, objections: 0 };

  // users: id_number + id_number_hash, mobile + mobile_hash, username
  const userPending = or(
    needs(users.idNumber),
    needs(users.mobile),
    and(isNotNull(users.idNumber), isNull(users.idNumberHash)),
    and(isNotNull(users.mobile), isNull(users.mobileHash)),
    and(eq(users.role, 'applicant'), sql`${users.username} ~ ${ID_NUMBER_USERNAME}`),
  )!;
  let after = '';
  for (;;) {
    const rows = await db
      .select({ id: users.id, role: users.role, username: users.username, idNumber: users.idNumber, mobile: users.mobile })
      .from(users)
      .where(
        and(
          opts.rehash ? or(isNotNull(users.idNumber), isNotNull(users.mobile), userPending) : userPending,
          after ? gt(users.id, after) : undefined,
        ),
      )
      .orderBy(asc(users.id))
      .limit(batch);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const idPlain = pii.decrypt('id_number', r.idNumber);
        const mobilePlain = pii.decrypt('mobile', r.mobile);
        const idNorm = idPlain == null ? null : idPlain.trim().toUpperCase();
        const usernameIsId = r.role === 'applicant' && r.username != null && new RegExp(ID_NUMBER_USERNAME).test(r.username);
        await tx
          .update(users)
          .set({
            idNumber: reenc('id_number', r.idNumber),
            idNumberHash: pii.hash('id_number', idPlain),
            mobile: reenc('mobile', r.mobile),
            mobileHash: pii.hash('mobile', mobilePlain),
            ...(usernameIsId && (idNorm == null || r.username!.toUpperCase() === idNorm) ? { username: null } : {}),
          })
          .where(eq(users.id, r.id));
      }
    });
    result.users += rows.length;
    after = rows[rows.length - 1]!.id;
  }

  // sms_outbox.mobile and organizations.contact_phone: encrypted, no hash (never looked up)
  after = '';
  for (;;) {
    const rows = await db
      .select({ id: smsOutbox.id, mobile: smsOutbox.mobile })
      .from(smsOutbox)
      .where(and(needs(smsOutbox.mobile), after ? gt(smsOutbox.id, after) : undefined))
      .orderBy(asc(smsOutbox.id))
      .limit(batch);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(smsOutbox)
          .set({ mobile: reenc('mobile', r.mobile)! })
          .where(and(eq(smsOutbox.id, r.id), eq(smsOutbox.mobile, r.mobile)));
    });
    result.smsOutbox += rows.length;
    after = rows[rows.length - 1]!.id;
  }

  after = '';
  for (;;) {
    const rows = await db
      .select({ id: organizations.id, contactPhone: organizations.contactPhone })
      .from(organizations)
      .where(
        and(needs(organizations.contactPhone), not(eq(organizations.contactPhone, '')), after ? gt(organizations.id, after) : undefined),
      )
      .orderBy(asc(organizations.id))
      .limit(batch);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(organizations)
          .set({ contactPhone: reenc('mobile', r.contactPhone) })
          .where(eq(organizations.id, r.id));
    });
    result.organizations += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  // users.totp_secret (issue 8 item 6) is encrypted with the field 'totp_secret' by its owner; rotation re-encrypts what is encrypted
  if (opts.mode === 'rotate') {
    after = '';
    for (;;) {
      const rows = await db
        .select({ id: users.id, totpSecret: users.totpSecret })
        .from(users)
        .where(and(sql`${users.totpSecret} like ${`${PII_PREFIX}%`}`, needs(users.totpSecret), after ? gt(users.id, after) : undefined))
        .orderBy(asc(users.id))
        .limit(batch);
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const r of rows)
          await tx
            .update(users)
            .set({ totpSecret: pii.encrypt('totp_secret', pii.decrypt('totp_secret', r.totpSecret)) })
            .where(eq(users.id, r.id));
      });
      result.totpSecrets += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    after = '';
    for (;;) {
      const rows = await db
        .select({ id: objections.id, contact: objections.contact })
        .from(objections)
        .where(and(needs(objections.contact), after ? gt(objections.id, after) : undefined))
        .orderBy(asc(objections.id))
        .limit(batch);
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const r of rows)
          await tx
            .update(objections)
            .set({ contact: pii.encrypt('objection_contact', pii.decrypt('objection_contact', r.contact)) })
            .where(eq(objections.id, r.id));
      });
      result.objections += rows.length;
      after = rows[rows.length - 1]!.id;
    }
  }
  return result;
}
