/**
 * The address the pledge QR code carries (issue 9 item 7): the phone must be able to open it. A loopback
 * address (127.0.0.1, localhost) only works on the computer itself, so the link uses, in order:
 * 1. PUBLIC_URL, when it is not loopback (the administrator's word);
 * 2. the origin the browser reached the platform by (sent by the page), when it is not loopback;
 * 3. the request's Host header, when it is not loopback;
 * otherwise the loopback address, with phoneReachable = false so the page can say why the phone fails.
 *
 * The browser's origin and the Host header come from the requester: they are only used in the link shown
 * back to that same requester, and only when they are a plain scheme + host name / IP address + port
 * (no user info, path, query or odd characters), so nothing else can be smuggled into the link.
 */

/** A host name (RFC 1123 labels) or an IPv4 address, or a bracketed IPv6 address; an optional port. */
const HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))*|\[[0-9a-f:.]{2,45}\])(?::(\d{1,5}))?$/i;

/** `host[:port]` when it is safe to put into a link, else null. */
export function safeHost(value: string | undefined | null): string | null {
  if (!value || value.length > 300 || !HOST.test(value)) return null;
  const port = HOST.exec(value)![1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  return value.toLowerCase();
}

/** `http(s)://host[:port]` when the value is exactly such an origin, else null. */
export function safeOrigin(value: string | undefined | null): string | null {
  const m = value ? /^(https?):\/\/([^/?#@\s]+)$/i.exec(value.replace(/\/$/, '')) : null;
  const host = m ? safeHost(m[2]) : null;
  return m && host ? `${m[1]!.toLowerCase()}://${host}` : null;
}

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
}

/** 127.0.0.0/8, ::1, localhost (and *.localhost), and the unspecified 0.0.0.0 / :: — none reaches this computer from a phone. */
export function isLoopbackHost(host: string): boolean {
  const h = hostnameOf(host.toLowerCase());
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(h) ||
    h === '::1' ||
    h === '0.0.0.0' ||
    h === '::' ||
    h === ''
  );
}

export interface PledgeLinkInput {
  /** config.publicUrl (PUBLIC_URL, or http://HOST:PORT when unset) */
  publicUrl: string;
  /** window.location.origin as the page reports it */
  browserOrigin?: string | null;
  /** the request's Host header */
  requestHost?: string | null;
  /** the request's protocol (http / https) */
  requestProtocol: string;
}

export function pledgeLinkBase(i: PledgeLinkInput): { base: string; phoneReachable: boolean } {
  const configured = safeOrigin(i.publicUrl);
  const browser = safeOrigin(i.browserOrigin);
  const hostHeader = safeHost(i.requestHost);
  const fromHost = hostHeader ? `${i.requestProtocol === 'https' ? 'https' : 'http'}://${hostHeader}` : null;
  for (const origin of [configured, browser, fromHost])
    if (origin && !isLoopbackHost(origin.replace(/^https?:\/\//, ''))) return { base: origin, phoneReachable: true };
  return { base: browser ?? configured ?? fromHost ?? i.publicUrl, phoneReachable: false };
}
