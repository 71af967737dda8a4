/**
 * "复制为新年度" (issue 9 item 3): a copied plan is a new round, so every year-relative value moves by the
 * same number of years — the plan year, every date (notice, timeline, cutoff), the review month and every
 * year inside the rules (continuing-education years and this year, the courseware-cap exemptions, the
 * assessed years). The function walks the whole document instead of naming fields one by one, so a date
 * field added to ZPlan later moves too: a value moves when it is a "YYYY-MM-DD" / "YYYY-MM" string or a
 * number held under a year key (YEAR_KEYS). Free texts do not move, except the plan's own "2019年" in its
 * name and notice title; texts that still mention a moved year are listed for the office to check.
 */
import type { Plan } from './plan';

/** One value that moved, for the editor's notice (字段 / 原值 / 新值). */
export interface MovedField {
  /** the field path as the editor and the server's errors name it, e.g. "annualAssessment.years" */
  path: string;
  label: string;
  from: string;
  to: string;
}

/** A free text that still mentions a year that moved: not changed, shown for the office to check. */
export interface TextToCheck {
  path: string;
  label: string;
  text: string;
}

export interface ShiftedPlan {
  plan: Plan;
  moved: MovedField[];
  toCheck: TextToCheck[];
}

/** Object keys whose numbers are calendar years (the schema's year fields: plan year, rule years). */
export const YEAR_KEYS: ReadonlySet<string> = new Set(['year', 'years', 'currentYear']);
/** Free texts whose own "YYYY年" is the plan's year and moves with it (seeds: "2019年度…评审"). */
const TITLE_PATHS = ['name', 'source.title'] as const;
/** Parts never walked: the clauses the plan cites stay the clauses of the notice it came from. */
const NOT_WALKED = new Set(['citations']);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const LABELS: Record<string, string> = {
  key: '计划代号',
  name: '计划名称',
  year: '年度',
  'source.title': '通知标题',
  'source.date': '发文日期',
  'source.documentNumber': '文号',
  cutoffDate: '计算截止日期',
  'timeline.openDate': '开始申报日期',
  'timeline.personalDeadline': '个人申报截止日期',
  'timeline.employerDeadline': '单位审核截止日期',
  'timeline.departmentDeadline': '主管部门审核截止日期',
  'timeline.lowerCommitteeDeadline': '下级评委会推荐截止日期',
  'timeline.reviewMonth': '评审月份',
  'continuingEducation.years': '继续教育考核年度',
  'continuingEducation.currentYear': '继续教育当年年度',
  'continuingEducation.onlineCapExemptions.*.year': '网络课件上限例外年度',
  'annualAssessment.years': '年度考核年度',
  eligibleEmployers: '申报单位范围',
  'modes.*.label': '申报方式名称',
  'modes.*.description': '申报方式说明',
  'modes.*.attachments.*.name': '附件名称',
  'modes.*.attachments.*.note': '附件说明',
  'specialties.*.description': '专业说明',
  'flags.covidFrontlineRelaxation': '疫情防控一线人员放宽条件',
  watermark: '水印文字',
};

/** The Chinese label of a field path; list items are numbered ("申报方式 2 附件 3 名称"). */
export function planFieldLabel(path: string): string {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const label = LABELS[path] ?? LABELS[generic];
  if (!label) return path;
  const numbers = [...path.matchAll(/\.(\d+)(?=\.|$)/g)].map((m) => Number(m[1]) + 1);
  if (numbers.length === 0) return label;
  if (generic.startsWith('modes.*.attachments.*.')) return `申报方式 ${numbers[0]} ${label.replace('附件', `附件 ${numbers[1]} `)}`;
  return `${label.replace(/(年度|名称|说明)$/, '')} ${numbers.join(' ')} ${label.match(/(年度|名称|说明)$/)?.[0] ?? ''}`.trim();
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** "2020-02-29" + 1 year → "2021-02-28": the last day of February stays the last day. */
export function shiftDateYears(d: string, years: number): string {
  const m = DATE.exec(d)!;
  const y = Number(m[1]) + years;
  const day = m[2] === '02' && m[3] === '29' && !isLeap(y) ? '28' : m[3]!;
  return `${y}-${m[2]}-${day}`;
}

export function shiftMonthYears(d: string, years: number): string {
  const m = MONTH.exec(d)!;
  return `${Number(m[1]) + years}-${m[2]}`;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join('、') : String(v));

/** The years that moved, to find the texts that still mention them (a year inside 〔〕[]【】 is a document number). */
function mentionsYear(text: string, years: ReadonlySet<number>): boolean {
  for (const m of text.matchAll(/(?<![〔[【\d])(\d{4})(?![〕\]】\d])/g)) if (years.has(Number(m[1]))) return true;
  return false;
}

/**
 * Moves every year-relative value of the plan by `years` (may be negative). Returns the new plan, the
 * list of what moved and the free texts that still mention a moved year. The key's own year moves too
 * ("2019-it-senior" → "2020-it-senior"); the caller checks the new key is free.
 */
export function shiftPlanYears(plan: Plan, years: number): ShiftedPlan {
  if (!Number.isInteger(years)) throw new Error('years must be an integer');
  const moved: MovedField[] = [];
  const movedYears = new Set<number>();
  const note = (path: string, from: unknown, to: unknown) => {
    if (show(from) !== show(to)) moved.push({ path, label: planFieldLabel(path), from: show(from), to: show(to) });
  };
  const yearOf = (n: number) => {
    movedYears.add(n);
    return n + years;
  };

  const walk = (value: unknown, path: string[], key: string): unknown => {
    const at = path.join('.');
    if (typeof value === 'string') {
      if (DATE.test(value)) {
        movedYears.add(Number(value.slice(0, 4)));
        const to = shiftDateYears(value, years);
        note(at, value, to);
        return to;
      }
      if (MONTH.test(value)) {
        movedYears.add(Number(value.slice(0, 4)));
        const to = shiftMonthYears(value, years);
        note(at, value, to);
        return to;
      }
      return value;
    }
    if (typeof value === 'number' && YEAR_KEYS.has(key) && Number.isInteger(value)) {
      const to = yearOf(value);
      note(at, value, to);
      return to;
    }
    if (Array.isArray(value)) {
      if (YEAR_KEYS.has(key) && value.every((x) => typeof x === 'number')) {
        const to = (value as number[]).map(yearOf);
        note(at, value, to);
        return to;
      }
      return value.map((x, i) => walk(x, [...path, String(i)], key));
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value))
        out[k] = path.length === 0 && NOT_WALKED.has(k) ? structuredClone(v) : walk(v, [...path, k], k);
      return out;
    }
    return value;
  };

  const next = walk(plan, [], '') as Plan;

  // the plan's own year in its key, name and notice title ("2019年度…" → "2020年度…")
  const from = String(plan.year);
  const to = String(plan.year + years);
  const key = plan.key.replace(new RegExp(`(^|-)${from}(?=-|$)`), `$1${to}`);
  if (key !== plan.key) {
    next.key = key;
    note('key', plan.key, key);
  }
  for (const p of TITLE_PATHS) {
    const [a, b] = p.split('.') as [string, string | undefined];
    const holder = (b ? (next as Record<string, unknown>)[a] : next) as Record<string, unknown>;
    const field = b ?? a;
    const text = holder[field];
    if (typeof text !== 'string') continue;
    const shifted = text.replace(new RegExp(`(?<![〔[【\\d])${from}(?=\\s*年)`, 'g'), to);
    if (shifted !== text) {
      holder[field] = shifted;
      note(p, text, shifted);
    }
  }

  // texts not moved that still mention a moved year: for the office to check
  const toCheck: TextToCheck[] = [];
  if (next.source.documentNumber)
    toCheck.push({ path: 'source.documentNumber', label: planFieldLabel('source.documentNumber'), text: next.source.documentNumber });
  const texts: Array<[string, string | undefined]> = [
    ['eligibleEmployers', next.eligibleEmployers],
    ['flags.covidFrontlineRelaxation', next.flags.covidFrontlineRelaxation],
    ['watermark', next.watermark],
    ...next.specialties.map((s, i): [string, string | undefined] => [`specialties.${i}.description`, s.description]),
    ...next.modes.flatMap((m, i): Array<[string, string | undefined]> => [
      [`modes.${i}.label`, m.label],
      [`modes.${i}.description`, m.description],
      ...m.attachments.flatMap((a, j): Array<[string, string | undefined]> => [
        [`modes.${i}.attachments.${j}.name`, a.name],
        [`modes.${i}.attachments.${j}.note`, a.note],
      ]),
    ]),
  ];
  for (const [path, text] of texts) if (text && mentionsYear(text, movedYears)) toCheck.push({ path, label: planFieldLabel(path), text });

  return { plan: next, moved, toCheck };
}

/** The year a copy "as a new round" defaults to: the year after the source's, and not a past year. */
export function defaultTargetYear(sourceYear: number, currentYear: number): number {
  return Math.max(sourceYear + 1, currentYear);
}
