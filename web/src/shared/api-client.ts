/**
 * The one fetch wrapper of the web app.
 * - every path is under /api/v1;
 * - every non-GET request carries `x-csrf-token` = the `zc_csrf` cookie, read afresh each time
 *   (login and logout rotate it);
 * - a failed request throws ApiError(code, message, details, status) with the server's Chinese message.
 */

export const API_BASE = '/api/v1';
/** JSON requests give up after this long (file uploads have their own progress and retries). */
export const REQUEST_TIMEOUT_MS = 30_000;
/** browsers refuse keepalive requests with bodies over 64 KiB (all of a page's pending ones together) */
const KEEPALIVE_MAX_BYTES = 60_000;
const CSRF_COOKIE = 'zc_csrf';
const CSRF_HEADER = 'x-csrf-token';

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly code: string;
  readonly details: FieldErrors | undefined;
  readonly status: number;

  constructor(code: string, message: string, details: FieldErrors | undefined, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
    this.status = status;
  }

  /** The session is gone: timed out (SESSION_EXPIRED) or never there (UNAUTHENTICATED). */
  get signedOut(): boolean {
    return this.code === 'SESSION_EXPIRED' || this.code === 'UNAUTHENTICATED';
  }
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body */
  body?: unknown;
  /** multipart body; the browser sets the boundary */
  form?: FormData;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** the request outlives the page (a save sent while the applicant leaves); the browser allows only small bodies */
  keepalive?: boolean;
}

export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return `${API_BASE}${path}${s ? `?${s}` : ''}`;
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

function isFieldErrors(v: unknown): v is FieldErrors {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}

/** An ApiError from a failed response's status and body text (JSON `{code, message, details}` when the server wrote it). */
function errorFrom(status: number, text: string): ApiError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // not JSON (a proxy error page): fall through to a generic message
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : status >= 500
        ? '系统繁忙，请稍后再试；如持续出现请联系管理员'
        : '请求未能完成，请刷新页面后重试';
  return new ApiError(code, message, isFieldErrors(body.details) ? body.details : undefined, status);
}

async function toApiError(res: Response): Promise<ApiError> {
  return errorFrom(res.status, await res.text().catch(() => ''));
}

/** Makes sure the browser holds a CSRF cookie (any GET under /api sets one). */
async function ensureCsrfCookie(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch(`${API_BASE}/session`, { credentials: 'same-origin' });
  return readCookie(CSRF_COOKIE) ?? '';
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined || opts.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') headers[CSRF_HEADER] = await ensureCsrfCookie();

  let res: Response;
  // a request never waits forever: a button must not stay in its loading state if an answer is lost
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const keepalive = !!opts.keepalive && typeof body === 'string' && new TextEncoder().encode(body).byteLength < KEEPALIVE_MAX_BYTES;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      keepalive,
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
    });
  } catch (e) {
    if (timeout.aborted && !opts.signal?.aborted)
      throw new ApiError('NETWORK', '服务器响应超时，请稍后重试；已填写的内容不会丢失', undefined, 0);
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('NETWORK', '网络连接失败，请检查网络后重试', undefined, 0);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  /** multipart form, or raw bytes (with `headers['content-type']`) */
  body: FormData | Blob;
  headers?: Record<string, string>;
  /** bytes of this request's body sent so far */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal;
}

/**
 * A request whose body is a file, with upload progress (fetch cannot report it, so this uses XMLHttpRequest).
 * Same contract as `api`: CSRF header, JSON answer, ApiError with the server's Chinese message;
 * a dropped connection is ApiError('NETWORK', …, status 0), a cancel is an AbortError.
 */
export async function apiUpload<T>(path: string, opts: UploadOptions): Promise<T> {
  const csrf = await ensureCsrfCookie();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method ?? 'POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, csrf);
    for (const [k, v] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(k, v);
    if (opts.onProgress) {
      const report = opts.onProgress;
      xhr.upload.onprogress = (e) => report(e.loaded);
    }
    const abort = () => xhr.abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    const done = () => opts.signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError('NETWORK', '服务器的应答不完整，请重试', undefined, 0));
        }
      } else reject(errorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError('NETWORK', '网络连接中断，请检查网络后继续上传', undefined, 0));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(new DOMException('上传已取消', 'AbortError'));
    };
    xhr.send(opts.body);
  });
}

/** Absolute link to a stored file (opened in a new tab or an <iframe>). */
export function fileUrl(fileId: string, download = false, application?: string): string {
  return apiUrl(`/files/${encodeURIComponent(fileId)}`, { download: download || undefined, application });
}
