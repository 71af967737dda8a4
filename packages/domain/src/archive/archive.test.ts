import { describe, expect, it } from 'vitest';
import { summarizeArchiveEntry, ZArchiveEntryData } from './entries';
import { checkArchiveEntry } from './check';
import { educationVerificationRoute, effectiveEducationLevel } from './education';

const edu = {
  kind: 'education',
  level: 'bachelor',
  degree: 'bachelor',
  school: '浙江大学',
  major: '计算机科学与技术',
  graduationDate: '2008-06-30',
  studyMode: 'fullTime',
  origin: 'domestic',
  isEngineering: true,
  isHighest: true,
} as const;

describe('archive entry schemas', () => {
  it('accepts a complete entry of each common kind', () => {
    expect(ZArchiveEntryData.safeParse(edu).success).toBe(true);
    expect(
      ZArchiveEntryData.safeParse({
        kind: 'continuingEducation',
        year: 2022,
        hours: 24,
        category: 'professional',
        registry: 'industry',
        channel: 'onlineCourseware',
        courseName: '安防新技术',
        provider: '省安防协会',
      }).success,
    ).toBe(true);
    expect(
      ZArchiveEntryData.safeParse({
        kind: 'achievement',
        detail: {
          type: 'patent',
          name: '一种门禁装置',
          patentType: 'utilityModel',
          patentNumber: 'ZL202020123456.7',
          grantDate: '2021-03-02',
          inventorRank: 2,
        },
      }).success,
    ).toBe(true);
  });
  it('a paper needs an ISSN or a CN number, in the right format', () => {
    const paper = {
      type: 'paper',
      title: '基于深度学习的入侵检测',
      journal: '计算机工程',
      publishedMonth: '2021-05',
      issue: '2021年第5期',
      authorRank: 1,
    };
    const none = ZArchiveEntryData.safeParse({ kind: 'achievement', detail: paper });
    expect(none.success).toBe(false);
    expect(JSON.stringify(none.error?.issues)).toContain('ISSN 或 CN');
    expect(ZArchiveEntryData.safeParse({ kind: 'achievement', detail: { ...paper, issn: '1000-3428' } }).success).toBe(true);
    expect(ZArchiveEntryData.safeParse({ kind: 'achievement', detail: { ...paper, cn: '31-1289/TP' } }).success).toBe(true);
    expect(ZArchiveEntryData.safeParse({ kind: 'achievement', detail: { ...paper, issn: '10003428' } }).success).toBe(false);
  });
  it('refuses impossible dates and ranks below 1', () => {
    expect(ZArchiveEntryData.safeParse({ ...edu, graduationDate: '2008-02-30' }).success).toBe(false);
    expect(
      ZArchiveEntryData.safeParse({
        kind: 'achievement',
        detail: { type: 'softwareCopyright', name: 'x', registrationNumber: '2020SR1', date: '2020-01-01', rank: 0 },
      }).success,
    ).toBe(false);
  });
  it('cross-field checks: end before start, future dates, missing level', () => {
    expect(
      checkArchiveEntry(
        {
          kind: 'workExperience',
          employerName: 'a',
          position: 'b',
          duties: 'c',
          startMonth: '2020-05',
          endMonth: '2019-01',
          isEngineering: true,
        },
        '2026-11-22',
      ),
    ).toHaveProperty('endMonth');
    expect(checkArchiveEntry({ ...edu, graduationDate: '2027-06-30' }, '2026-11-22')).toHaveProperty('graduationDate');
    const { level: _l, ...noLevel } = edu;
    expect(checkArchiveEntry({ ...noLevel, degree: 'none' }, '2026-11-22')).toHaveProperty('level');
  });
  it('summaries are Chinese one-liners', () => {
    expect(summarizeArchiveEntry({ kind: 'annualAssessment', year: 2021, result: 'competent' })).toBe('2021 年度考核：称职');
  });
});

describe('education verification routes (SPEC §2, §11)', () => {
  it('a domestic degree from 2001 on goes to the registry, with upload as fallback (§11)', () => {
    expect(educationVerificationRoute({ origin: 'domestic', graduationDate: '2001-01-01' }).route).toBe('registry');
  });
  it('one from 2000 needs the uploaded 高校毕业生登记表 (seeds 001, 004)', () => {
    const r = educationVerificationRoute({ origin: 'domestic', graduationDate: '2000-12-31' });
    expect(r.route).toBe('upload');
    expect(r.route === 'upload' && r.documents.join()).toContain('高校毕业生登记表');
  });
  it('foreign and HK/Macao/Taiwan degrees need 留学服务中心 certification', () => {
    for (const origin of ['foreign', 'hkMacaoTaiwan'] as const) {
      const r = educationVerificationRoute({ origin, graduationDate: '2015-06-30' });
      expect(r.route === 'upload' && r.documents.join()).toContain('留学服务中心');
    }
  });
  it('technical-school classes count as 中专 / 大专 / 本科 (seed 002 二(二))', () => {
    expect(effectiveEducationLevel({ technicalSchoolClass: 'intermediateWorkerClass' })).toBe('secondary');
    expect(effectiveEducationLevel({ technicalSchoolClass: 'seniorWorkerClass' })).toBe('juniorCollege');
    expect(effectiveEducationLevel({ technicalSchoolClass: 'preMasterWorkerClass' })).toBe('bachelor');
    expect(effectiveEducationLevel({ level: 'master' })).toBe('master');
  });
});
