/**
 * Administrative divisions of Zhejiang province (浙江省行政区划) as static data.
 *
 * Codes are GB/T 2260 six-digit codes as in force since the 2021 Hangzhou
 * reform (临平区 330113, 钱塘区 330114) and the 2019 creation of 龙港市 330383:
 * 1 province, 11 prefecture-level cities and 90 county-level divisions
 * (37 districts 区, 20 county-level cities 市, 33 counties 县).
 *
 * Two development zones that have their own HR bureau (seed 002:
 * 嘉兴经济技术开发区（国际商务区）, 嘉兴港区) are included under 嘉兴市 with no
 * GB/T 2260 code.
 *
 * `mountainCounty` marks the 26 counties of seed 003 附件3 "山区 26 县名单".
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'developmentZone';

export interface RegionSeed {
  /** Stable key: the GB/T 2260 code for coded regions; 'zone-…' for development zones. */
  key: string;
  /** Six-digit GB/T 2260 code; null for development zones. */
  code: string | null;
  /** Official Chinese name, e.g. '淳安县', '杭州市'. */
  name: string;
  level: RegionLevel;
  parentKey: string | null;
  /** One of the 26 mountain counties of seed 003 附件3. */
  mountainCounty: boolean;
}

/** The 26 mountain counties, in the order and spelling of seed 003 附件3. */
export const MOUNTAIN_COUNTY_NAMES: readonly string[] = Object.freeze([
  // 杭州市
  '淳安县',
  // 温州市
  '永嘉县',
  '平阳县',
  '苍南县',
  '文成县',
  '泰顺县',
  // 金华市
  '武义县',
  '磐安县',
  // 衢州市
  '柯城区',
  '衢江区',
  '常山县',
  '开化县',
  '龙游县',
  '江山市',
  // 台州市
  '三门县',
  '天台县',
  '仙居县',
  // 丽水市
  '莲都区',
  '青田县',
  '缙云县',
  '遂昌县',
  '松阳县',
  '云和县',
  '庆元县',
  '景宁畲族自治县',
  '龙泉市',
]);

const PROVINCE_CODE = '330000';

/** [city code, city name, [county code, county name][]] */
type CityRow = readonly [string, string, readonly (readonly [string, string])[]];

const CITIES: readonly CityRow[] = [
  [
    '330100',
    '杭州市',
    [
      ['330102', '上城区'],
      ['330105', '拱墅区'],
      ['330106', '西湖区'],
      ['330108', '滨江区'],
      ['330109', '萧山区'],
      ['330110', '余杭区'],
      ['330111', '富阳区'],
      ['330112', '临安区'],
      ['330113', '临平区'],
      ['330114', '钱塘区'],
      ['330122', '桐庐县'],
      ['330127', '淳安县'],
      ['330182', '建德市'],
    ],
  ],
  [
    '330200',
    '宁波市',
    [
      ['330203', '海曙区'],
      ['330205', '江北区'],
      ['330206', '北仑区'],
      ['330211', '镇海区'],
      ['330212', '鄞州区'],
      ['330213', '奉化区'],
      ['330225', '象山县'],
      ['330226', '宁海县'],
      ['330281', '余姚市'],
      ['330282', '慈溪市'],
    ],
  ],
  [
    '330300',
    '温州市',
    [
      ['330302', '鹿城区'],
      ['330303', '龙湾区'],
      ['330304', '瓯海区'],
      ['330305', '洞头区'],
      ['330324', '永嘉县'],
      ['330326', '平阳县'],
      ['330327', '苍南县'],
      ['330328', '文成县'],
      ['330329', '泰顺县'],
      ['330381', '瑞安市'],
      ['330382', '乐清市'],
      ['330383', '龙港市'],
    ],
  ],
  [
    '330400',
    '嘉兴市',
    [
      ['330402', '南湖区'],
      ['330411', '秀洲区'],
      ['330421', '嘉善县'],
      ['330424', '海盐县'],
      ['330481', '海宁市'],
      ['330482', '平湖市'],
      ['330483', '桐乡市'],
    ],
  ],
  [
    '330500',
    '湖州市',
    [
      ['330502', '吴兴区'],
      ['330503', '南浔区'],
      ['330521', '德清县'],
      ['330522', '长兴县'],
      ['330523', '安吉县'],
    ],
  ],
  [
    '330600',
    '绍兴市',
    [
      ['330602', '越城区'],
      ['330603', '柯桥区'],
      ['330604', '上虞区'],
      ['330624', '新昌县'],
      ['330681', '诸暨市'],
      ['330683', '嵊州市'],
    ],
  ],
  [
    '330700',
    '金华市',
    [
      ['330702', '婺城区'],
      ['330703', '金东区'],
      ['330723', '武义县'],
      ['330726', '浦江县'],
      ['330727', '磐安县'],
      ['330781', '兰溪市'],
      ['330782', '义乌市'],
      ['330783', '东阳市'],
      ['330784', '永康市'],
    ],
  ],
  [
    '330800',
    '衢州市',
    [
      ['330802', '柯城区'],
      ['330803', '衢江区'],
      ['330822', '常山县'],
      ['330824', '开化县'],
      ['330825', '龙游县'],
      ['330881', '江山市'],
    ],
  ],
  [
    '330900',
    '舟山市',
    [
      ['330902', '定海区'],
      ['330903', '普陀区'],
      ['330921', '岱山县'],
      ['330922', '嵊泗县'],
    ],
  ],
  [
    '331000',
    '台州市',
    [
      ['331002', '椒江区'],
      ['331003', '黄岩区'],
      ['331004', '路桥区'],
      ['331022', '三门县'],
      ['331023', '天台县'],
      ['331024', '仙居县'],
      ['331081', '温岭市'],
      ['331082', '临海市'],
      ['331083', '玉环市'],
    ],
  ],
  [
    '331100',
    '丽水市',
    [
      ['331102', '莲都区'],
      ['331121', '青田县'],
      ['331122', '缙云县'],
      ['331123', '遂昌县'],
      ['331124', '松阳县'],
      ['331125', '云和县'],
      ['331126', '庆元县'],
      ['331127', '景宁畲族自治县'],
      ['331181', '龙泉市'],
    ],
  ],
];

/** Development zones with their own HR bureau (seed 002). */
const DEVELOPMENT_ZONES: readonly (readonly [key: string, name: string, parentKey: string])[] = [
  ['zone-jiaxing-etdz', '嘉兴经济技术开发区', '330400'],
  ['zone-jiaxing-port', '嘉兴港区', '330400'],
];

function buildRegions(): readonly RegionSeed[] {
  // County names repeat across provinces but not within Zhejiang, so the
  // mountain-county flag can be matched by name.
  const mountain = new Set(MOUNTAIN_COUNTY_NAMES);
  const out: RegionSeed[] = [
    {
      key: PROVINCE_CODE,
      code: PROVINCE_CODE,
      name: '浙江省',
      level: 'province',
      parentKey: null,
      mountainCounty: false,
    },
  ];
  for (const [cityCode, cityName, counties] of CITIES) {
    out.push({
      key: cityCode,
      code: cityCode,
      name: cityName,
      level: 'city',
      parentKey: PROVINCE_CODE,
      mountainCounty: false,
    });
    for (const [code, name] of counties) {
      out.push({
        key: code,
        code,
        name,
        level: 'county',
        parentKey: cityCode,
        mountainCounty: mountain.has(name),
      });
    }
  }
  for (const [key, name, parentKey] of DEVELOPMENT_ZONES) {
    out.push({ key, code: null, name, level: 'developmentZone', parentKey, mountainCounty: false });
  }
  return Object.freeze(out.map((r) => Object.freeze(r)));
}

export const zhejiangRegions: readonly RegionSeed[] = buildRegions();

const byKey: ReadonlyMap<string, RegionSeed> = new Map(zhejiangRegions.map((r) => [r.key, r]));
const byCode: ReadonlyMap<string, RegionSeed> = new Map(zhejiangRegions.flatMap((r) => (r.code === null ? [] : [[r.code, r] as const])));

/** The region with this key, or undefined. */
export function findRegionByKey(key: string): RegionSeed | undefined {
  return byKey.get(key);
}

/** The region with this six-digit GB/T 2260 code (surrounding spaces ignored), or undefined. */
export function findRegionByCode(code: string): RegionSeed | undefined {
  return byCode.get(code.trim());
}

/** Direct children of a region, in data order (counties first, then zones). Empty if none or unknown. */
export function regionChildren(key: string): readonly RegionSeed[] {
  return zhejiangRegions.filter((r) => r.parentKey === key);
}

/**
 * Ancestors of a region, nearest first, ending with the province
 * (e.g. 淳安县 → [杭州市, 浙江省]). Empty for the province or an unknown key.
 */
export function regionAncestors(key: string): readonly RegionSeed[] {
  const out: RegionSeed[] = [];
  let current = byKey.get(key);
  while (current?.parentKey != null) {
    const parent = byKey.get(current.parentKey);
    if (parent === undefined) break;
    out.push(parent);
    current = parent;
  }
  return out;
}

/** Whether this region id (key) is one of the 26 mountain counties of seed 003 附件3 — the list decides, not a claim. */
export function isMountainCountyRegionId(id: string | null | undefined): boolean {
  return !!id && byKey.get(id)?.mountainCounty === true;
}

/**
 * Why a region id given as "worked in a mountain county" is not one (null when it is, or when none is given):
 * the message names the region and what is allowed (seed 003 附件3).
 */
export function mountainCountyProblem(id: string | null | undefined): string | null {
  if (id === null || id === undefined || id === '' || isMountainCountyRegionId(id)) return null;
  const r = byKey.get(id);
  const what = r ? `“${r.name}”不是山区县` : `“${id.length > 20 ? `${id.slice(0, 20)}…` : id}”不是浙江省的县（市、区）代码`;
  return `山区县须为浙江省山区 26 县之一，${what}；请从山区 26 县名单中选择，不在山区县工作的请留空`;
}
