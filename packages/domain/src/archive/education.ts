/**
 * Education verification routes (SPEC §2, §11) and technical-school equivalence (seed 002 二(二)).
 */
import type { z } from 'zod';
import { TECHNICAL_SCHOOL_CLASSES, type EducationLevel, type ZEducation } from './entries';

type Education = z.infer<typeof ZEducation>;

/** §11: "A degree in 2001 or later goes to auto-extraction, with upload as fallback." */
export const REGISTRY_FIRST_YEAR = 2001;

export type VerificationRoute =
  { route: 'registry'; fallbackDocuments: string[]; explanation: string } | { route: 'upload'; documents: string[]; explanation: string };

export function educationVerificationRoute(e: Pick<Education, 'origin' | 'graduationDate' | 'technicalSchoolClass'>): VerificationRoute {
  if (e.origin !== 'domestic') {
    return {
      route: 'upload',
      documents: ['学历学位证书', '教育部留学服务中心出具的国（境）外学历学位认证书'],
      explanation: '国（境）外及港澳台学历学位须上传教育部留学服务中心的认证书',
    };
  }
  if (e.technicalSchoolClass) {
    const cls = TECHNICAL_SCHOOL_CLASSES.find((c) => c.value === e.technicalSchoolClass)!;
    return {
      route: 'upload',
      documents: ['技工院校毕业证书'],
      explanation: `技工院校${cls.label}毕业视同${levelLabel(cls.equivalent)}学历，须上传毕业证书`,
    };
  }
  const year = Number(e.graduationDate.slice(0, 4));
  if (year >= REGISTRY_FIRST_YEAR) {
    return {
      route: 'registry',
      fallbackDocuments: ['学历证书', '《教育部学历证书电子注册备案表》或《中国高等教育学历认证报告》'],
      explanation: `${REGISTRY_FIRST_YEAR} 年及以后取得的国内学历由学信数据自动核验；查询不到时上传证书及电子注册备案表或学历认证报告`,
    };
  }
  return {
    route: 'upload',
    documents: ['学历证书', '《高校毕业生登记表》（或《中国高等教育学历认证报告》）'],
    explanation: `${REGISTRY_FIRST_YEAR} 年以前取得的学历无法自动核验，须上传《高校毕业生登记表》或学历认证报告`,
  };
}

const LEVEL_LABELS: Record<EducationLevel, string> = {
  secondary: '中专',
  juniorCollege: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};
export function levelLabel(l: EducationLevel): string {
  return LEVEL_LABELS[l];
}

/** The level an entry counts as: its own, or its technical-school class's equivalent (seed 002 二(二)). */
export function effectiveEducationLevel(e: Pick<Education, 'level' | 'technicalSchoolClass'>): EducationLevel | null {
  if (e.technicalSchoolClass) return TECHNICAL_SCHOOL_CLASSES.find((c) => c.value === e.technicalSchoolClass)!.equivalent;
  return e.level ?? null;
}
