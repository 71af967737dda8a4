/** Evidence and letters are served only to those allowed to see them, never from the web root. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { isWithinJurisdiction } from '@zc/domain';
import type { AppContext } from '../../platform/context';
import { and } from 'drizzle-orm';
import { archiveEntries, archiveEvidence, files, organizations } from '../../platform/db/schema';
import { requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { mayReadApplicationFile } from '../applications/service';

export const fileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/files/:id',
    { schema: { tags: ['文件'], summary: '查看文件（仅限有权限者）', params: z.object({ id: z.uuid() }), querystring: z.object({ download: z.stringbool().default(false), application: z.uuid().optional() }) } },
    async (req, reply) => {
      const auth = requireAuth(req);
      const [f] = await ctx.db.select().from(files).where(eq(files.id, req.params.id));
      if (!f) fail('NOT_FOUND');
      let allowed = f.ownerUserId === auth.user.id || (f.ownerOrgId !== null && f.ownerOrgId === auth.user.orgId);
      if (!allowed && f.ownerOrgId && (auth.user.role === 'officer' || auth.user.role === 'admin')) {
        const [o] = await ctx.db.select({ regionPath: organizations.regionPath }).from(organizations).where(eq(organizations.id, f.ownerOrgId));
        allowed = !!o && isWithinJurisdiction(auth.actor.regionPath, o.regionPath);
      }
      if (!allowed && auth.user.role === 'employer' && auth.user.orgStatus === 'approved' && auth.user.orgId) {
        // evidence of an entry the unit is (or was) asked to verify
        const [hit] = await ctx.db
          .select({ id: archiveEntries.id })
          .from(archiveEvidence)
          .innerJoin(archiveEntries, eq(archiveEntries.id, archiveEvidence.entryId))
          .where(and(eq(archiveEvidence.fileId, f.id), eq(archiveEntries.employerId, auth.user.orgId)))
          .limit(1);
        allowed = !!hit;
      }
      // reviewers read an application's photo, signature, attachments and evidence through the application
      if (!allowed && req.query.application) allowed = await mayReadApplicationFile(ctx, auth, req.query.application, f.id);
      // someone else's file is reported as absent: its existence is not ours to reveal
      if (!allowed) fail('NOT_FOUND');
      const stream = await ctx.store.get(f.storageKey);
      const ext = f.mime === 'application/pdf' ? 'pdf' : f.mime === 'image/png' ? 'png' : 'jpg';
      const name = encodeURIComponent(f.originalName.replace(/\.[^.]*$/, '') + '.' + ext);
      return reply
        .header('content-type', f.mime)
        .header('content-length', String(f.size))
        .header('content-disposition', `${req.query.download ? 'attachment' : 'inline'}; filename="file.${ext}"; filename*=UTF-8''${name}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf")
        .send(stream);
    },
  );
};
