/**
 * 真实性保证书 signed on a phone (SPEC §4): the desktop wizard shows a QR code with a short-lived signed
 * link; the phone page shows the pledge and takes a finger signature; the desktop sees it by itself.
 */
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { PLEDGE_TEXT, PLEDGE_TITLE } from '@zc/domain';
import { applications, files, plans, users } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { fail } from '../../platform/http/errors';
import { safeEqual } from '../../platform/auth/session';
import { writeAudit } from '../../platform/audit/audit';
import { assertImageWithinLimits } from '../../platform/storage/image-guard';

export const PLEDGE_TOKEN_MINUTES = 15;

/**
 * Tokens are signed with ctx.secrets.pledgeToken — PLEDGE_TOKEN_SECRET, or a secret generated once and
 * kept in platform_secrets — so a link made on one node opens on any other (issue 8 item 9).
 */
export function signToken(ctx: Pick<AppContext, 'secrets'>, applicationId: string, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ a: applicationId, e: expiresAt })).toString('base64url');
  return `${body}.${createHmac('sha256', ctx.secrets.pledgeToken).update(body).digest('base64url')}`;
}

export function readToken(ctx: Pick<AppContext, 'secrets'>, token: string, now: Date): string {
  const [body, sig] = token.split('.');
  if (!body || !sig || !safeEqual(sig, createHmac('sha256', ctx.secrets.pledgeToken).update(body).digest('base64url')))
    fail('NOT_FOUND', '签名链接无效，请在电脑上重新生成二维码');
  const { a, e } = JSON.parse(Buffer.from(body, 'base64url').toString()) as { a: string; e: number };
  if (e < now.getTime()) fail('STATE', '签名链接已过期，请在电脑上重新生成二维码');
  return a;
}

export async function pledgeView(ctx: AppContext, token: string) {
  const id = readToken(ctx, token, ctx.now());
  const [row] = await ctx.db
    .select({ signedAt: applications.pledgeSignedAt, realName: users.realName, planName: plans.name })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .innerJoin(plans, eq(plans.id, applications.planId))
    .where(eq(applications.id, id));
  if (!row) fail('NOT_FOUND');
  return {
    title: PLEDGE_TITLE,
    applicantName: row.realName,
    planName: row.planName,
    text: [...PLEDGE_TEXT],
    signed: row.signedAt !== null,
  };
}

export async function signPledge(ctx: AppContext, token: string, signaturePngBase64: string, ip: string) {
  const id = readToken(ctx, token, ctx.now());
  const png = Buffer.from(signaturePngBase64.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (png.length < 200) fail('VALIDATION', '签名是空的，请用手指在框内签名');
  assertImageWithinLimits(png); // the pixel ceiling before anything reads the image
  const [a] = await ctx.db.select().from(applications).where(eq(applications.id, id));
  if (!a) fail('NOT_FOUND');
  if (a.status !== 'draft' && a.status !== 'returned') fail('STATE', '申报已提交，无需再签名');
  const stored = await ctx.store.put(Readable.from([png]), { maxBytes: 2 * 1024 * 1024, accept: ['image/png'], filename: 'signature.png' });
  await ctx.db.transaction(async (tx) => {
    const [f] = await tx
      .insert(files)
      .values({ ...stored, originalName: '真实性保证书签名.png', purpose: 'pledgeSignature', ownerUserId: a.applicantId })
      .returning({ id: files.id });
    await tx
      .update(applications)
      .set({ pledgeSignedAt: ctx.now(), pledgeSignatureFileId: f!.id, updatedAt: ctx.now() })
      .where(eq(applications.id, id));
    await writeAudit(
      tx,
      { actorUserId: a.applicantId, actorRole: 'applicant', actorOrgId: null, ip },
      { action: 'application.pledgeSigned', targetType: 'application', targetId: id, after: { signatureFileId: f!.id } },
    );
  });
}
