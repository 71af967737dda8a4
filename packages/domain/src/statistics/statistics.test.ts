/**
 * Statistics (F22, SPEC §7 "Rosters and statistics by stage, region, specialty, unit nature"): scope and the shaping
 * of grouped counts into series and sheets — words from LABELS, never codes (issue 9 item 6).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/roles';
import {
  levelSeries,
  natureSeries,
  regionSeries,
  shareOf,
  specialtySeries,
  stageSeries,
  STATISTICS_STAGES,
  statisticsScopeOf,
  statisticsSheets,
} from './statistics';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  role: 'officer',
  orgId: 'org-1',
  orgKind: 'hrBureau',
  regionPath: '330000/330100/330127',
  regionLevel: 'county',
  ...over,
});

describe('statisticsScopeOf', () => {
  it('a county, city or provincial department counts its jurisdiction by region', () => {
    expect(statisticsScopeOf(actor({}))).toEqual({ kind: 'region', regionPath: '330000/330100/330127' });
    expect(statisticsScopeOf(actor({ orgKind: 'economyBureau', regionPath: '330000/330100', regionLevel: 'city' }))).toEqual({
      kind: 'region',
      regionPath: '330000/330100',
    });
    expect(statisticsScopeOf(actor({ role: 'admin', orgKind: 'administration', regionPath: '330000' }))).toEqual({
      kind: 'region',
      regionPath: '330000',
    });
  });
  it('a committee office counts its own plans, not a region (plans.office_org_id)', () => {
    expect(statisticsScopeOf(actor({ orgKind: 'committeeOffice', orgId: 'office-9', regionPath: '330000' }))).toEqual({
      kind: 'office',
      officeOrgId: 'office-9',
    });
  });
  it('applicants, employers and experts have no statistics; a body without a region has none either', () => {
    expect(statisticsScopeOf(actor({ role: 'applicant', orgKind: null }))).toBeNull();
    expect(statisticsScopeOf(actor({ role: 'employer', orgKind: 'employer' }))).toBeNull();
    expect(statisticsScopeOf(actor({ role: 'expert', orgKind: 'committeeOffice' }))).toBeNull();
    expect(statisticsScopeOf(actor({ regionPath: null }))).toBeNull();
  });
});

describe('series', () => {
  it('stages: every status of the workflow table but 草稿, in order, zeros shown, committee stages included', () => {
    const s = stageSeries([
      { key: 'draft', count: 7 },
      { key: 'atCommittee', count: 3 },
      { key: 'submitted', count: 2 },
    ]);
    expect(s.map((i) => i.key)).toEqual(STATISTICS_STAGES);
    expect(s.find((i) => i.key === 'atCommittee')).toEqual({ key: 'atCommittee', label: '待资格审查', count: 3 });
    expect(s.find((i) => i.key === 'submitted')?.label).toBe('待单位审核');
    expect(s.some((i) => i.label === '草稿')).toBe(false);
    expect(s.reduce((n, i) => n + i.count, 0)).toBe(5);
  });
  it('levels and natures: the vocabularies in words; null is 未填写, an unknown code is named as unknown', () => {
    const l = levelSeries([
      { key: 'senior', count: 4 },
      { key: null, count: 1 },
    ]);
    expect(l.map((i) => i.label)).toEqual(['技术员', '助理工程师', '工程师', '高级工程师', '正高级工程师', '未填写']);
    expect(l.find((i) => i.key === 'senior')?.count).toBe(4);
    const n = natureSeries([
      { key: 'privateEnterprise', count: 2 },
      { key: 'oldCode', count: 1 },
    ]);
    expect(n).toHaveLength(11);
    expect(n[6]).toEqual({ key: 'privateEnterprise', label: '私营企业和个体工商户', count: 2 });
    expect(n[10]).toEqual({ key: 'oldCode', label: '未知（oldCode）', count: 1 });
  });
  it("specialties: the plan's names, one bar per name across plans, largest first", () => {
    const plans = [
      {
        id: 'p1',
        specialties: [
          { code: 'it-dev', name: '软件开发' },
          { code: 'net', name: '网络工程' },
        ],
      },
      { id: 'p2', specialties: [{ code: 'sw', name: '软件开发' }] },
    ];
    const s = specialtySeries(
      [
        { planId: 'p1', code: 'net', count: 2 },
        { planId: 'p1', code: 'it-dev', count: 1 },
        { planId: 'p2', code: 'sw', count: 3 },
        { planId: 'p2', code: 'gone', count: 1 },
      ],
      plans,
    );
    expect(s).toEqual([
      { key: '软件开发', label: '软件开发', count: 4 },
      { key: '网络工程', label: '网络工程', count: 2 },
      { key: '未知专业（gone）', label: '未知专业（gone）', count: 1 },
    ]);
  });
  it('regions: the province by city, a city by county (drill-down), a county as itself; 本级 units apart', () => {
    const rows = [
      { regionPath: '330000/330100/330127', count: 3 },
      { regionPath: '330000/330100/330122', count: 2 },
      { regionPath: '330000/330100', count: 1 },
      { regionPath: '330000/330400/330402', count: 4 },
    ];
    const province = regionSeries(rows, '330000');
    expect(province).toHaveLength(11);
    expect(province[0]).toEqual({ key: '330100', label: '杭州市', count: 6, drillable: true });
    expect(province.find((i) => i.key === '330400')?.count).toBe(4);
    expect(province.find((i) => i.key === '330500')?.count).toBe(0);
    const hangzhou = regionSeries(
      rows.filter((r) => r.regionPath.startsWith('330000/330100')),
      '330000/330100',
    );
    expect(hangzhou[0]).toEqual({ key: '330100', label: '杭州市本级', count: 1 });
    expect(hangzhou.find((i) => i.key === '330127')).toEqual({ key: '330127', label: '淳安县', count: 3, drillable: false });
    expect(hangzhou.reduce((n, i) => n + i.count, 0)).toBe(6);
    expect(regionSeries([{ regionPath: '330000/330100/330127', count: 3 }], '330000/330100/330127')).toEqual([
      { key: '330127', label: '淳安县', count: 3 },
    ]);
  });
});

describe('statisticsSheets', () => {
  it('one sheet per dimension, Chinese headers, scope in the title, shares and a 合计 row that matches', () => {
    const series = {
      stage: stageSeries([{ key: 'inReview', count: 3 }]),
      region: regionSeries([{ regionPath: '330000/330100/330127', count: 3 }], '330000/330100'),
      specialty: specialtySeries([{ planId: 'p', code: 'a', count: 3 }], [{ id: 'p', specialties: [{ code: 'a', name: '软件开发' }] }]),
      nature: natureSeries([{ key: 'stateOwnedEnterprise', count: 3 }]),
      level: levelSeries([{ key: 'intermediate', count: 3 }]),
    };
    const sheets = statisticsSheets(series, 3, { scopeTitle: '杭州市', filterText: '2026 年度', drafts: 2 });
    expect(sheets.map((s) => s.name)).toEqual(['按申报进度', '按地区', '按评审专业', '按单位性质', '按申报级别']);
    expect(sheets[0]!.title).toBe('杭州市职称申报统计（按申报进度） · 2026 年度');
    expect(sheets[0]!.header).toEqual(['申报进度', '申报人数', '占比']);
    expect(sheets[0]!.rows).toContainEqual(['主管部门审核中', 3, '100%']);
    expect(sheets[0]!.rows.at(-2)).toEqual(['合计', 3, '100%']);
    expect(sheets[0]!.rows.at(-1)).toEqual(['另：草稿（未提交，不计入统计）', 2, '']);
    expect(sheets[1]!.rows).toContainEqual(['淳安县', 3, '100%']);
    expect(sheets[4]!.rows).toContainEqual(['工程师', 3, '100%']);
  });
  it('shares round to one decimal', () => {
    expect(shareOf(1, 3)).toBe('33.3%');
    expect(shareOf(0, 0)).toBe('0%');
  });
});
