/**
 * Which SMS gateway delivers the outbox (issue 8 item 1). The demo gateway runs only in demo mode;
 * without demo mode and without a real gateway, nothing is delivered: messages stay queued in the
 * outbox (the administrator sees them) instead of being marked sent by a pretend gateway.
 */
import type { Config } from '../config';
import { DemoSmsGateway, type SmsGateway } from './notify';

/** Stands in when no gateway is configured; main.ts does not run the delivery loop with it. */
export class UnconfiguredSmsGateway implements SmsGateway {
  send(): Promise<{ messageId: string }> {
    return Promise.reject(new Error('短信网关未配置'));
  }
}

export function selectSmsGateway(config: Config): SmsGateway {
  switch (config.sms.adapter) {
    case 'demo':
      return new DemoSmsGateway(config.sms.failureRate, config.sms.latencyMs);
    case 'none':
      return new UnconfiguredSmsGateway();
  }
}

/** Whether the SMS delivery loop should run at all (ctx.sms may be wrapped, so ask the config). */
export function smsDeliveryConfigured(config: Config): boolean {
  return config.sms.adapter !== 'none';
}
