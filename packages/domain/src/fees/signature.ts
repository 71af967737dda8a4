/**
 * Payment callback signatures (SPEC §7 [ours], the shape of common providers' notify signatures): the signed text
 * is the body's fields sorted by name as `k=v` joined by `&`, then `timestamp` and `nonce`; the signature is
 * HMAC-SHA256 of it with the merchant secret (computed on the server: this package has no crypto). A callback older
 * or newer than the freshness window is refused, so a captured callback cannot be replayed later.
 */

/** [ours] seconds a callback's timestamp may differ from our clock (5 minutes, as common providers use) */
export const CALLBACK_FRESHNESS_SECONDS = 300;

export type SignedFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The canonical string: fields sorted by name (empty and absent values left out), then timestamp and nonce. */
export function canonicalString(fields: SignedFields, timestamp: string, nonce: string): string {
  const parts = Object.keys(fields)
    .filter((k) => fields[k] !== undefined && fields[k] !== null && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${String(fields[k])}`);
  return [...parts, `timestamp=${timestamp}`, `nonce=${nonce}`].join('&');
}

/** Why the timestamp/nonce are refused, or null. `timestamp` is seconds since the epoch, as text. */
export function callbackFreshnessProblem(
  timestamp: string,
  nonce: string,
  now: Date,
  windowSeconds = CALLBACK_FRESHNESS_SECONDS,
): string | null {
  if (!/^\d{9,11}$/.test(timestamp)) return '时间戳格式不正确';
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(nonce)) return '随机串格式不正确';
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > windowSeconds) return `通知时间与平台时间相差 ${Math.round(skew)} 秒，超过 ${windowSeconds} 秒`;
  return null;
}
