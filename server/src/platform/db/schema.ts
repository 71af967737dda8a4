/**
 * The one schema for PGlite and PostgreSQL. Migrations are generated from it by drizzle-kit
 * (server/migrations) and applied to both at start-up.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 行政区划: province → city → county, plus development zones without a GB/T 2260 code. */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    code: text('code').unique(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: text('parent_id'),
    /** keys from the root joined by '/', used for jurisdiction prefix checks */
    path: text('path').notNull(),
    mountainCounty: boolean('mountain_county').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentId), index('regions_path_idx').on(t.path.op('text_pattern_ops'))],
);

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    storageKey: text('storage_key').notNull(),
    purpose: text('purpose').notNull(),
    ownerUserId: uuid('owner_user_id'),
    ownerOrgId: uuid('owner_org_id'),
    createdAt: createdAt(),
  },
  (t) => [index('files_owner_org_idx').on(t.ownerOrgId), index('files_owner_user_idx').on(t.ownerUserId, t.sha256)],
);

/** Employers and management bodies. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    regionId: text('region_id').notNull(),
    /** copy of the region's path, so jurisdiction filters need no join */
    regionPath: text('region_path').notNull(),
    status: text('status').notNull().default('approved'),
    creditCode: text('credit_code'),
    nature: text('nature'),
    natureRemark: text('nature_remark'),
    competentDepartment: text('competent_department'),
    affiliation: text('affiliation'),
    industry: text('industry'),
    filesAtAgency: boolean('files_at_agency').notNull().default(false),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** a department's fee switch (seed 004 附件2 二.2: the system default 收费 is to be set to 不收费); default off */
    feeEnabled: boolean('fee_enabled').notNull().default(false),
    /** what the department charges when its switch is on (中推高推荐费), in fen */
    feeAmountFen: integer('fee_amount_fen'),
    authorizationLetterFileId: uuid('authorization_letter_file_id'),
    refusalReason: text('refusal_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_credit_code_uq').on(t.creditCode),
    index('organizations_kind_status_idx').on(t.kind, t.status, t.regionPath.op('text_pattern_ops')),
    index('organizations_region_path_idx').on(t.regionPath.op('text_pattern_ops')),
    index('organizations_created_idx').on(t.createdAt.desc().nullsFirst()),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').notNull(),
    orgId: uuid('org_id'),
    username: text('username'),
    passwordHash: text('password_hash'),
    realName: text('real_name').notNull(),
    /** 身份证号码, encrypted at rest (platform/crypto/pii.ts: AES-256-GCM, key from the environment) */
    idNumber: text('id_number'),
    /** keyed hash (HMAC-SHA256) of the normalized ID number: look-up and uniqueness without the clear value */
    idNumberHash: text('id_number_hash'),
    /** mobile number, encrypted at rest like idNumber */
    mobile: text('mobile'),
    mobileHash: text('mobile_hash'),
    email: text('email'),
    sex: text('sex'),
    birthDate: text('birth_date'),
    /** 现从事专业 (SPEC §4: entered once, shown identically everywhere) */
    currentSpecialty: text('current_specialty'),
    workStartMonth: text('work_start_month'),
    /** white-background ID photo, reused on the certificate (SPEC §2) */
    photoFileId: uuid('photo_file_id'),
    profileCompletedAt: timestamp('profile_completed_at', { withTimezone: true }),
    /** 政务服务网 subject (personal) or legal-person subject, from the SSO provider */
    govSubject: text('gov_subject'),
    /** claims of the last SSO login (legal person: unit name and credit code, to prefill registration) */
    govClaims: jsonb('gov_claims'),
    status: text('status').notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** centrally allocated accounts must choose their own password at first login */
    passwordMustChange: boolean('password_must_change').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** TOTP (RFC 6238) secret, encrypted like idNumber; enabled once the user confirmed one code */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_id_number_hash_uq').on(t.idNumberHash),
    index('users_mobile_hash_idx').on(t.mobileHash),
    uniqueIndex('users_gov_subject_uq').on(t.govSubject),
    index('users_org_idx').on(t.orgId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * 'full' once signed in completely; 'mfa' after the password of a management account, until its second
     * factor; 'password' while an allocated account must still replace its initial password
     */
    stage: text('stage').notNull().default('full'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed-password throttling per key (account + client address, and the account alone): shared by every
 * app node because it lives in the database. Growing delays instead of an account lock-out.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/** Request rate limits shared by every app node (store for @fastify/rate-limit): hits per key and window. */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull().default(0),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});

/** One-time codes sent by SMS (password reset, second factor): only their hash is stored. */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('verification_codes_user_idx').on(t.userId, t.purpose, t.createdAt.desc().nullsFirst())],
);

/** Recovery codes for a second factor: hash only, each used once. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/** Secrets the platform generates once and every node shares (e.g. the pledge-link signing key). */
export const platformSecrets = pgTable('platform_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/** 申报人与用人单位的绑定 (seed 003 附件2.2). */
export const employmentBindings = pgTable(
  'employment_bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantId: uuid('applicant_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('bindings_employer_status_idx').on(t.employerId, t.status, t.requestedAt.desc().nullsFirst()),
    uniqueIndex('bindings_one_active_uq')
      .on(t.applicantId)
      .where(sql`status in ('pending', 'approved')`),
  ],
);

/** Typed audit events, written in the same transaction as the change they record. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    actorOrgId: uuid('actor_org_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** region path of the target, so auditors see only their jurisdiction */
    regionPath: text('region_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * hash chain (platform/audit/chain.ts): rows are sealed in commit order by the sealer, which gives each
     * its place in the chain (seq), the hash of the previous row and its own hash over a canonical encoding
     */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_seq_uq').on(t.seq),
    index('audit_unsealed_idx')
      .on(t.id)
      .where(sql`seq is null`),
    index('audit_target_idx').on(t.targetType, t.targetId),
    index('audit_at_idx').on(t.at.desc().nullsFirst()),
  ],
);

/** In-app inbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

/** Outbox of text messages; the SMS adapter delivers from here (the demo adapter marks them delivered). */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mobile: text('mobile').notNull(),
    template: text('template').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    /** set when a node claims the message (FOR UPDATE SKIP LOCKED); a stale claim is taken over */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_outbox_status_idx').on(t.status, t.createdAt)],
);

/** 通知公告 on the public portal (SPEC §10). */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publisher: text('publisher').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** the date of the notice's own document (YYYY-MM-DD), shown on the portal instead of the day it was entered */
    documentDate: text('document_date'),
    /** 文号 of the document, e.g. 浙经信人事〔2020〕151号 */
    documentNumber: text('document_number'),
    /** the plan the notice announces, when there is one (the portal links to it) */
    planId: uuid('plan_id'),
  },
  (t) => [index('notices_published_idx').on(t.publishedAt.desc().nullsFirst())],
);

/** One-time state of an SSO login in flight (state, nonce, PKCE verifier). */
export const ssoStates = pgTable('sso_states', {
  state: text('state').primaryKey(),
  kind: text('kind').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: createdAt(),
});

/** Authorization codes issued by the built-in demo identity provider. */
export const demoIdpCodes = pgTable('demo_idp_codes', {
  code: text('code').primaryKey(),
  clientId: text('client_id').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  subject: text('subject').notNull(),
  nonce: text('nonce'),
  codeChallenge: text('code_challenge').notNull(),
  createdAt: createdAt(),
});

/** 个人业绩档案库: one row per entry; `data` is validated by the domain's ZArchiveEntryData. */
export const archiveEntries = pgTable(
  'archive_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantId: uuid('applicant_id').notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    /** the employer that verifies it: the applicant's bound employer when submitted */
    employerId: uuid('employer_id'),
    version: integer('version').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    /** set when a submitted application uses the entry: no change or deletion after that */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    /** education: the registry's answer or what must be uploaded */
    verification: jsonb('verification'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('archive_applicant_idx').on(t.applicantId, t.kind),
    index('archive_employer_queue_idx').on(t.employerId, t.status, t.submittedAt.desc().nullsFirst()),
  ],
);

export const archiveEvidence = pgTable(
  'archive_evidence',
  {
    entryId: uuid('entry_id').notNull(),
    fileId: uuid('file_id').notNull(),
    label: text('label'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('archive_evidence_pk').on(t.entryId, t.fileId), index('archive_evidence_file_idx').on(t.fileId)],
);

/** Resumable uploads of large scans: bytes go to a temp file until the declared size is reached. */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id').notNull(),
    /** chosen by the client for one file (e.g. name + size + mtime): a retry finds the same upload */
    clientKey: text('client_key').notNull(),
    filename: text('filename').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    received: bigint('received', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull().default('open'),
    fileId: uuid('file_id'),
    /** a chunk being written holds the upload until then: a concurrent chunk for it gets 409 */
    busyUntil: timestamp('busy_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('uploads_owner_key_uq').on(t.ownerUserId, t.clientKey)],
);

/** 评审计划: the plan document (validated by the domain's ZPlan) and its publication state. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    officeOrgId: uuid('office_org_id').notNull(),
    status: text('status').notNull().default('draft'),
    data: jsonb('data').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plans_key_uq').on(t.key), index('plans_status_idx').on(t.status, t.year)],
);

/** Working-day schedules entered by an administrator for years the calendar library does not know. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').notNull(),
  workdays: jsonb('workdays').notNull(),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 申报: the applicant's application to one plan; the draft lives in the same row. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantId: uuid('applicant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    employerId: uuid('employer_id').notNull(),
    /** the employer's region path at submission: jurisdiction filters need no join */
    regionPath: text('region_path').notNull(),
    status: text('status').notNull().default('draft'),
    /** index into application_steps of the department now holding it; -1 while at the employer */
    currentStep: integer('current_step').notNull().default(-1),
    /** organizations that may act now (either-or steps have two) */
    currentOrgIds: uuid('current_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    level: text('level'),
    mode: text('mode'),
    specialtyCode: text('specialty_code'),
    draft: jsonb('draft')
      .notNull()
      .default(sql`'{}'::jsonb`),
    photoFileId: uuid('photo_file_id'),
    pledgeSignedAt: timestamp('pledge_signed_at', { withTimezone: true }),
    pledgeSignatureFileId: uuid('pledge_signature_file_id'),
    eligibility: jsonb('eligibility'),
    publicityStart: text('publicity_start'),
    publicityEnd: text('publicity_end'),
    /** the end was computed on a provisional calendar (a year without an entered official schedule); final once entered */
    publicityEndProvisional: boolean('publicity_end_provisional').notNull().default(false),
    objections: jsonb('objections')
      .notNull()
      .default(sql`'[]'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_applicant_plan_uq').on(t.applicantId, t.planId),
    // (a GIN index on the whole array served "@> [org]" until migration 0002: every query now goes through the
    // three indexes below, and each transition no longer pays a GIN insert)
    // queue pages (applications/queue.ts queue()): whoever holds an application is its first current org, or its
    // second (either-or and joint steps hold two); each index walks one org's applications in queue order. The array
    // itself is the last column so that pages and counts are index-only scans (PostgreSQL only considers those when
    // every column the query names is in the index; drizzle has no INCLUDE)
    index('applications_queue_first_idx').on(
      sql`(${t.currentOrgIds}[1])`,
      t.submittedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.currentOrgIds,
    ),
    index('applications_queue_second_idx')
      .on(sql`(${t.currentOrgIds}[2])`, t.submittedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.currentOrgIds)
      .where(sql`cardinality(${t.currentOrgIds}) > 1`),
    // a third holder or more: none today; kept exact and cheap (array_length, not cardinality: a predicate the
    // planner cannot prove to imply the second index's, so that index is never scanned whole for this part)
    index('applications_queue_more_idx')
      .using('gin', t.currentOrgIds)
      .where(sql`array_length(${t.currentOrgIds}, 1) > 2`),
    index('applications_status_submitted_idx').on(t.status, t.submittedAt.desc().nullsFirst()),
    index('applications_employer_idx').on(t.employerId, t.status, t.submittedAt.desc().nullsFirst()),
    // statistics (F22) of a jurisdiction: the region prefix, then every column its grouping sets read, so that a county or
    // a city is an index-only range scan instead of a read of the whole table (bench/statistics.ts)
    index('applications_region_stats_idx').on(
      t.regionPath.op('text_pattern_ops'),
      t.status,
      t.planId,
      t.specialtyCode,
      t.level,
      t.employerId,
    ),
  ],
);

/** The review chain copied at submission (STYLE 5): what was in force then stays with the application. */
export const applicationSteps = pgTable(
  'application_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    orgIds: uuid('org_ids').array().notNull(),
    /** joint sign-off (会同): every org must approve; otherwise any one may act */
    joint: boolean('joint').notNull().default(false),
    approvedOrgIds: uuid('approved_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('pending'),
    opinion: text('opinion'),
    checks: jsonb('checks'),
    originalsVerifiedBy: text('originals_verified_by'),
    originalsVerifiedAt: timestamp('originals_verified_at', { withTimezone: true }),
    actedBy: uuid('acted_by'),
    actedAt: timestamp('acted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('application_steps_uq').on(t.applicationId, t.seq)],
);

/** The timeline the applicant sees: every step, who (office), when, the opinion. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: uuid('application_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorOrgName: text('actor_org_name'),
    action: text('action').notNull(),
    label: text('label').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    opinion: text('opinion'),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.at)],
);

/**
 * What an application owes (SPEC §7, the plan's `fee`; a department's 推荐费 when its switch is on): one row per
 * kind, created when it falls due. Paid once, by an online payment (payments) or confirmed by the office
 * (bank transfer); an application with an unpaid row cannot go on to expert review.
 */
export const applicationFees = pgTable(
  'application_fees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    /** review (评审费, the plan's) | recommendation (a department's 推荐费) */
    kind: text('kind').notNull(),
    /** who collects it: the committee office or the department */
    orgId: uuid('org_id').notNull(),
    payer: text('payer').notNull(),
    /** null while the plan states no amount: the office confirms what was paid offline */
    amountFen: integer('amount_fen'),
    method: text('method').notNull(),
    /** unpaid | paid | refunded | waived */
    status: text('status').notNull().default('unpaid'),
    dueBy: text('due_by'),
    paymentId: uuid('payment_id'),
    receiptNo: text('receipt_no'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_fees_uq').on(t.applicationId, t.kind, t.orgId),
    index('application_fees_org_status_idx').on(t.orgId, t.status),
  ],
);

/** An online payment order with a payment provider (adapter): created → paid | failed | closed; paid → refunded. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feeId: uuid('fee_id').notNull(),
    provider: text('provider').notNull(),
    /** our order number, sent to the provider; unique */
    outTradeNo: text('out_trade_no').notNull(),
    providerTradeNo: text('provider_trade_no'),
    amountFen: integer('amount_fen').notNull(),
    /** created | paid | failed | closed | refunded */
    status: text('status').notNull().default('created'),
    payerUserId: uuid('payer_user_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payments_out_trade_no_uq').on(t.outTradeNo), index('payments_fee_idx').on(t.feeId, t.createdAt)],
);

/** Every callback a payment provider sent, verified or not: (provider, notifyId) is processed once. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text('provider').notNull(),
    notifyId: text('notify_id').notNull(),
    outTradeNo: text('out_trade_no'),
    event: text('event').notNull(),
    signatureOk: boolean('signature_ok').notNull(),
    /** applied | duplicate | stale | rejected */
    outcome: text('outcome').notNull(),
    body: jsonb('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_callbacks_notify_uq').on(t.provider, t.notifyId)],
);

/** A publicity list (公示) on the public portal: the employer's, the committee's pre-review (评前) or results list. */
export const publicityLists = pgTable(
  'publicity_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** employer | preReview | results */
    kind: text('kind').notNull(),
    planId: uuid('plan_id').notNull(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    endProvisional: boolean('end_provisional').notNull().default(false),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicity_lists_published_idx').on(t.publishedAt.desc().nullsFirst()),
    // one list per kind, plan, publishing body and start day: a batch published item by item lands in one list
    uniqueIndex('publicity_lists_day_uq').on(t.kind, t.planId, t.orgId, t.startDate),
  ],
);

/** One person on a publicity list, as published (public fields only: never ID number or phone). */
export const publicityEntries = pgTable(
  'publicity_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    employerName: text('employer_name').notNull(),
    specialty: text('specialty').notNull(),
    level: text('level').notNull(),
    mode: text('mode').notNull(),
    /** taken off the list: the office returned the application or cancelled its review while the list was up */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('publicity_entries_uq').on(t.listId, t.applicationId),
    index('publicity_entries_application_idx').on(t.applicationId),
  ],
);

/** 异议: lodged on the portal without login against a person on a publicity list; handled by the office. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    content: text('content').notNull(),
    contactName: text('contact_name'),
    /** phone or e-mail, encrypted (ctx.pii); shown to the office only */
    contact: text('contact').notNull(),
    evidenceFileId: uuid('evidence_file_id'),
    /** HMAC of the lodging address, for throttling; never the address itself */
    sourceHash: text('source_hash'),
    /** pending | upheld | dismissed */
    status: text('status').notNull().default('pending'),
    handling: text('handling'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objections_application_idx').on(t.applicationId, t.lodgedAt), index('objections_list_status_idx').on(t.listId, t.status)],
);
