/**
 * The archive's checks beyond each field's own schema (issue 9 item 5: archive data is checked, not trusted):
 * cross-field dates (an end before its start, a past event dated in the future, a graduation before birth),
 * and one function that re-checks a stored or submitted entry completely — the server's create/update, the
 * employer's approval, the applicant's list ("须修改") and the browser's form all use it.
 */
import type { z } from 'zod';
import { ZArchiveEntryData, type ArchiveEntryData, type ZAchievementDetail } from './entries';

/** What is known of the person, for checks against it (the birth date from the ID number, 'YYYY-MM-DD'). */
export interface ArchivePerson {
  birthDate?: string | null;
}

/**
 * Cross-field checks zod cannot express alone; returns field → Chinese message naming the field.
 * Dates: an end before its start, a date of something that has happened later than today (`today`,
 * 'YYYY-MM-DD' in Asia/Shanghai), and — when the birth date is known — a graduation, title or job before birth.
 */
export function checkArchiveEntry(d: ArchiveEntryData, today: string, person: ArchivePerson = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const thisMonth = today.slice(0, 7);
  const thisYear = Number(today.slice(0, 4));
  const birth = person.birthDate ?? null;
  const startEnd = (start: string, end: string | null | undefined, label: string, field = 'endMonth') => {
    if (end && end < start) out[field] ??= `${label}（${end}）不能早于开始时间（${start}）`;
  };
  const notFutureDay = (value: string, field: string, label: string) => {
    if (value > today) out[field] ??= `${label}（${value}）不能晚于今天（${today}）`;
  };
  const notFutureMonth = (value: string | null | undefined, field: string, label: string, hint = '') => {
    if (value && value > thisMonth) out[field] ??= `${label}（${value}）不能晚于本月（${thisMonth}）${hint}`;
  };
  const notFutureYear = (year: number, field: string, what: string) => {
    if (year > thisYear) out[field] ??= `不能登记未来年度（${year} 年）的${what}，今年是 ${thisYear} 年`;
  };
  const afterBirth = (value: string, field: string, label: string) => {
    if (!birth) return;
    const born = value.length === 7 ? birth.slice(0, 7) : birth; // a month is compared with the month of birth
    if (value < born) out[field] ??= `${label}（${value}）早于出生日期（${born}，据身份证号码），请核对`;
  };
  switch (d.kind) {
    case 'education':
      if (!d.level && !d.technicalSchoolClass) out.level = '请选择学历，或技工院校的班级类别';
      notFutureDay(d.graduationDate, 'graduationDate', '毕业时间');
      afterBirth(d.graduationDate, 'graduationDate', '毕业时间');
      break;
    case 'title':
      notFutureDay(d.grantedDate, 'grantedDate', '取得时间');
      afterBirth(d.grantedDate, 'grantedDate', '取得时间');
      break;
    case 'appointment':
      startEnd(d.startMonth, d.endMonth, '聘任结束时间');
      notFutureMonth(d.startMonth, 'startMonth', '聘任开始时间');
      afterBirth(d.startMonth, 'startMonth', '聘任开始时间');
      break;
    case 'workExperience':
      startEnd(d.startMonth, d.endMonth, '结束时间');
      notFutureMonth(d.startMonth, 'startMonth', '开始时间');
      notFutureMonth(d.endMonth, 'endMonth', '结束时间', '；仍在该单位工作的请不填结束时间');
      afterBirth(d.startMonth, 'startMonth', '开始时间');
      break;
    case 'annualAssessment':
      notFutureYear(d.year, 'year', '考核');
      break;
    case 'continuingEducation':
      notFutureYear(d.year, 'year', '学时');
      break;
    case 'socialSecurityProof':
      startEnd(d.startMonth, d.endMonth, '截止月份');
      notFutureMonth(d.startMonth, 'startMonth', '起始月份');
      notFutureMonth(d.endMonth, 'endMonth', '截止月份');
      break;
    case 'achievement':
      checkAchievementDates(d.detail, { notFutureDay, notFutureMonth, notFutureYear, startEnd });
      break;
  }
  return out;
}

function checkAchievementDates(
  a: z.infer<typeof ZAchievementDetail>,
  c: {
    notFutureDay: (value: string, field: string, label: string) => void;
    notFutureMonth: (value: string | null | undefined, field: string, label: string) => void;
    notFutureYear: (year: number, field: string, what: string) => void;
    startEnd: (start: string, end: string | null | undefined, label: string) => void;
  },
): void {
  switch (a.type) {
    case 'paper':
      c.notFutureMonth(a.publishedMonth, 'publishedMonth', '发表时间');
      break;
    case 'book':
      c.notFutureMonth(a.publishedMonth, 'publishedMonth', '出版时间');
      break;
    case 'project':
      c.startEnd(a.startMonth, a.endMonth, '结束时间');
      c.notFutureMonth(a.startMonth, 'startMonth', '开始时间');
      break;
    case 'patent':
      c.notFutureDay(a.grantDate, 'grantDate', '授权日期');
      break;
    case 'standard':
      c.notFutureDay(a.publishedDate, 'publishedDate', '发布日期');
      break;
    case 'award':
      c.notFutureDay(a.date, 'date', '获奖日期');
      break;
    case 'honour':
      c.notFutureDay(a.date, 'date', '授予日期');
      break;
    case 'softwareCopyright':
      c.notFutureDay(a.date, 'date', '登记日期');
      break;
    case 'report':
      c.notFutureDay(a.date, 'date', '完成日期');
      break;
    case 'skillCertificate':
      c.notFutureDay(a.date, 'date', '发证日期');
      break;
    case 'competition':
      c.notFutureDay(a.date, 'date', '比赛日期');
      break;
    case 'innovationResult':
      c.notFutureYear(a.year, 'year', '创新成果');
      break;
  }
}

/**
 * Everything wrong with an entry's data, field → Chinese message (empty when it passes): the schema first
 * (every list: regions, series, provinces, enums; every date exists), then the cross-field checks.
 * Field keys are the entry's own field names (an achievement's detail flattened), as the form uses them.
 */
export function archiveEntryProblems(input: unknown, today: string, person: ArchivePerson = {}): Record<string, string> {
  const parsed = ZArchiveEntryData.safeParse(input);
  if (!parsed.success) {
    const out: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.filter((p) => p !== 'detail').join('.') || '_';
      out[key] ??= issue.message;
    }
    return out;
  }
  return checkArchiveEntry(parsed.data, today, person);
}
