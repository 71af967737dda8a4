/**
 * Response headers every answer carries (issue 8 item 10), beside helmet's: API answers are never cached
 * (personal data must not stay in a shared or browser cache; a route that sets its own Cache-Control, such
 * as file downloads' "private, no-store", keeps it); HTML pages are never cached, so a deployment's new
 * bundle is what the next load gets; and a Permissions-Policy turns off the browser features the platform
 * never uses (OWASP Secure Headers Project's recommended list, trimmed to what browsers implement).
 */
import type { FastifyInstance } from 'fastify';

export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Paths whose answers are data: the API and the demo identity provider's token endpoints. */
const DATA_PREFIXES = ['/api/', '/idp/'];

export function addResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('cache-control', 'no-store');
    else if (!reply.hasHeader('cache-control') && DATA_PREFIXES.some((p) => req.url.startsWith(p)))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
