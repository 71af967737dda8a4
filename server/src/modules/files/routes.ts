/** Evidence and letters are served only to those allowed to see them, never from the web root; every read is audited. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { files } from '../../platform/db/schema';
import { auditContextOf, requireAuth } from '../../platform/auth/plugin';
import { fail } from '../../platform/http/errors';
import { writeAudit } from '../../platform/audit/audit';
import { readGround } from './access';

export const fileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['文件'],
        summary: '查看文件（仅限有权限者，每次查看均记入审计日志）',
        params: z.object({ id: z.uuid('文件编号格式不正确') }),
        querystring: z.object({ download: z.stringbool().default(false), application: z.uuid('申报编号格式不正确').optional() }),
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      const [f] = await ctx.db.select().from(files).where(eq(files.id, req.params.id));
      if (!f) fail('NOT_FOUND');
      const ground = await readGround(ctx, auth, f, req.query.application);
      // someone else's file is reported as absent: its existence is not ours to reveal
      if (!ground) fail('NOT_FOUND');
      // who read which file, when, on what ground (issue 8 item 8): the owner's own reads too, so the
      // trail has no gaps to argue about; one insert, before the first byte leaves
      await ctx.db.transaction((tx) =>
        writeAudit(tx, auditContextOf(req), {
          action: 'file.read',
          targetType: 'file',
          targetId: f.id,
          after: { purpose: f.purpose, ground, applicationId: req.query.application ?? null, download: req.query.download },
        }),
      );
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
