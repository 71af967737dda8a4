/**
 * Database errors, seen from the HTTP edge (issue 8 item 4).
 *
 * 1. Logging: drizzle's DrizzleQueryError message is "Failed query: <sql>\nparams: <values>", and PostgreSQL
 *    errors carry `detail` ("Key (mobile)=(139…) already exists"), `where` and messages that quote the input
 *    ("invalid input syntax for type uuid: \"…\""). Any of them can hold a phone or ID number, so errors are
 *    logged only through `safeError()`: class, SQLSTATE, constraint / table / column, the statement text's hash,
 *    a message with quoted values and long digit runs removed, and stack frames without the message.
 * 2. Status: SQLSTATEs that mean "the input was bad" (or "someone else won") become 4xx with a Chinese message
 *    instead of a 500, as a safety net under the zod schemas.
 */
import { createHash } from 'node:crypto';
import { AppError } from './errors';

export interface DbErrorInfo {
  sqlstate: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** sha256 (first 16 hex) of the statement text: enough to find the statement, nothing of its values */
  statement?: string;
}

type Loose = Record<string, unknown> & { cause?: unknown };
const SQLSTATE = /^[0-9A-Z]{5}$/;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The PostgreSQL error inside whatever wraps it (DrizzleQueryError → pg DatabaseError / PGlite error). */
export function dbErrorInfo(error: unknown): DbErrorInfo | null {
  let statement: string | undefined;
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i += 1) {
    const o = e as Loose;
    if (!statement && typeof o.query === 'string') statement = createHash('sha256').update(o.query).digest('hex').slice(0, 16);
    if (typeof o.code === 'string' && SQLSTATE.test(o.code) && ('severity' in o || 'detail' in o || 'routine' in o || 'schema' in o)) {
      return { sqlstate: o.code, constraint: str(o.constraint), table: str(o.table), column: str(o.column), statement };
    }
    e = o.cause;
  }
  return null;
}

/** 4xx for SQLSTATEs that mean bad input or a lost race; null → a real fault (500). */
export function mapDbError(error: unknown): AppError | null {
  const info = dbErrorInfo(error);
  if (!info) return null;
  switch (info.sqlstate) {
    case '22P02': // invalid_text_representation (a malformed uuid, number…)
    case '22003': // numeric_value_out_of_range
    case '22004': // null_value_not_allowed
    case '22021': // character_not_in_repertoire
    case '22P05': // untranslatable_character (\u0000 in jsonb)
      return new AppError('VALIDATION', '提交的内容格式不正确，请检查后重试');
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
      return new AppError('VALIDATION', '日期或时间不正确，请按“年-月-日”填写真实存在的日期');
    case '22001': // string_data_right_truncation
    case '54000': // program_limit_exceeded (e.g. an index row too large)
      return new AppError('VALIDATION', '提交的内容过长，请缩短后重试');
    case '23505': // unique_violation
      return new AppError('DUPLICATE', '记录已存在，请勿重复提交；如需修改请在原记录上操作');
    case '23503': // foreign_key_violation
      return new AppError('VALIDATION', '引用的记录不存在或已被删除，请刷新页面后重新选择');
    case '23502': // not_null_violation
    case '23514': // check_violation
      return new AppError('VALIDATION', '提交的内容不完整或不符合要求，请按提示修改后重试');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new AppError('CONFLICT', '记录正被他人同时修改，请稍后刷新重试');
    default:
      return null;
  }
}

/** Digit runs long enough to be a phone (11) or an ID number (15/18), with an optional X check digit. */
const LONG_DIGITS = /\d{7,}[\dXx]?/g;

function scrubText(s: string): string {
  return s
    .split(/\nparams: /)[0]! // drizzle appends the parameters after this marker
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"') // quoted values in PostgreSQL messages
    .replace(/'(?:[^']|'')*'/g, "'…'") // SQL string literals
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)') // "Key (col)=(value)"
    .replace(LONG_DIGITS, '…')
    .slice(0, 2000);
}

/** A log-safe view of any error: no parameters, no detail, no quoted values (see the header). */
export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** safeError's own results: the logger's err serializer passes them through unchanged */
const alreadySafe = new WeakSet<object>();

export function safeError(error: unknown): SafeError {
  if (error && typeof error === 'object' && alreadySafe.has(error)) return error as SafeError;
  if (!error || typeof error !== 'object') return { type: typeof error, message: scrubText(String(error)), stack: '' };
  const e = error as Error & Loose;
  const out: SafeError = { type: e.constructor?.name ?? 'Error', message: scrubText(String(e.message ?? '')), stack: '' };
  if (typeof e.code === 'string') out.code = e.code;
  const db = dbErrorInfo(error);
  if (db) {
    out.db = db;
    // the statement text without its values: drizzle's query is parameterized ($1, $2…), so the SQL itself is safe
    if (typeof e.query === 'string') out.message = `Failed query: ${scrubText(e.query)}`;
  }
  if (typeof e.stack === 'string')
    out.stack = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 15)
      .join('\n');
  alreadySafe.add(out);
  return out;
}
