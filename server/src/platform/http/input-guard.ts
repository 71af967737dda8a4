/**
 * Control characters never reach a handler (issue 8 item 4). PostgreSQL `text` cannot hold U+0000, so a NUL
 * in any string used to end as a 500 from the database; the other C0 controls (except tab, line feed and
 * carriage return, which forms legitimately send) have no place in this platform's data either.
 * One preValidation hook checks route params, query and JSON bodies (keys and values, at any depth);
 * multipart requests get `req.file()` wrapped so the file name and the field values are checked too.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** C0 controls except \t (09), \n (0A), \r (0D); also DEL (7F). */
export const FORBIDDEN_CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHAR_MESSAGE = '提交的内容含有不可见的控制字符（如 NUL），请删除后重试';

/** Nesting beyond this is refused outright rather than walked (no form of ours nests deeper than ~6). */
const MAX_DEPTH = 64;

export function hasControlChars(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return FORBIDDEN_CONTROL_CHARS.test(value);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((v) => hasControlChars(v, depth + 1));
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (FORBIDDEN_CONTROL_CHARS.test(k) || hasControlChars(v, depth + 1)) return true;
  }
  return false;
}

function controlCharError(): AppError {
  return new AppError('VALIDATION', CONTROL_CHAR_MESSAGE);
}

interface MultipartPartLike {
  filename?: string;
  fields?: Record<string, unknown>;
}

function partHasControlChars(part: MultipartPartLike): boolean {
  if (part.filename && FORBIDDEN_CONTROL_CHARS.test(part.filename)) return true;
  for (const [name, f] of Object.entries(part.fields ?? {})) {
    if (FORBIDDEN_CONTROL_CHARS.test(name)) return true;
    for (const field of Array.isArray(f) ? f : [f]) {
      const v = field as { type?: string; value?: unknown; filename?: string };
      if (v?.type === 'field' && hasControlChars(v.value)) return true;
      if (v?.type === 'file' && v.filename && FORBIDDEN_CONTROL_CHARS.test(v.filename)) return true;
    }
  }
  return false;
}

export function addInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (hasControlChars(req.params) || hasControlChars(req.query) || hasControlChars(req.body)) throw controlCharError();
    if (typeof req.isMultipart === 'function' && req.isMultipart()) {
      const original = req.file.bind(req);
      req.file = (async (...args: Parameters<typeof original>) => {
        const part = await original(...args);
        if (part && partHasControlChars(part)) {
          part.file.resume(); // drain so the request can finish
          throw controlCharError();
        }
        return part;
      }) as typeof req.file;
    }
  });
}
