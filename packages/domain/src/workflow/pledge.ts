/**
 * Texts the applicant signs and the checks reviewers record (SPEC §4, §6), shared by the server (which
 * stores and serves them) and the web pages (which show them).
 */

/** 真实性保证书 (seeds 000 五, 001 四, 004 四(八): fraud → materials returned and a 3-year ban). */
export const PLEDGE_TITLE = '专业技术资格申报材料真实性保证书';
export const PLEDGE_TEXT = [
  '本人郑重承诺：',
  '一、本人所提交的专业技术资格申报材料（包括学历、资历、业绩成果、论文著作、获奖证书等）均真实、准确、完整，无任何弄虚作假行为。',
  '二、本人知悉：如有弄虚作假，申报材料一律退回，自评审次年起 3 年内不得申报高一级专业技术职务任职资格；已取得资格的，予以撤销。',
  '三、本人愿意承担因材料不实所产生的一切后果。',
] as const;

/** What each department level checks (SPEC §6; seed 004 附件2 三.2), recorded with its 审查通过. */
export const REVIEW_CHECKS = [
  { key: 'education', label: '学历' },
  { key: 'years', label: '资历（任职年限）' },
  { key: 'assessments', label: '年度考核' },
  { key: 'continuingEducation', label: '继续教育' },
  { key: 'appointment', label: '评聘结合' },
  { key: 'specialty', label: '现从事专业与申报专业一致' },
] as const;
export type ReviewCheckKey = (typeof REVIEW_CHECKS)[number]['key'];

/**
 * What the committee office checks in its qualification review (资格审查, SPEC §7) and records with its decision:
 * 专业对口 (SPEC §6 "Specialty picks the committee"), the conditions of SPEC §5, the integrity ban of SPEC §8.
 */
export const QUALIFICATION_CHECKS = [
  { key: 'specialtyInScope', label: '申报专业属本评委会评审范围（专业对口）' },
  { key: 'conditions', label: '学历、资历等申报条件符合' },
  { key: 'materials', label: '申报材料齐全、规范' },
  { key: 'opinions', label: '单位及各级主管部门审核推荐意见齐全' },
  { key: 'pledge', label: '真实性保证书已签署' },
  { key: 'integrity', label: '无诚信档案不良记录' },
] as const;
export type QualificationCheckKey = (typeof QUALIFICATION_CHECKS)[number]['key'];
