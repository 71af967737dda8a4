/**
 * Issue 9 item 5: archive data is checked, not trusted. Every region, code, enumerated field and date of every
 * archive entry type: a valid value passes, an invalid one is refused with a Chinese message naming the field
 * and what is allowed. The mountain counties are the 26 of seed 003 附件3 "山区 26 县名单".
 */
import { describe, expect, it } from 'vitest';
import { archiveEntryProblems, checkArchiveEntry } from './check';
import { ZArchiveEntryData } from './entries';
import { LABELS } from '../labels/labels';
import * as options from './options';
import { PROVINCES } from '../regions/provinces';
import { MOUNTAIN_COUNTY_NAMES, zhejiangRegions } from '../regions/zhejiang';
import { factsFromEntries } from './to-facts';
import { mountainCountyBonus, refusedMountainCountyClaims } from '../rules/scoring';
import { evaluate } from '../rules/engine';
import { emptyFacts, testPlan } from '../rules/fixtures';

const TODAY = '2026-11-22';

const BASE: Record<string, Record<string, unknown>> = {
  education: {
    kind: 'education',
    level: 'bachelor',
    degree: 'bachelor',
    school: '浙江工业大学',
    major: '给水排水工程',
    graduationDate: '2008-06-30',
    studyMode: 'fullTime',
    origin: 'domestic',
    isEngineering: true,
    isHighest: true,
  },
  title: {
    kind: 'title',
    level: 'intermediate',
    series: '工程',
    specialty: '给排水',
    grantedDate: '2014-12-20',
    grantMode: 'evaluation',
    issuer: '杭州市人力资源和社会保障局',
    isCurrent: true,
  },
  appointment: {
    kind: 'appointment',
    titleLevel: 'intermediate',
    post: '工程师',
    employerName: '千岛湖水务',
    startMonth: '2015-01',
    endMonth: null,
  },
  workExperience: {
    kind: 'workExperience',
    employerName: '千岛湖水务',
    position: '技术科长',
    duties: '供水工程设计与运维',
    startMonth: '2008-08',
    endMonth: null,
    isEngineering: true,
    mountainCountyRegionId: '330127',
  },
  annualAssessment: { kind: 'annualAssessment', year: 2021, result: 'excellent' },
  continuingEducation: {
    kind: 'continuingEducation',
    year: 2022,
    hours: 32,
    category: 'professional',
    registry: 'provincialHr',
    channel: 'other',
    courseName: '供水管网漏损控制',
    provider: '省水协',
  },
  socialSecurityProof: {
    kind: 'socialSecurityProof',
    startMonth: '2019-01',
    endMonth: '2020-06',
    province: '江苏省',
    proofKind: 'pensionContributionProof',
  },
};
const DETAIL: Record<string, Record<string, unknown>> = {
  paper: {
    type: 'paper',
    title: '漏损分析',
    journal: '给水排水',
    issn: '1002-8471',
    publishedMonth: '2020-03',
    issue: '2020年第3期',
    authorRank: 1,
  },
  book: {
    type: 'book',
    title: '小城镇供水',
    publisher: '中国建筑工业出版社',
    isbn: '978-7-112-00000-0',
    publishedMonth: '2019-01',
    role: 'coAuthor',
  },
  project: { type: 'project', name: '配水工程', level: 'provincial', role: 'leader', rank: 1, startMonth: '2016-01', endMonth: '2019-12' },
  patent: {
    type: 'patent',
    name: '检漏装置',
    patentType: 'invention',
    patentNumber: 'ZL201910000000.1',
    grantDate: '2021-05-11',
    inventorRank: 1,
  },
  standard: {
    type: 'standard',
    name: '农村供水规范',
    number: 'DB33/T 1000-2020',
    level: 'local',
    role: 'participated',
    rank: 3,
    publishedDate: '2020-08-01',
  },
  award: { type: 'award', name: '科技进步奖', level: 'provincial', issuer: '浙江省人民政府', date: '2020-12-01' },
  honour: { type: 'honour', name: '优秀工程师', level: 'city', issuer: '杭州市人民政府', date: '2019-05-01' },
  softwareCopyright: { type: 'softwareCopyright', name: '监测系统V1.0', registrationNumber: '2020SR0000001', date: '2020-01-10', rank: 1 },
  report: { type: 'report', title: '提标改造可研', reportKind: 'feasibilityReport', date: '2018-04-01' },
  skillCertificate: {
    type: 'skillCertificate',
    name: '水生产处理工',
    grade: 'masterWorker',
    issuer: '省鉴定中心',
    date: '2012-06-01',
    certificateNumber: '1233000000000001',
  },
  competition: {
    type: 'competition',
    name: '供水行业技能竞赛',
    level: 'provincial',
    competitionClass: 'class2',
    placing: 2,
    date: '2018-10-01',
  },
  innovationResult: { type: 'innovationResult', name: '智能加药系统', year: 2021, salesWan: 2500 },
};

/** kind (or achievement type) × field × a valid value × an invalid value × what the message must say */
type Row = [entry: string, field: string, valid: unknown, invalid: unknown, message: RegExp];
const ROWS: Row[] = [
  // regions: the 26 mountain counties of seed 003 附件3
  ['workExperience', 'mountainCountyRegionId', '331127', '330106', /山区县须为浙江省山区 26 县之一，“西湖区”不是山区县/],
  ['workExperience', 'mountainCountyRegionId', '330881', '330100', /“杭州市”不是山区县/],
  ['workExperience', 'mountainCountyRegionId', null, '999999', /山区 26 县之一，“999999”不是浙江省的县（市、区）代码/],
  ['workExperience', 'mountainCountyRegionId', '331181', 'zone-jiaxing-port', /“嘉兴港区”不是山区县/],
  // codes and lists
  ['title', 'series', '经济', '工程技术', /职称系列“工程技术”不在可选范围内，应为：工程技术人员（工程）、/],
  ['socialSecurityProof', 'province', '上海市', '江苏', /参保省份须为省级行政区的全称，如“江苏省”/],
  ['socialSecurityProof', 'province', '广西壮族自治区', '浙江省', /参保省份不能是浙江省/],
  ['paper', 'issn', '1002-847X', '10028471', /ISSN 格式应为 1234-567X/],
  ['paper', 'cn', '33-1234/TU', '33/1234', /CN 号格式应为/],
  // enumerated fields
  ['education', 'level', 'master', 'phd', /学历“phd”不在可选范围内，应为：中专、大专、本科、硕士研究生、博士研究生/],
  ['education', 'technicalSchoolClass', 'seniorWorkerClass', 'workerClass', /技工院校班级类别“workerClass”不在可选范围内，应为：中级工班/],
  ['education', 'degree', 'master', 'mba', /学位“mba”不在可选范围内，应为：无学位、学士、硕士、博士/],
  ['education', 'studyMode', 'partTime', 'evening', /学习形式“evening”不在可选范围内，应为：全日制、非全日制/],
  ['education', 'origin', 'foreign', 'overseas', /学历来源“overseas”不在可选范围内/],
  [
    'title',
    'level',
    'senior',
    'chiefEngineer',
    /职称级别“chiefEngineer”不在可选范围内，应为：技术员、助理工程师、工程师、高级工程师、正高级工程师/,
  ],
  ['title', 'grantMode', 'recognition', 'bought', /取得方式“bought”不在可选范围内，应为：评审、认定、初定、考试/],
  ['appointment', 'titleLevel', 'senior', 'boss', /聘任职称级别“boss”不在可选范围内/],
  ['annualAssessment', 'result', 'competent', 'good', /考核结果“good”不在可选范围内，应为：优秀、合格、称职、基本合格、不合格/],
  ['continuingEducation', 'category', 'industryPublic', 'public', /科目类别“public”不在可选范围内/],
  ['continuingEducation', 'registry', 'industry', 'wechat', /学时登记平台“wechat”不在可选范围内/],
  ['continuingEducation', 'channel', 'onlineCourseware', 'tv', /学习方式“tv”不在可选范围内/],
  ['book', 'role', 'chiefEditor', 'editor', /本人角色“editor”不在可选范围内，应为：主编、副主编、独著、合著/],
  ['project', 'level', 'enterprise', 'global', /项目级别“global”不在可选范围内/],
  ['project', 'role', 'mainParticipant', 'sponsor', /本人角色“sponsor”不在可选范围内/],
  ['patent', 'patentType', 'design', 'software', /专利类型“software”不在可选范围内，应为：发明专利、实用新型专利、外观设计专利/],
  ['standard', 'level', 'group', 'company', /标准级别“company”不在可选范围内/],
  ['standard', 'role', 'led', 'reviewed', /本人角色“reviewed”不在可选范围内/],
  ['award', 'level', 'national', 'world', /奖项级别“world”不在可选范围内，应为：县级、市级、省级、部级、国家级/],
  ['honour', 'level', 'county', 'town', /荣誉级别“town”不在可选范围内/],
  ['report', 'reportKind', 'workSummary', 'memo', /报告类型“memo”不在可选范围内/],
  ['skillCertificate', 'grade', 'seniorMasterWorker', 'worker', /技能等级“worker”不在可选范围内，应为：高级工、技师、高级技师/],
  ['competition', 'level', 'worldSkills', 'olympic', /竞赛级别“olympic”不在可选范围内/],
  ['competition', 'competitionClass', 'class1', 'class3', /竞赛类别“class3”不在可选范围内，应为：一类竞赛、二类竞赛/],
  ['socialSecurityProof', 'proofKind', 'contractSalaryTax', 'letter', /证明方式“letter”不在可选范围内/],
  // dates that do not exist: the field is named
  ['education', 'graduationDate', '2008-02-29', '2007-02-29', /毕业时间不存在/],
  ['title', 'grantedDate', '2014-12-31', '2014-13-01', /取得时间不存在/],
  ['appointment', 'startMonth', '2015-12', '2015-00', /聘任开始时间不存在/],
  ['workExperience', 'startMonth', '2008-08', '2008/08', /开始时间格式应为 YYYY-MM/],
  ['paper', 'publishedMonth', '2020-12', '2020-13', /发表时间不存在/],
  ['patent', 'grantDate', '2021-05-31', '2021-06-31', /授权日期不存在/],
  ['standard', 'publishedDate', '2020-08-01', '20200801', /发布日期格式应为 YYYY-MM-DD/],
  ['award', 'date', '2020-12-01', '2020-12-32', /获奖日期不存在/],
  ['softwareCopyright', 'date', '2020-01-10', '2020-02-30', /登记日期不存在/],
  ['socialSecurityProof', 'startMonth', '2019-02', '2019-2', /起始月份格式应为 YYYY-MM/],
  // dates in the future where they cannot be (today is 2026-11-22)
  ['education', 'graduationDate', '2026-06-30', '2027-06-30', /毕业时间（2027-06-30）不能晚于今天（2026-11-22）/],
  ['title', 'grantedDate', '2026-11-22', '2026-11-23', /取得时间（2026-11-23）不能晚于今天/],
  ['appointment', 'startMonth', '2026-11', '2026-12', /聘任开始时间（2026-12）不能晚于本月（2026-11）/],
  ['workExperience', 'startMonth', '2026-11', '2027-01', /开始时间（2027-01）不能晚于本月/],
  ['workExperience', 'endMonth', '2026-11', '2026-12', /结束时间（2026-12）不能晚于本月（2026-11）；仍在该单位工作的请不填结束时间/],
  ['annualAssessment', 'year', 2026, 2027, /不能登记未来年度（2027 年）的考核/],
  ['continuingEducation', 'year', 2026, 2027, /不能登记未来年度（2027 年）的学时/],
  ['socialSecurityProof', 'endMonth', '2026-11', '2026-12', /截止月份（2026-12）不能晚于本月/],
  ['paper', 'publishedMonth', '2026-11', '2027-03', /发表时间（2027-03）不能晚于本月/],
  ['book', 'publishedMonth', '2026-01', '2027-01', /出版时间（2027-01）不能晚于本月/],
  ['project', 'startMonth', '2019-12', '2026-12', /开始时间（2026-12）不能晚于本月/],
  ['patent', 'grantDate', '2026-11-22', '2026-12-01', /授权日期（2026-12-01）不能晚于今天/],
  ['standard', 'publishedDate', '2026-01-01', '2027-01-01', /发布日期（2027-01-01）不能晚于今天/],
  ['award', 'date', '2026-01-01', '2027-01-01', /获奖日期（2027-01-01）不能晚于今天/],
  ['honour', 'date', '2026-01-01', '2027-01-01', /授予日期（2027-01-01）不能晚于今天/],
  ['softwareCopyright', 'date', '2026-01-01', '2027-01-01', /登记日期（2027-01-01）不能晚于今天/],
  ['report', 'date', '2026-01-01', '2027-01-01', /完成日期（2027-01-01）不能晚于今天/],
  ['skillCertificate', 'date', '2026-01-01', '2027-01-01', /发证日期（2027-01-01）不能晚于今天/],
  ['competition', 'date', '2026-01-01', '2027-01-01', /比赛日期（2027-01-01）不能晚于今天/],
  ['innovationResult', 'year', 2026, 2027, /不能登记未来年度（2027 年）的创新成果/],
  // out of order
  ['appointment', 'endMonth', '2015-01', '2014-12', /聘任结束时间（2014-12）不能早于开始时间（2015-01）/],
  ['workExperience', 'endMonth', '2010-01', '2008-07', /结束时间（2008-07）不能早于开始时间（2008-08）/],
  ['socialSecurityProof', 'endMonth', '2019-01', '2018-12', /截止月份（2018-12）不能早于开始时间（2019-01）/],
  ['project', 'endMonth', '2016-01', '2015-12', /结束时间（2015-12）不能早于开始时间（2016-01）/],
];

function entryWith(entry: string, field: string, value: unknown): Record<string, unknown> {
  if (BASE[entry]) return { ...BASE[entry], [field]: value };
  return { kind: 'achievement', detail: { ...DETAIL[entry], [field]: value } };
}

describe('every checked field of every archive entry type (issue 9 item 5)', () => {
  it('the base entries pass', () => {
    for (const e of [...Object.keys(BASE), ...Object.keys(DETAIL)])
      expect(archiveEntryProblems(entryWith(e, '_', undefined), TODAY), e).toEqual({});
  });

  it.each(ROWS)('%s.%s: %j passes, %j is refused', (entry, field, valid, invalid, message) => {
    expect(archiveEntryProblems(entryWith(entry, field, valid), TODAY)).toEqual({});
    const problems = archiveEntryProblems(entryWith(entry, field, invalid), TODAY);
    expect(problems[field], JSON.stringify(problems)).toMatch(message);
  });

  it('every entry type and every achievement type has rows', () => {
    const covered = new Set(ROWS.map((r) => r[0]));
    for (const e of [...Object.keys(BASE), ...Object.keys(DETAIL)]) expect(covered.has(e), e).toBe(true);
  });
});

describe('mountain counties: seed 003 附件3 "山区 26 县名单"', () => {
  const counties = zhejiangRegions.filter((r) => r.level === 'county');
  it('each of the 26 passes; each of the other 64 counties is refused by name', () => {
    let passed = 0;
    for (const c of counties) {
      const p = archiveEntryProblems(entryWith('workExperience', 'mountainCountyRegionId', c.key), TODAY).mountainCountyRegionId;
      if (MOUNTAIN_COUNTY_NAMES.includes(c.name)) {
        expect(p, c.name).toBeUndefined();
        passed += 1;
      } else
        expect(p, c.name).toBe(`山区县须为浙江省山区 26 县之一，“${c.name}”不是山区县；请从山区 26 县名单中选择，不在山区县工作的请留空`);
    }
    expect(passed).toBe(26);
  });
  it('no region (or an empty one) means "not in a mountain county" and is fine', () => {
    expect(archiveEntryProblems(entryWith('workExperience', 'mountainCountyRegionId', undefined), TODAY)).toEqual({});
    expect(archiveEntryProblems(entryWith('workExperience', 'mountainCountyRegionId', ''), TODAY)).toEqual({});
  });
});

describe('dates against the birth date from the ID number (when known)', () => {
  const person = { birthDate: '1986-01-15' };
  it('graduation, title, appointment and job before birth are refused; after birth pass', () => {
    const edu = ZArchiveEntryData.parse(entryWith('education', 'graduationDate', '1985-06-30'));
    expect(checkArchiveEntry(edu, TODAY, person).graduationDate).toBe(
      '毕业时间（1985-06-30）早于出生日期（1986-01-15，据身份证号码），请核对',
    );
    expect(checkArchiveEntry(ZArchiveEntryData.parse(entryWith('title', 'grantedDate', '1986-01-14')), TODAY, person)).toHaveProperty(
      'grantedDate',
    );
    expect(
      checkArchiveEntry(ZArchiveEntryData.parse(entryWith('workExperience', 'startMonth', '1985-12')), TODAY, person).startMonth,
    ).toMatch(/早于出生日期（1986-01/);
    expect(checkArchiveEntry(ZArchiveEntryData.parse(entryWith('appointment', 'startMonth', '1980-01')), TODAY, person)).toHaveProperty(
      'startMonth',
    );
    expect(checkArchiveEntry(ZArchiveEntryData.parse(entryWith('workExperience', 'startMonth', '1986-01')), TODAY, person)).toEqual({});
    expect(checkArchiveEntry(edu, TODAY)).toEqual({}); // birth unknown: not checked
  });
});

describe('the lists are one source', () => {
  it('the 31 provincial-level divisions have GB/T 2260 codes and 浙江省 is among them', () => {
    expect(PROVINCES).toHaveLength(31);
    for (const p of PROVINCES) expect(p.code).toMatch(/^\d{2}0000$/);
    expect(PROVINCES.map((p) => p.name)).toContain('浙江省');
  });
  it('the words of options.ts are the words of LABELS (issue 9 item 6)', () => {
    const pairs: Array<[ReadonlyArray<{ value: string; label: string }>, Readonly<Record<string, string>>]> = [
      [options.DEGREES, LABELS.degree],
      [options.STUDY_MODES, LABELS.studyMode],
      [options.EDUCATION_ORIGINS, LABELS.educationOrigin],
      [options.GRANT_MODES, LABELS.grantMode],
      [options.CE_CHANNELS, LABELS.ceChannel],
      [options.BOOK_ROLES, LABELS.bookRole],
      [options.PROJECT_LEVELS, LABELS.projectLevel],
      [options.PROJECT_ROLES, LABELS.projectRole],
      [options.PATENT_TYPES, LABELS.patentType],
      [options.STANDARD_LEVELS, LABELS.standardLevel],
      [options.STANDARD_ROLES, LABELS.standardRole],
      [options.AWARD_LEVELS, LABELS.awardLevel],
      [options.REPORT_KINDS, LABELS.reportKind],
      [options.SKILL_GRADES, LABELS.skillGrade],
      [options.COMPETITION_LEVELS, LABELS.competitionLevel],
      [options.COMPETITION_CLASSES, LABELS.competitionClass],
      [options.PROOF_KINDS, LABELS.socialSecurityProofKind],
    ];
    for (const [list, labels] of pairs) expect(Object.fromEntries(list.map((o) => [o.value, o.label]))).toEqual(labels);
  });
});

describe('the rules take the flag from the region list, not from the entry (seed 003 五(五))', () => {
  const bonus = { fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 };
  // stored before the check existed: 20 years "in a mountain county" that is 西湖区
  const stored = (regionId: string) => [
    { id: 'w1', data: { ...BASE.workExperience, startMonth: '2001-01', mountainCountyRegionId: regionId } },
  ];
  it('淳安县 earns the bonus; a stored 西湖区 earns nothing and names the entry to correct', () => {
    expect(mountainCountyBonus(bonus, factsFromEntries(stored('330127')), '2022-12-31').points).toBe(8);
    const xihu = factsFromEntries(stored('330106'));
    expect(xihu.work[0]).toMatchObject({ mountainCounty: false, mountainCountyRegionId: '330106' });
    expect(mountainCountyBonus(bonus, xihu, '2022-12-31')).toMatchObject({ years: 0, points: 0, evidence: [] });
    expect(refusedMountainCountyClaims(xihu)).toEqual([{ id: 'w1', startMonth: '2001-01', region: '西湖区' }]);
    const plan = testPlan({ scoring: { items: [{ key: 'a', name: '业绩', maxPoints: 20 }], mountainCountyBonus: bonus } });
    const r = evaluate(plan, 'normal', 'senior', xihu).results;
    expect(r.find((x) => x.rule === 'mountainCounty')).toBeUndefined();
    expect(r.find((x) => x.rule === 'mountainCountyRegion')).toMatchObject({
      status: 'needsReview',
      evidence: ['w1'],
      explanation: expect.stringContaining('2001-01 起的工作经历所填“西湖区”不是浙江省山区 26 县之一，不计山区县加分'),
    });
  });
  it('defence in depth: facts that claim mountainCounty for a 西湖区 period earn nothing', () => {
    const forged = emptyFacts({
      work: [
        { id: 'w', startMonth: '2001-01', endMonth: null, isEngineering: true, mountainCounty: true, mountainCountyRegionId: '330106' },
      ],
    });
    expect(mountainCountyBonus(bonus, forged, '2022-12-31').points).toBe(0);
  });
});
