/** The platform's process: HTTP server, SMS delivery loop, session purge. */
import { demoModeWarnings, loadConfig } from './platform/config';
import { bootstrap } from './platform/bootstrap';
import { buildApp } from './app';
import { seedDemoData, demoAccountList, DEMO_PASSWORD } from './modules/demo/demo-data';
import { seedPlans } from './modules/plans/seed-plans';
import { seedDemoRound } from './modules/demo/demo-round';
import { deliverSmsOutbox, nonOverlappingInterval, SMS_POLICY } from './platform/notifications/notify';
import { smsDeliveryConfigured } from './platform/notifications/gateway';
import { purgeExpiredSessions } from './platform/auth/session';
import { AUDIT_SEAL_INTERVAL_MS, sealAudit } from './platform/audit/chain';

const config = loadConfig();
// several nodes may start at once on one PostgreSQL: migrations and demo seeding run under a lock, one node at a time
const { ctx, database, startupDone } = await bootstrap(config, { holdStartupLock: true });
const app = await buildApp(ctx);
for (const w of demoModeWarnings(process.env, config)) app.log.warn(w);

if (config.seedDemo && (await seedDemoData(ctx.db, ctx.pii))) {
  app.log.info('已写入演示数据');
  // eslint-disable-next-line no-console
  console.log(
    `\n演示账号（密码均为 ${DEMO_PASSWORD}）：\n${demoAccountList()
      .map((a) => `  ${a.username.padEnd(20)} ${a.what}`)
      .join('\n')}\n`,
  );
}

if (config.seedDemo) {
  // the seed notices as ready, published plans of their committee offices (config/plans)
  try {
    const keys = await seedPlans(ctx.db, ctx.now());
    if (keys.length) app.log.info({ keys }, '已载入种子评审计划');
    // and a round open today, so the whole application flow can be tried at once
    if (await seedDemoRound(ctx.db, ctx.now())) app.log.info('已发布演示轮次评审计划');
  } catch (e) {
    app.log.error({ err: (e as Error).message }, '种子评审计划载入失败，平台照常启动');
  }
}
await startupDone();

const timers = [
  // without a gateway (demo mode off, none configured) messages stay queued in the outbox
  ...(smsDeliveryConfigured(config)
    ? [
        nonOverlappingInterval(
          () => deliverSmsOutbox(ctx.db, ctx.sms, { log: app.log }),
          SMS_POLICY.loopIntervalMs,
          (e: unknown) => app.log.error({ err: (e as Error).message }, 'sms delivery failed'),
        ),
      ]
    : []),
  // audit rows join the hash chain in commit order, about a second after they are written (platform/audit/chain.ts)
  nonOverlappingInterval(
    () => sealAudit(ctx.db),
    AUDIT_SEAL_INTERVAL_MS,
    (e: unknown) => app.log.error({ err: e }, 'audit sealing failed'),
  ),
  setInterval(() => void purgeExpiredSessions(ctx.db, config.sessionIdleMinutes, ctx.now()).catch(() => undefined), 10 * 60_000),
];

await app.listen({ host: config.host, port: config.port });
// eslint-disable-next-line no-console
console.log(
  `\n职称申报评审平台已启动：${config.publicUrl}  （数据库：${database.kind === 'pglite' ? `嵌入式 PGlite，数据目录 ${config.dataDir}` : 'PostgreSQL'}；接口文档 ${config.publicUrl}/api/docs）\n${demoBanner()}`,
);

/** What the operator must know at a glance: demo features on, or how SSO and SMS stand. */
function demoBanner(): string {
  if (config.demoMode) {
    const on = [
      config.sso.demoIdp && '演示身份提供方（/idp，任何人可选演示身份登录）',
      config.seedDemo && `演示数据（admin 等账号，密码 ${DEMO_PASSWORD}）`,
      '演示短信（不真正发送）',
      config.testClock && '测试时钟（PUT /api/test/clock 可拨动平台时间）',
    ].filter(Boolean);
    return `!!! 演示模式已开启：${on.join('、')}，切勿用于生产。关闭：设置 DEMO_MODE=false（设置 DATABASE_URL 时默认关闭）。\n`;
  }
  return `演示模式未开启。政务服务网登录：${config.sso.enabled ? `已接入 ${config.sso.issuer}` : '未配置（SSO_ISSUER）'}；短信：${smsDeliveryConfigured(config) ? '已配置' : '未配置网关，短信留在发件箱中'}。\n`;
}

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    timers.forEach(clearInterval);
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
