/**
 * Publicity (公示, SPEC §7, §10): the lists on the public portal and the objections (异议) anyone may lodge
 * against a person on them. Seed 001 一(一) (and seed 000 四(三)): "高评委办公室在评审前，将评审对象基本情况和
 * 资格审查情况在……网站上公示5个工作日" — the pre-review list; its length is the plan's
 * `publicity.committeeWorkingDays`. What a list shows is chosen here, once: name, employer, specialty, level,
 * mode — never an ID number or a phone [ours, PIPL].
 */
import { z } from 'zod';
import { validateMobile } from '../identity/password';
import { maskMobile } from '../validators/id-number';
import type { Plan } from '../plans/plan';
import { TITLE_LEVELS } from '../archive/entries';
import { APPLICATION_MODES } from '../plans/plan';

/** employer: the unit's own publicity (seed 003 三); preReview: the office's 评前公示 (seed 001); results: 评审结果公示. */
export const PUBLICITY_KINDS = ['employer', 'preReview', 'results'] as const;
export const ZPublicityKind = z.enum(PUBLICITY_KINDS);
export type PublicityKind = z.infer<typeof ZPublicityKind>;

/** pending until the office records the outcome: upheld (异议成立) or dismissed (异议不成立). */
export const OBJECTION_STATUSES = ['pending', 'upheld', 'dismissed'] as const;
export const ZObjectionStatus = z.enum(OBJECTION_STATUSES);
export type ObjectionStatus = z.infer<typeof ZObjectionStatus>;

/**
 * Limits of an objection [ours]: the content is a statement of facts, not a dossier (2,000 characters, counted as
 * code points like 本人述职); one evidence file of at most 10 MB (a phone photo or a few scanned pages);
 * an address may lodge 5 a minute on the whole portal and 3 a day against one person (a second and third for
 * corrections, not a flood).
 */
export const OBJECTION_LIMITS = {
  contentMinChars: 10,
  contentMaxChars: 2000,
  contactNameMaxChars: 30,
  handlingMinChars: 2,
  handlingMaxChars: 2000,
  evidenceMaxBytes: 10 * 1024 * 1024,
  perAddressPerMinute: 5,
  perAddressPerEntryPerDay: 3,
} as const;

/**
 * The rules shown above the objection form [ours: the seeds say nothing about how objections are lodged; the
 * wording follows the usual 公示 notices of Zhejiang's HR departments: 实名反映、据实反映].
 */
export const OBJECTION_RULES = [
  '对公示对象有异议的，请于公示期内（含公示截止日）实名、据实反映，写明具体事实，并尽量提供证明材料。',
  '请留下真实有效的手机号码或电子邮箱，以便评委会办公室核实情况、反馈处理结果；联系方式仅评委会办公室可见。',
  '匿名、捏造事实或无具体内容的反映，评委会办公室可不予受理；恶意诬告的，依法追究责任。',
] as const;

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;

/** The contact of an objection: a mainland mobile number or an e-mail address. */
export function contactKind(contact: string): 'mobile' | 'email' | null {
  const t = contact.trim();
  if (validateMobile(t).ok) return 'mobile';
  if (t.length <= 254 && EMAIL.test(t)) return 'email';
  return null;
}

/** A contact as the review page shows it to the office: 138****5678, z***@example.com. */
export function maskContact(contact: string): string {
  const t = contact.trim();
  if (contactKind(t) === 'email') {
    const at = t.lastIndexOf('@');
    return `${t.slice(0, 1)}***${t.slice(at)}`;
  }
  return maskMobile(t);
}

const chars = (s: string) => [...s].length;

/** What the objection form sends (multipart fields or JSON); the evidence file travels beside it. */
export const ZObjectionInput = z.object({
  entryId: z.uuid('请选择要反映的公示对象'),
  content: z
    .string('请填写异议内容')
    .trim()
    .refine((s) => chars(s) >= OBJECTION_LIMITS.contentMinChars, `异议内容至少 ${OBJECTION_LIMITS.contentMinChars} 个字，请写明具体事实`)
    .refine(
      (s) => chars(s) <= OBJECTION_LIMITS.contentMaxChars,
      `异议内容最多 ${OBJECTION_LIMITS.contentMaxChars} 个字，请精简后提交，更多材料可作为证明材料上传`,
    ),
  contact: z
    .string('请填写联系方式')
    .trim()
    .refine((s) => contactKind(s) !== null, '联系方式应为 11 位手机号码或有效的电子邮箱'),
  contactName: z
    .string()
    .trim()
    .refine((s) => chars(s) <= OBJECTION_LIMITS.contactNameMaxChars, `姓名最多 ${OBJECTION_LIMITS.contactNameMaxChars} 个字`)
    .optional()
    .transform((s) => (s ? s : undefined)),
});
export type ObjectionInput = z.infer<typeof ZObjectionInput>;

/** How the office handles an objection (the workflow's handleObjection input). */
export const ZObjectionHandling = z.object({
  objectionId: z.uuid('请选择要处理的异议'),
  outcome: z.enum(['upheld', 'dismissed']),
  handling: z
    .string('请填写处理情况')
    .trim()
    .min(OBJECTION_LIMITS.handlingMinChars, '请填写处理情况（核实经过与结论）')
    .max(OBJECTION_LIMITS.handlingMaxChars, `处理情况最多 ${OBJECTION_LIMITS.handlingMaxChars} 个字`),
});

/** Whether objections are accepted on `today`: from the first day of the period to its end day, both included. */
export function objectionWindowRefusal(list: { startDate: string; endDate: string }, today: string): string | null {
  if (today < list.startDate) return `该公示自 ${list.startDate} 开始，届时方可反映`;
  if (today > list.endDate) return `该公示已于 ${list.endDate} 结束，公示期满后不再受理异议；如有问题请直接联系评委会办公室`;
  return null;
}

/** The receipt number the portal gives for an objection: date + the first 8 characters of its id (no personal data). */
export function objectionReceiptNo(id: string, lodgedOn: string): string {
  return `YY${lodgedOn.replace(/-/g, '')}-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The title of a plan's pre-review list (seed 001: 评审对象基本情况和资格审查情况). */
export function preReviewListTitle(planName: string): string {
  return `${planName}评审对象基本情况和资格审查情况公示`;
}

/** One person as a publicity list publishes them: these fields and no others. */
export interface PublicEntry {
  name: string;
  employerName: string;
  specialty: string;
  level: string;
  mode: string;
}

const LEVEL_WORDS: Record<string, string> = Object.fromEntries(TITLE_LEVELS.map((l) => [l.value, l.label]));
const MODE_WORDS: Record<string, string> = Object.fromEntries(APPLICATION_MODES.map((m) => [m.value, m.label]));

/**
 * The public entry of an application: name, employer, and the specialty, level and mode in words (the plan's own
 * names first). Whatever else the source carries (ID number, mobile, address) is not read.
 */
export function publicEntry(
  source: { name: string; employerName: string; specialtyCode: string | null; level: string | null; mode: string | null },
  plan: {
    specialties: ReadonlyArray<Pick<Plan['specialties'][number], 'code' | 'name'>>;
    modes: ReadonlyArray<{ mode: string; label: string }>;
  },
): PublicEntry {
  const specialty = plan.specialties.find((s) => s.code === source.specialtyCode)?.name ?? source.specialtyCode ?? '—';
  const level = source.level ? (LEVEL_WORDS[source.level] ?? source.level) : '—';
  const mode = source.mode ? (plan.modes.find((m) => m.mode === source.mode)?.label ?? MODE_WORDS[source.mode] ?? source.mode) : '—';
  return { name: source.name.trim(), employerName: source.employerName.trim(), specialty, level, mode };
}

/** The columns of the pre-review list as exported for other sites (seed 001: 基本情况和资格审查情况). */
export const PRE_REVIEW_EXPORT_COLUMNS = ['序号', '姓名', '工作单位', '申报专业', '申报级别', '申报方式', '资格审查情况'] as const;

/** One exported row, in PRE_REVIEW_EXPORT_COLUMNS order: only the public entry's fields. */
export function preReviewExportRow(seq: number, e: PublicEntry): Array<string | number> {
  return [seq, e.name, e.employerName, e.specialty, e.level, e.mode, '资格审查通过'];
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}
