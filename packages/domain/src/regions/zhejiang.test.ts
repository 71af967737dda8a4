import { describe, it, expect } from 'vitest';
import { MOUNTAIN_COUNTY_NAMES, findRegionByCode, findRegionByKey, regionAncestors, regionChildren, zhejiangRegions } from './zhejiang';

const byLevel = (level: string) => zhejiangRegions.filter((r) => r.level === level);

describe('zhejiang regions: shape', () => {
  it('has exactly one province, 浙江省 330000, with no parent', () => {
    const provinces = byLevel('province');
    expect(provinces).toHaveLength(1);
    expect(provinces[0]).toMatchObject({ key: '330000', code: '330000', name: '浙江省', parentKey: null });
  });

  it('has the 11 prefecture-level cities, all under the province', () => {
    const cities = byLevel('city');
    expect(cities.map((c) => `${c.code} ${c.name}`)).toEqual([
      '330100 杭州市',
      '330200 宁波市',
      '330300 温州市',
      '330400 嘉兴市',
      '330500 湖州市',
      '330600 绍兴市',
      '330700 金华市',
      '330800 衢州市',
      '330900 舟山市',
      '331000 台州市',
      '331100 丽水市',
    ]);
    for (const c of cities) expect(c.parentKey).toBe('330000');
  });

  it('has 90 county-level divisions: 37 districts, 20 county-level cities, 33 counties', () => {
    const counties = byLevel('county');
    expect(counties).toHaveLength(90);
    expect(counties.filter((c) => c.name.endsWith('区'))).toHaveLength(37);
    expect(counties.filter((c) => c.name.endsWith('市'))).toHaveLength(20);
    expect(counties.filter((c) => c.name.endsWith('县'))).toHaveLength(33);
  });

  it('has per-city county counts as of the current GB/T 2260', () => {
    const counts = Object.fromEntries(
      byLevel('city').map((c) => [c.name, regionChildren(c.key).filter((r) => r.level === 'county').length]),
    );
    expect(counts).toEqual({
      杭州市: 13,
      宁波市: 10,
      温州市: 12,
      嘉兴市: 7,
      湖州市: 5,
      绍兴市: 6,
      金华市: 9,
      衢州市: 6,
      舟山市: 4,
      台州市: 9,
      丽水市: 9,
    });
  });

  it('keys are unique', () => {
    const keys = zhejiangRegions.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('codes are unique and six digits, and a coded region is keyed by its code', () => {
    const coded = zhejiangRegions.filter((r) => r.code !== null);
    expect(coded).toHaveLength(102);
    const codes = coded.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of coded) {
      expect(r.code).toMatch(/^\d{6}$/);
      expect(r.key).toBe(r.code);
    }
  });

  it('names are unique within the province', () => {
    const names = zhejiangRegions.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every county code starts with its city code’s first four digits', () => {
    for (const county of byLevel('county')) {
      const city = findRegionByKey(county.parentKey ?? '');
      expect(city?.level, county.name).toBe('city');
      expect(county.code?.slice(0, 4), county.name).toBe(city?.code?.slice(0, 4));
      expect(county.code?.slice(4), county.name).not.toBe('00');
    }
  });

  it('every parentKey points to an existing region', () => {
    for (const r of zhejiangRegions) {
      if (r.parentKey !== null) expect(findRegionByKey(r.parentKey), r.name).toBeDefined();
    }
  });
});

describe('zhejiang regions: seed 003 附件3 山区 26 县', () => {
  it('seed 003 附件3 lists exactly 26 mountain counties, all distinct', () => {
    expect(MOUNTAIN_COUNTY_NAMES).toHaveLength(26);
    expect(new Set(MOUNTAIN_COUNTY_NAMES).size).toBe(26);
  });

  it('seed 003 附件3: exactly the 26 listed counties are flagged mountainCounty', () => {
    const flagged = zhejiangRegions.filter((r) => r.mountainCounty).map((r) => r.name);
    expect(flagged).toHaveLength(26);
    expect([...flagged].sort()).toEqual([...MOUNTAIN_COUNTY_NAMES].sort());
    for (const r of zhejiangRegions.filter((x) => x.mountainCounty)) expect(r.level).toBe('county');
  });

  it('seed 003 附件3: mountain counties by city (杭州1, 温州5, 金华2, 衢州6, 台州3, 丽水9)', () => {
    const perCity: Record<string, string[]> = {};
    for (const r of zhejiangRegions.filter((x) => x.mountainCounty)) {
      const city = regionAncestors(r.key)[0]?.name ?? '?';
      (perCity[city] ??= []).push(r.name);
    }
    expect(perCity).toEqual({
      杭州市: ['淳安县'],
      温州市: ['永嘉县', '平阳县', '苍南县', '文成县', '泰顺县'],
      金华市: ['武义县', '磐安县'],
      衢州市: ['柯城区', '衢江区', '常山县', '开化县', '龙游县', '江山市'],
      台州市: ['三门县', '天台县', '仙居县'],
      丽水市: ['莲都区', '青田县', '缙云县', '遂昌县', '松阳县', '云和县', '庆元县', '景宁畲族自治县', '龙泉市'],
    });
  });

  it('seed 003 附件3: all of 衢州 and 丽水 are mountain counties, none of 宁波/嘉兴/湖州/绍兴/舟山', () => {
    for (const city of ['330800', '331100']) {
      for (const c of regionChildren(city)) expect(c.mountainCounty, c.name).toBe(true);
    }
    for (const city of ['330200', '330400', '330500', '330600', '330900']) {
      for (const c of regionChildren(city)) expect(c.mountainCounty, c.name).toBe(false);
    }
  });
});

describe('zhejiang regions: development zones (seed 002)', () => {
  it('嘉兴经济技术开发区 and 嘉兴港区 have null codes and parent 嘉兴市', () => {
    const zones = byLevel('developmentZone');
    expect(zones.map((z) => z.key)).toEqual(['zone-jiaxing-etdz', 'zone-jiaxing-port']);
    expect(zones.map((z) => z.name)).toEqual(['嘉兴经济技术开发区', '嘉兴港区']);
    for (const z of zones) {
      expect(z.code).toBeNull();
      expect(z.parentKey).toBe('330400');
      expect(findRegionByKey(z.parentKey ?? '')?.name).toBe('嘉兴市');
      expect(z.mountainCounty).toBe(false);
    }
  });

  it('嘉兴市 children are its 7 counties followed by the 2 zones', () => {
    expect(regionChildren('330400').map((r) => r.name)).toEqual([
      '南湖区',
      '秀洲区',
      '嘉善县',
      '海盐县',
      '海宁市',
      '平湖市',
      '桐乡市',
      '嘉兴经济技术开发区',
      '嘉兴港区',
    ]);
  });
});

describe('zhejiang regions: spot checks of known codes', () => {
  it.each([
    ['330102', '上城区', '杭州市'],
    ['330105', '拱墅区', '杭州市'],
    ['330113', '临平区', '杭州市'],
    ['330114', '钱塘区', '杭州市'],
    ['330127', '淳安县', '杭州市'],
    ['330182', '建德市', '杭州市'],
    ['330212', '鄞州区', '宁波市'],
    ['330213', '奉化区', '宁波市'],
    ['330305', '洞头区', '温州市'],
    ['330383', '龙港市', '温州市'],
    ['330603', '柯桥区', '绍兴市'],
    ['330604', '上虞区', '绍兴市'],
    ['330783', '东阳市', '金华市'],
    ['330881', '江山市', '衢州市'],
    ['331081', '温岭市', '台州市'],
    ['331083', '玉环市', '台州市'],
    ['331127', '景宁畲族自治县', '丽水市'],
  ])('%s is %s in %s', (code, name, cityName) => {
    const r = findRegionByCode(code);
    expect(r?.name).toBe(name);
    expect(r?.level).toBe('county');
    expect(regionAncestors(code).map((a) => a.name)).toEqual([cityName, '浙江省']);
  });

  it('abolished codes are absent (下城区 330103, 江干区 330104, 洞头县 330322, 绍兴县 330621)', () => {
    for (const code of ['330103', '330104', '330322', '330621', '330183', '330185', '330283', '330682', '331021']) {
      expect(findRegionByCode(code), code).toBeUndefined();
    }
  });
});

describe('zhejiang regions: helpers', () => {
  it('findRegionByCode trims and returns undefined for unknown codes', () => {
    expect(findRegionByCode(' 330100 ')?.name).toBe('杭州市');
    expect(findRegionByCode('110000')).toBeUndefined();
    expect(findRegionByCode('')).toBeUndefined();
  });

  it('regionChildren of the province are the 11 cities; of a county, none; of an unknown key, none', () => {
    expect(regionChildren('330000')).toHaveLength(11);
    expect(regionChildren('330127')).toEqual([]);
    expect(regionChildren('nope')).toEqual([]);
  });

  it('regionAncestors goes nearest first up to the province', () => {
    expect(regionAncestors('zone-jiaxing-port').map((r) => r.key)).toEqual(['330400', '330000']);
    expect(regionAncestors('330100').map((r) => r.key)).toEqual(['330000']);
    expect(regionAncestors('330000')).toEqual([]);
    expect(regionAncestors('nope')).toEqual([]);
  });

  it('the data is frozen', () => {
    expect(Object.isFrozen(zhejiangRegions)).toBe(true);
    expect(Object.isFrozen(zhejiangRegions[0])).toBe(true);
    expect(Object.isFrozen(MOUNTAIN_COUNTY_NAMES)).toBe(true);
  });
});
