/**
 * The eight seed plans (config/plans/*.yaml) against the five notices in seeds/: every file validates with
 * the domain's ZPlan, and each plan carries the numbers of its notice. Test names cite the clause.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DIRECT_REPORT_CONDITIONS, findRegionByKey, validatePlan, type Plan } from '@zc/domain';

const DIR = fileURLToPath(new URL('../../config/plans', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((n) => n.endsWith('.yaml'))
  .sort();

function load(file: string): { raw: unknown; result: ReturnType<typeof validatePlan> } {
  const raw: unknown = parse(readFileSync(join(DIR, file), 'utf8'));
  return { raw, result: validatePlan(raw) };
}

const PLANS = new Map<string, Plan>();
const RAW = new Map<string, Record<string, unknown>>();
for (const file of FILES) {
  const { raw, result } = load(file);
  if (result.ok) {
    PLANS.set(result.plan.key, result.plan);
    RAW.set(result.plan.key, raw as Record<string, unknown>);
  }
}

function plan(key: string): Plan {
  const p = PLANS.get(key);
  if (!p) throw new Error(`计划 ${key} 不存在或未通过校验`);
  return p;
}

const SEED_001_KEYS = ['2020-energy-senior', '2020-materials-senior', '2020-textile-senior', '2020-petrochemical-senior'];
const ALL_KEYS = [
  '2019-it-senior',
  ...SEED_001_KEYS,
  '2021-jiaxing-it-intermediate',
  '2022-security-senior',
  '2020-huzhou-innovative-engineer',
];

/** A photo checked against a plan's spec, bounds read as SPEC §11 (inclusive unless the plan says otherwise). */
function photoAccepted(spec: Plan['photo'], photo: { format: 'jpeg' | 'png'; bytes: number; width: number; height: number }): boolean {
  const within = (v: number, b: Plan['photo']['bytes']) =>
    (b.min === undefined || (b.minInclusive ? v >= b.min : v > b.min)) &&
    (b.max === undefined || (b.maxInclusive ? v <= b.max : v < b.max));
  const ratio = photo.width / photo.height;
  return (
    spec.formats.includes(photo.format) &&
    within(photo.bytes, spec.bytes) &&
    within(photo.width, spec.width) &&
    within(photo.height, spec.height) &&
    (!spec.aspect || (ratio >= spec.aspect.min && ratio <= spec.aspect.max))
  );
}

/** Seed 003 五(五) computed from the plan's parameters, to check that they encode the clause. */
function mountainBonus(b: NonNullable<NonNullable<Plan['scoring']>['mountainCountyBonus']>, years: number): number {
  if (years >= b.fullYears) return Math.min(b.maxPoints, b.fullPoints + (years - b.fullYears) * b.perExtraYear);
  return years >= b.fromYears ? b.fromPoints : 0;
}

function route(p: Plan, affiliation: Plan['routes'][number]['affiliation'], filesAtAgency?: boolean) {
  const r = p.routes.find((x) => x.affiliation === affiliation && (filesAtAgency === undefined || x.filesAtAgency === filesAtAgency));
  if (!r) throw new Error(`${p.key} 没有 ${affiliation} 的审核路线`);
  return r;
}
const kinds = (r: Plan['routes'][number]) => r.steps.map((s) => s.kind);
const paperOnly = (r: Plan['routes'][number]) => r.steps.filter((s) => s.paperOnly).map((s) => s.kind);

describe('config/plans: the eight seed plans', () => {
  it.each(FILES)('%s validates against ZPlan', (file) => {
    const { result } = load(file);
    if (!result.ok) console.error(`${file}:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('there are exactly 8 plan files: seeds 000, 002, 003, 004 one each, seed 001 four', () => {
    expect(FILES).toHaveLength(8);
    expect(PLANS.size).toBe(8);
    expect([...PLANS.keys()].sort()).toEqual([...ALL_KEYS].sort());
  });

  it('keys are unique and each file is named after its key', () => {
    const keys = FILES.map((f) => {
      const { result } = load(f);
      return result.ok ? result.plan.key : f;
    });
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of FILES) {
      const { result } = load(f);
      if (result.ok) expect(f).toBe(`${result.plan.key}.yaml`);
    }
  });

  it('no field is silently dropped by the schema (typos would be stripped by zod)', () => {
    const dropped: string[] = [];
    const walk = (a: unknown, b: unknown, path: string) => {
      if (Array.isArray(a)) a.forEach((x, i) => walk(x, (b as unknown[] | undefined)?.[i], `${path}.${i}`));
      else if (a && typeof a === 'object') {
        for (const [k, v] of Object.entries(a)) {
          if (!b || typeof b !== 'object' || !(k in b)) dropped.push(`${path}.${k}`);
          else walk(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
        }
      }
    };
    for (const [key, raw] of RAW) walk(raw, PLANS.get(key), key);
    expect(dropped).toEqual([]);
  });

  it('every top-level field written in a plan file is cited to its seed clause', () => {
    const uncited: string[] = [];
    for (const [key, raw] of RAW) {
      const p = plan(key);
      for (const field of Object.keys(raw)) {
        if (['schemaVersion', 'key', 'name', 'citations'].includes(field)) continue;
        if (!p.citations[field]?.trim()) uncited.push(`${key}.${field}`);
      }
    }
    expect(uncited).toEqual([]);
  });

  it('region keys exist in the Zhejiang region table (GB/T 2260 codes and development zones)', () => {
    for (const p of PLANS.values()) for (const id of p.acceptedRegionIds) expect(findRegionByKey(id), `${p.key}: ${id}`).toBeDefined();
  });

  it('every seed: cutoff 12-31 of the plan year, 3-year integrity ban, employer publicity 5 working days, 本人述职 1000', () => {
    for (const p of PLANS.values()) {
      expect(p.cutoffDate, p.key).toBe(`${p.year}-12-31`);
      expect(p.integrityBanYears, p.key).toBe(3);
      expect(p.publicity.employerWorkingDays, p.key).toBe(5);
      expect(p.personalStatementMaxChars, p.key).toBe(1000);
    }
  });

  it("every self-score mode can reach its threshold with the plan's scoring table", () => {
    for (const p of PLANS.values()) {
      for (const m of p.modes.filter((x) => x.mode === 'selfScore')) {
        const max = (p.scoring?.items ?? []).reduce((s, i) => s + i.maxPoints, 0);
        expect(max, p.key).toBeGreaterThanOrEqual(m.selfScoreThreshold ?? Infinity);
      }
    }
  });

  it('every route ends at the committee office', () => {
    for (const p of PLANS.values())
      for (const r of p.routes) expect(r.steps.at(-1)?.kind, `${p.key} ${r.affiliation}`).toBe('committeeOffice');
  });
});

describe('seed 000: 浙软协[2019]024号, 信息技术高级工程师', () => {
  const p = () => plan('2019-it-senior');

  it('seed 000 文头: issuer, document number, date', () => {
    expect(p().source).toMatchObject({ issuer: '浙江省软件行业协会', documentNumber: '浙软协[2019]024号', date: '2019-07-15' });
    expect(p().committee).toMatchObject({
      name: '浙江省信息技术工程技术人员高级工程师职务任职资格评审委员会',
      office: '浙江省软件行业协会',
      kind: 'senior',
    });
    expect(p().levels).toEqual(['senior']);
  });

  it('seed 000 附件1: materials by 2019-09-30, review in 2019 11-12 月', () => {
    expect(p().timeline.departmentDeadline).toBe('2019-09-30');
    expect(p().timeline.reviewMonth).toBe('2019-11');
    expect(p().timeline.employerDeadline <= '2019-09-30').toBe(true);
  });

  it('seed 000 附件1 / 附件4 四.5: 技术开发, 应用电子, 信息安全, 系统集成 with their scopes', () => {
    expect(p().specialties.map((s) => s.name)).toEqual(['技术开发', '应用电子', '信息安全', '系统集成']);
    expect(p().specialties[0]?.description).toContain('信息产品的设计、开发、实施、评测、维护和服务');
    expect(p().specialties[3]?.description).toContain('通过结构化技术');
    expect(p().acceptedRegionIds).toEqual(['330000']);
  });

  it('seed 000 四(一): tenure counted to 2019-12-31', () => {
    expect(p().cutoffDate).toBe('2019-12-31');
  });

  it('seed 000 二: self-score ≥ 80 for those lacking the education or years', () => {
    const m = p().modes.find((x) => x.mode === 'selfScore');
    expect(m?.selfScoreThreshold).toBe(80);
    expect(m?.waivesEducationYears).toBe(true);
    expect(p().scoring?.items.every((i) => i.evidenceRequired)).toBe(true); // 四(二) 无证明材料的不予评分
  });

  it('seed 000 三(三): no 中评委 recommendation step', () => {
    expect(p().committeeRecommendation).toBe(false);
    for (const r of p().routes) expect(kinds(r)).not.toContain('committeeRecommendation');
  });

  it('seed 000 附件3 一: routes by affiliation, "经信或人力社保" either-or, paper-only steps', () => {
    const county = route(p(), 'county');
    expect(kinds(county)).toEqual(['countyEconomy', 'countyHr', 'cityEconomyOrHr', 'committeeOffice']);
    expect(paperOnly(county)).toEqual(['countyEconomy']);
    const city = route(p(), 'city');
    expect(kinds(city)).toEqual(['competentDepartment', 'cityEconomyOrHr', 'committeeOffice']);
    expect(paperOnly(city)).toEqual(['competentDepartment']);
    expect(kinds(route(p(), 'province'))).toEqual(['provincialDepartment', 'committeeOffice']);
    expect(kinds(route(p(), 'none', true))).toEqual(['personnelAgency', 'cityEconomyOrHr', 'committeeOffice']);
    expect(kinds(route(p(), 'none', false))).toEqual(['cityEconomyOrHr', 'committeeOffice']);
  });

  it('seed 000 四(三): employer publicity ≥ 5 working days, committee 5', () => {
    expect(p().publicity).toEqual({ employerWorkingDays: 5, committeeWorkingDays: 5 });
  });

  it('seed 000 六(五): the fee is paid by the sending unit when it sends the materials', () => {
    expect(p().fee).toEqual({ amountYuan: null, payer: 'employer', due: 'onMaterialsSent', method: null });
  });

  it('seed 000 附件2 二 / SPEC §11: photo jpg, ≤ 50 KB, between 200×280 and 300×420 inclusive', () => {
    const s = p().photo;
    expect(s.formats).toEqual(['jpeg']);
    expect(photoAccepted(s, { format: 'jpeg', bytes: 51200, width: 200, height: 280 })).toBe(true);
    expect(photoAccepted(s, { format: 'jpeg', bytes: 51200, width: 300, height: 420 })).toBe(true);
    expect(photoAccepted(s, { format: 'jpeg', bytes: 51201, width: 250, height: 350 })).toBe(false);
    expect(photoAccepted(s, { format: 'jpeg', bytes: 40000, width: 199, height: 350 })).toBe(false);
    expect(photoAccepted(s, { format: 'jpeg', bytes: 40000, width: 250, height: 421 })).toBe(false);
    expect(photoAccepted(s, { format: 'png', bytes: 40000, width: 250, height: 350 })).toBe(false);
  });

  it('seed 000 附件2 二: the 综合表 watermark', () => {
    expect(p().watermark).toBe('浙江省高级专业技术职务任职资格网上申报评审');
  });

  it('seed 000 六(三): from 2018, 90 h a year, ≥ 60 专业, 公需 ≥ 18', () => {
    expect(p().continuingEducation).toMatchObject({
      kind: 'annual',
      years: [2018, 2019],
      hoursPerYear: 90,
      professionalMin: 60,
      publicMin: 18,
    });
  });

  it('seed 000 五: 3-year ban; 附件4 二.2: 评审表 一式 3 份', () => {
    expect(p().integrityBanYears).toBe(3);
    expect(p().deliverables.evaluationFormCopies).toBe(3);
  });

  it('SPEC §5: the senior matrix — bachelor + 工程师 + 5 years, doctor + 2', () => {
    const rows = p().eligibility.find((e) => e.level === 'senior')?.rows ?? [];
    expect(rows).toContainEqual(expect.objectContaining({ education: 'bachelor', requiredTitle: 'intermediate', yearsInTitle: 5 }));
    expect(rows).toContainEqual(expect.objectContaining({ education: 'doctor', requiredTitle: 'intermediate', yearsInTitle: 2 }));
  });
});

describe('seed 001: 浙经信人事〔2020〕84号, 能源 / 材料 / 轻纺 / 石化', () => {
  const SCOPES: Record<string, string> = {
    '2020-energy-senior': '能源的开发、转换、输送、利用等领域相关专业',
    '2020-materials-senior': '材料及相关专业产品与技术研发、产品生产与检测、技术推广与服务等',
    '2020-textile-senior': '轻工、造纸、纺织、丝绸、化纤、印染、家具、皮塑、食品等专业',
    '2020-petrochemical-senior': '无机化工、有机化工、农用化工、石油化工、精细化工、橡胶等石油和化学工业工程技术类专业或相近专业',
  };
  const COMMITTEES: Record<string, string> = {
    '2020-energy-senior': '能源',
    '2020-materials-senior': '材料',
    '2020-textile-senior': '轻纺',
    '2020-petrochemical-senior': '石化',
  };

  it.each(SEED_001_KEYS)('seed 001 附件1: %s has its committee and scope', (key) => {
    const p = plan(key);
    expect(p.committee.name).toBe(`浙江省${COMMITTEES[key]}工程技术人员高级工程师职务任职资格评审委员会`);
    expect(p.committee.kind).toBe('senior');
    expect(p.specialties).toHaveLength(1);
    expect(p.specialties[0]?.description).toBe(SCOPES[key]);
  });

  it('seed 001: the four plans share one notice and one timeline — 地市 materials by 10-10, review 11-12 月', () => {
    for (const key of SEED_001_KEYS) {
      const p = plan(key);
      expect(p.source).toMatchObject({ issuer: '浙江省经济和信息化厅', documentNumber: '浙经信人事〔2020〕84号', date: '2020-07-28' });
      expect(p.timeline.departmentDeadline).toBe('2020-10-10');
      expect(p.timeline.lowerCommitteeDeadline).toBe('2020-10-10');
      expect(p.timeline.reviewMonth).toBe('2020-11');
      expect(p.cutoffDate).toBe('2020-12-31');
      expect(p.timeline).toEqual(plan('2020-energy-senior').timeline);
    }
  });

  it('seed 001 三(二): 中评委 recommendation step after "市经信局会同人力社保部门"', () => {
    for (const key of SEED_001_KEYS) {
      const p = plan(key);
      expect(p.committeeRecommendation).toBe(true);
      for (const r of p.routes) expect(kinds(r).slice(-2)).toEqual(['committeeRecommendation', 'committeeOffice']);
      expect(kinds(route(p, 'county'))).toEqual(['cityEconomyWithHr', 'committeeRecommendation', 'committeeOffice']);
      expect(kinds(route(p, 'province'))).toEqual(['provincialDepartment', 'committeeRecommendation', 'committeeOffice']);
      expect(kinds(route(p, 'none', true))[0]).toBe('personnelAgency');
    }
  });

  it('seed 001 二(三): foreign language and computer skills not required', () => {
    for (const key of SEED_001_KEYS)
      expect(plan(key).flags).toMatchObject({ foreignLanguageRequired: false, computerSkillsRequired: false, papersRequired: false });
  });

  it('seed 001 二(二): COVID front-line staff get the relaxations of 人社厅发〔2020〕23号', () => {
    for (const key of SEED_001_KEYS) expect(plan(key).flags.covidFrontlineRelaxation).toContain('人社厅发〔2020〕23号');
  });

  it('seed 001 二(四): 90 h a year from 2018; courseware cap 36 h lifted for 2020 economy-and-IT courseware', () => {
    for (const key of SEED_001_KEYS) {
      expect(plan(key).continuingEducation).toEqual({
        kind: 'annual',
        years: [2018, 2019, 2020],
        hoursPerYear: 90,
        professionalMin: 60,
        publicMin: 18,
        onlineCapPerYear: 36,
        onlineCapExemptions: [{ year: 2020, registry: 'economyIt' }],
      });
    }
  });

  it('seed 001 五(二): fee paid online by the applicant after the qualification review', () => {
    for (const key of SEED_001_KEYS)
      expect(plan(key).fee).toEqual({ amountYuan: null, payer: 'applicant', due: 'afterQualificationReview', method: 'online' });
  });

  it('seed 001 附件2.11 / 附件3: 破格 needs the approval form', () => {
    for (const key of SEED_001_KEYS) {
      const m = plan(key).modes.find((x) => x.mode === 'exceptional');
      expect(m?.requiresApprovalForm).toBe(true);
      expect(m?.attachments.map((a) => a.name)).toContain('破格推荐高级专业技术职务任职资格审批表');
    }
  });

  it('seed 001 三(一): employer publicity ≥ 5, committee 5; 附件2.1: 评审表 一式三份; 四: 3-year ban', () => {
    for (const key of SEED_001_KEYS) {
      const p = plan(key);
      expect(p.publicity).toEqual({ employerWorkingDays: 5, committeeWorkingDays: 5 });
      expect(p.deliverables.evaluationFormCopies).toBe(3);
      expect(p.integrityBanYears).toBe(3);
    }
  });
});

describe('seed 002: 嘉兴 2021 信息技术 中、初级', () => {
  const p = () => plan('2021-jiaxing-it-intermediate');

  it('seed 002 三: personal deadline 2021-10-31, employer 11-11, department 11-19', () => {
    expect(p().timeline).toMatchObject({
      personalDeadline: '2021-10-31',
      employerDeadline: '2021-11-11',
      departmentDeadline: '2021-11-19',
      lowerCommitteeDeadline: '2021-11-19',
    });
  });

  it('seed 002 标题 / 二: 工程师 and 初级 (助理工程师, 员级); intermediate committee', () => {
    expect(p().levels).toEqual(expect.arrayContaining(['intermediate', 'assistant']));
    expect(p().committee).toMatchObject({
      name: '嘉兴市信息技术工程技术中级专业技术资格评审委员会',
      kind: 'intermediate',
      office: '嘉兴市工程师协会',
    });
    for (const level of p().levels)
      expect(
        p().eligibility.some((e) => e.level === level),
        level,
      ).toBe(true);
  });

  it('seed 002 主送: 嘉兴 with 嘉兴经济技术开发区 and 嘉兴港区', () => {
    expect(p().acceptedRegionIds).toEqual(['330400', 'zone-jiaxing-etdz', 'zone-jiaxing-port']);
  });

  it('seed 002 二(三): years counted to 2021-12-31', () => {
    expect(p().cutoffDate).toBe('2021-12-31');
  });

  it('seed 002 二(一): self-score ≥ 60 for 工程师', () => {
    const m = p().modes.find((x) => x.mode === 'selfScore');
    expect(m?.selfScoreThreshold).toBe(60);
    expect(m?.waivesEducationYears).toBe(true);
    expect(p().scoring?.items.length).toBeGreaterThan(0);
  });

  it('seed 002 二(二): the skilled-talent path', () => {
    expect(p().modes.map((m) => m.mode)).toContain('skilledTalent');
  });

  it("seed 002 五(二): CE 270 h over 2019–2021 with make-up, this year's 90 h done", () => {
    expect(p().continuingEducation).toMatchObject({
      kind: 'total',
      years: [2019, 2020, 2021],
      totalMin: 270,
      currentYear: 2021,
      currentYearMin: 90,
      makeUpAllowed: true,
    });
  });

  it('seed 002 四: county → 受理点 / 人力社保局 → committee; 市直 units → committee directly; no 中评委 recommendation', () => {
    expect(kinds(route(p(), 'county'))).toEqual(['acceptancePoint', 'countyHr', 'committeeOffice']);
    expect(kinds(route(p(), 'city'))).toEqual(['committeeOffice']);
    expect(p().committeeRecommendation).toBe(false);
  });

  it('seed 002 四(二): employer publicity ≥ 5 working days', () => {
    expect(p().publicity.employerWorkingDays).toBe(5);
  });

  it('seed 002 四(四): 评审表 一式两份, double-sided', () => {
    expect(p().deliverables).toMatchObject({ evaluationFormCopies: 2, doubleSided: true });
  });

  it('seed 002: no fee clause', () => {
    expect(p().fee).toEqual({ amountYuan: null, payer: null, due: null, method: null });
  });

  it('seed 002 六: integrity record kept 3 years', () => {
    expect(p().integrityBanYears).toBe(3);
  });
});

describe('seed 003: 浙安协【2022】16号, 安全技术防范高级工程师', () => {
  const p = () => plan('2022-security-senior');

  it('seed 003 三: open 07-08, personal 10-15, employer 10-27, departments 11-30, review in December', () => {
    expect(p().timeline).toEqual({
      openDate: '2022-07-08',
      personalDeadline: '2022-10-15',
      employerDeadline: '2022-10-27',
      departmentDeadline: '2022-11-30',
      reviewMonth: '2022-12',
    });
  });

  it('seed 003 一 / 二: 工程设计, 产品制造, 系统集成, 技术服务', () => {
    expect(p().specialties.map((s) => s.name)).toEqual([
      '安全技术防范专业（工程设计）',
      '安全技术防范专业（产品制造）',
      '安全技术防范专业（系统集成）',
      '安全技术防范专业（技术服务）',
    ]);
    for (const s of p().specialties) expect(s.description).toMatch(/^从事安全技术防范领域/);
  });

  it('seed 003 七(六): tenure counted to 2022-12-31', () => {
    expect(p().cutoffDate).toBe('2022-12-31');
  });

  it('seed 003 六(一): 正常, 技能人才, 自评分, 标志性业绩直接申报', () => {
    expect(p().modes.map((m) => m.mode)).toEqual(['normal', 'skilledTalent', 'selfScore', 'landmarkAchievement']);
  });

  it('seed 003 四(二): self-score ≥ 80 and 2 正高 experts of the same or a related specialty', () => {
    const m = p().modes.find((x) => x.mode === 'selfScore');
    expect(m?.selfScoreThreshold).toBe(80);
    expect(m?.recommenders?.count).toBe(2);
    expect(m?.recommenders?.qualification).toContain('正高级');
    expect(m?.waivesEducationYears).toBe(true);
  });

  it('seed 003 附件1 二.13 / 三: the 标志性业绩 forms', () => {
    const names =
      p()
        .modes.find((x) => x.mode === 'landmarkAchievement')
        ?.attachments.map((a) => a.name) ?? [];
    expect(names).toContain('浙江省安全技术防范专业高级工程师职务任职资格量化评价表（标志性成果）');
    expect(names).toContain('推荐高级工程师职务任职资格审批表（标志性业绩）');
  });

  it('seed 003 六: 市经信局会同人力社保部门 → the association; no 中评委 step', () => {
    expect(kinds(route(p(), 'county'))).toEqual(['cityEconomyWithHr', 'committeeOffice']);
    expect(kinds(route(p(), 'city'))).toEqual(['cityEconomyWithHr', 'committeeOffice']);
    expect(kinds(route(p(), 'province'))).toEqual(['provincialDepartment', 'committeeOffice']);
    expect(kinds(route(p(), 'none', true))).toEqual(['personnelAgency', 'cityEconomyWithHr', 'committeeOffice']);
    expect(p().committeeRecommendation).toBe(false);
  });

  it('seed 003: fee 280 元, after the qualification review, by bank transfer', () => {
    expect(p().fee).toEqual({ amountYuan: 280, payer: 'applicant', due: 'afterQualificationReview', method: 'bankTransfer' });
  });

  it('seed 003 附件3 / 五(五): mountain-county bonus', () => {
    const b = p().scoring?.mountainCountyBonus;
    expect(b).toEqual({ fromYears: 15, fromPoints: 4, fullYears: 20, fullPoints: 6, perExtraYear: 1, maxPoints: 10 });
    if (!b) return;
    // 满15周年未满20周年计4分；满20周年以上计6-10分（最高10分，每增1年加1分）
    expect([14, 15, 19, 20, 21, 23, 24, 25, 40].map((y) => mountainBonus(b, y))).toEqual([0, 4, 4, 6, 7, 9, 10, 10, 10]);
  });

  it('seed 003 五(二): 2019–2022 ≥ 270 h in the category proportions, 2022 ≥ 90 h from the 安防 registry', () => {
    const ce = p().continuingEducation;
    expect(ce).toMatchObject({
      kind: 'total',
      years: [2019, 2020, 2021, 2022],
      totalMin: 270,
      currentYear: 2022,
      currentYearMin: 90,
      currentYearRegistry: 'industry',
    });
    if (ce.kind !== 'total') return;
    // 90 / 60 / 18 applied to 270: 专业 180, 公需 54
    expect(ce.totalMin * (ce.professionalShare ?? 0)).toBeCloseTo(180, 6);
    expect(ce.totalMin * (ce.professionalShare ?? 0)).toBeLessThanOrEqual(180);
    expect(ce.totalMin * (ce.publicShare ?? 0)).toBeCloseTo(54, 6);
  });

  it('seed 003 五(三): assessments ≥ 合格/称职 over the last 3 years', () => {
    expect(p().annualAssessment).toEqual({
      scope: 'lastYears',
      years: [2019, 2020, 2021],
      passResults: ['excellent', 'qualified', 'competent'],
    });
  });

  it('seed 003 八(二): interview for 转评, lacking education or years, 标志性业绩, later degree < 2 years, committee choice', () => {
    expect(p().interviewTriggers).toEqual([
      'transfer',
      'lacksEducationOrYears',
      'landmarkAchievement',
      'recentLaterDegree',
      'committeeChoice',
    ]);
  });

  it('seed 003 附件2.4 / SPEC §11: photo 30K < size < 1M, width > 215, height > 300, 0.65 ≤ w/h ≤ 0.8', () => {
    const s = p().photo;
    const ok = { format: 'jpeg' as const, bytes: 100_000, width: 300, height: 400 };
    expect(photoAccepted(s, ok)).toBe(true);
    expect(photoAccepted(s, { ...ok, bytes: 30 * 1024 })).toBe(false);
    expect(photoAccepted(s, { ...ok, bytes: 30 * 1024 + 1 })).toBe(true);
    expect(photoAccepted(s, { ...ok, bytes: 1024 * 1024 })).toBe(false);
    expect(photoAccepted(s, { ...ok, bytes: 1024 * 1024 - 1 })).toBe(true);
    expect(photoAccepted(s, { ...ok, width: 215, height: 320 })).toBe(false);
    expect(photoAccepted(s, { ...ok, width: 216, height: 320 })).toBe(true);
    expect(photoAccepted(s, { ...ok, width: 234, height: 300 })).toBe(false);
    expect(photoAccepted(s, { ...ok, width: 260, height: 400 })).toBe(true); // 0.65
    expect(photoAccepted(s, { ...ok, width: 320, height: 400 })).toBe(true); // 0.8
    expect(photoAccepted(s, { ...ok, width: 259, height: 400 })).toBe(false);
    expect(photoAccepted(s, { ...ok, width: 321, height: 400 })).toBe(false);
  });

  it('seed 003 附件1 二.10: achievements after the current title only', () => {
    expect(p().flags.achievementsAfterCurrentTitleOnly).toBe(true);
  });

  it('seed 003 六(一): watermark text, 本人述职 ≤ 1000, 评审表 一式三份 exported after payment (附件2.9)', () => {
    expect(p().watermark).toBe('浙江省专业技术任职资格申报与评审管理平台');
    expect(p().personalStatementMaxChars).toBe(1000);
    expect(p().deliverables).toEqual({ evaluationFormCopies: 3, doubleSided: false, exportAfterPayment: true });
  });
});

describe('seed 004: 湖职指发〔2020〕2号, 湖州企业创新型人才工程师', () => {
  const p = () => plan('2020-huzhou-innovative-engineer');

  it('seed 004 六: one window 2020-08-31 to 10-10 for applicant and employer', () => {
    expect(p().timeline).toMatchObject({ openDate: '2020-08-31', personalDeadline: '2020-10-10', employerDeadline: '2020-10-10' });
  });

  it('seed 004 一: 湖州, enterprises of the "4+3+N" industries', () => {
    expect(p().acceptedRegionIds).toEqual(['330500']);
    expect(p().eligibleEmployers).toContain('4+3+N');
    expect(p().levels).toEqual(['intermediate']);
    expect(p().committee).toMatchObject({ kind: 'intermediate', office: '湖州市职业资格指导服务中心' });
  });

  it('seed 004 二: 3 of 7 direct-report conditions', () => {
    expect(p().modes).toHaveLength(1);
    const m = p().modes[0];
    expect(m?.mode).toBe('directReport');
    expect(m?.directReport?.required).toBe(3);
    expect(m?.directReport?.conditions).toEqual([...DIRECT_REPORT_CONDITIONS]);
    expect(m?.directReport?.conditions).toHaveLength(7);
    expect(m?.waivesEducationYears).toBe(true);
  });

  it('seed 004 二: foreign language, computer skills and papers not required; counted to 2020-12-31', () => {
    expect(p().flags).toMatchObject({ foreignLanguageRequired: false, computerSkillsRequired: false, papersRequired: false });
    expect(p().cutoffDate).toBe('2020-12-31');
  });

  it('seed 004 四(二): CE records for 2017–2019, no threshold', () => {
    expect(p().continuingEducation).toEqual({ kind: 'recordsOnly', years: [2017, 2018, 2019] });
  });

  it('seed 004 四(三): assessments 合格 or better for 2017–2019', () => {
    expect(p().annualAssessment).toMatchObject({ scope: 'lastYears', years: [2017, 2018, 2019] });
    expect(p().annualAssessment.passResults).toContain('qualified');
  });

  it('seed 004 四(六): everyone is interviewed by the 中评委', () => {
    expect(p().interviewTriggers).toEqual(['everyone']);
  });

  it('seed 004 五 / 附件1 二.6: fee paid online by the applicant on the SMS notice after submission', () => {
    expect(p().fee).toEqual({ amountYuan: null, payer: 'applicant', due: 'afterSubmission', method: 'online' });
  });

  it('seed 004 附件1 二.1 / SPEC §11: the same strict photo bounds as seed 003', () => {
    expect(p().photo).toEqual(plan('2022-security-senior').photo);
    expect(photoAccepted(p().photo, { format: 'jpeg', bytes: 30 * 1024, width: 300, height: 400 })).toBe(false);
  });

  it('seed 004 三 / 附件2 二: industry department or district HR before the 市职业资格指导服务中心', () => {
    expect(kinds(route(p(), 'county'))).toEqual(['industryDepartment', 'countyHr', 'committeeOffice']);
    expect(kinds(route(p(), 'none'))).toEqual(['countyHr', 'committeeOffice']);
    expect(p().committeeRecommendation).toBe(false);
  });

  it('seed 004 四(七) / 附件1 二.7: 评审表 一式三份, exported after payment; 四(八): 3-year ban', () => {
    expect(p().deliverables).toMatchObject({ evaluationFormCopies: 3, exportAfterPayment: true });
    expect(p().integrityBanYears).toBe(3);
    expect(p().personalStatementMaxChars).toBe(1000); // 附件1 二.3
  });
});
