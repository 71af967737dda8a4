/**
 * The SMS outbox holds mobiles encrypted like users.mobile; the gateway needs the number in clear.
 * This wrapper decrypts right before the gateway call, so the number is in clear only in memory for
 * the send (notify.ts's delivery loop stays as it is).
 */
import type { SmsGateway } from '../notifications/notify';
import type { PiiCipher } from './pii';

export class DecryptingSmsGateway implements SmsGateway {
  constructor(
    readonly inner: SmsGateway,
    private readonly pii: PiiCipher,
  ) {}
  send(mobile: string, body: string): Promise<{ messageId: string }> {
    return this.inner.send(this.pii.decrypt('mobile', mobile), body);
  }
}
