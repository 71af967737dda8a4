/**
 * The facts the rules read: a plain snapshot of an applicant's approved archive (and, at submission,
 * the application's own data). Built by the server from rows, and by the browser from the same API
 * data, so the live check and the authoritative check agree.
 */
import type { z } from 'zod';
import type { ZAchievementDetail } from '../archive/entries';

export type EducationRank = 'secondary' | 'juniorCollege' | 'bachelor' | 'secondBachelor' | 'master' | 'doctor';
export type TitleRank = 'technicianLevel' | 'assistant' | 'intermediate' | 'senior' | 'professor';

export interface Facts {
  educations: Array<{ id: string; level: EducationRank | null; graduationDate: string; isEngineering: boolean; isHighest: boolean }>;
  titles: Array<{ id: string; level: TitleRank; grantedDate: string; isCurrent: boolean; series: string }>;
  /**
   * `mountainCountyRegionId`: the region the entry names (archive facts always carry it); when present the
   * rules take the mountain-county flag from the region list (seed 003 附件3), never from `mountainCounty`.
   */
  work: Array<{
    id: string;
    startMonth: string;
    endMonth: string | null;
    isEngineering: boolean;
    mountainCounty: boolean;
    mountainCountyRegionId?: string | null;
  }>;
  assessments: Array<{ id: string; year: number; result: string }>;
  continuingEducation: Array<{
    id: string;
    year: number;
    hours: number;
    category: 'professional' | 'industryPublic' | 'generalPublic';
    registry: string;
    channel: 'onlineCourseware' | 'other';
  }>;
  achievements: Array<{ id: string; detail: z.infer<typeof ZAchievementDetail> }>;
  /** 诚信档案: rounds in which fraud was found (SPEC §8) */
  fraudRoundYears: number[];
  /** what the application itself says (absent while only the archive is checked) */
  application?: {
    selfScore?: Array<{ itemKey: string; points: number; evidenceIds: string[] }>;
    /** the archive entries chosen for the application: self-score evidence counts only among them */
    entryIds?: string[];
    recommenders?: number;
    hasApprovalForm?: boolean;
    /** 转评: the title applied for is in another series than the current one */
    transfer?: boolean;
    /** seed 004 (一): years in which income tax paid ≥ the year's exemption, as multiples */
    incomeTaxMultiples?: Array<{ year: number; multiple: number }>;
    /** seed 004 (七): mentoring of junior staff with marked results */
    mentoring?: boolean;
  };
}

export const EDUCATION_ORDER: EducationRank[] = ['secondary', 'juniorCollege', 'bachelor', 'secondBachelor', 'master', 'doctor'];
export const TITLE_ORDER: TitleRank[] = ['technicianLevel', 'assistant', 'intermediate', 'senior', 'professor'];

export const EDUCATION_LABEL: Record<EducationRank, string> = {
  secondary: '中专',
  juniorCollege: '大专',
  bachelor: '本科',
  secondBachelor: '第二学士学位',
  master: '硕士',
  doctor: '博士',
};
export const TITLE_LABEL: Record<TitleRank, string> = {
  technicianLevel: '技术员',
  assistant: '助理工程师',
  intermediate: '工程师',
  senior: '高级工程师',
  professor: '正高级工程师',
};

export function highestEducation(f: Facts): Facts['educations'][number] | null {
  let best: Facts['educations'][number] | null = null;
  let bestRank = -1;
  for (const e of f.educations) {
    if (!e.level) continue;
    const rank = EDUCATION_ORDER.indexOf(e.level);
    if (!best || rank > bestRank) {
      best = e;
      bestRank = rank;
    }
  }
  return best;
}

/** The current title with the highest rank (the first among equals); if none is marked current, the highest of all. */
export function currentTitle(f: Facts): Facts['titles'][number] | null {
  let best: Facts['titles'][number] | null = null;
  let bestRank = -1;
  for (const t of f.titles) {
    if (!t.isCurrent) continue;
    const rank = TITLE_ORDER.indexOf(t.level);
    if (!best || rank > bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  if (best) return best;
  for (const t of f.titles) {
    const rank = TITLE_ORDER.indexOf(t.level);
    if (!best || rank > bestRank) {
      best = t;
      bestRank = rank;
    }
  }
  return best;
}
