/**
 * Demo data in the real shape of Zhejiang (issue 2): every city's and county's HR and economy-and-IT
 * bureaus, the two Jiaxing development zones, provincial departments, a talent exchange centre, the
 * committees and committee offices of the five seed notices, employers of each affiliation, applicants
 * and one demo account per role. All demo accounts share DEMO_PASSWORD.
 */
import { eq } from 'drizzle-orm';
import { creditCodeCheckChar, idNumberCheckDigit, orgCodeCheckChar, zhejiangRegions } from '@zc/domain';
import { employmentBindings, notices, organizations, regions, users } from '../../platform/db/schema';
import type { Db, Tx } from '../../platform/db/client';
import { hashPassword } from '../../platform/auth/password';
import type { PiiCipher } from '../../platform/crypto/pii';
import type { DemoGovIdentity } from '../sso/demo-identities';

export const DEMO_PASSWORD = 'Demo@2026';

/** A syntactically valid unified social credit code for a demo unit (GB 32100 + GB 11714 check characters). */
export function demoCreditCode(regionCode: string, serial: number): string {
  const org8 = `MA${String(serial).padStart(6, '0')}`.slice(0, 8);
  const org9 = org8 + orgCodeCheckChar(org8);
  const first17 = `91${regionCode}${org9}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid 18-digit ID number for a demo person. */
export function demoIdNumber(regionCode: string, birth: string, seq: string): string {
  const first17 = `${regionCode}${birth}${seq}`;
  return first17 + idNumberCheckDigit(first17);
}

/** 张伟's 政务服务网 subject: how the demo round finds him (his ID number is stored only encrypted) */
export const DEMO_ZHANG_WEI_SUBJECT = 'p-demo-zhangwei';

export const DEMO_PEOPLE = {
  zhangWei: { realName: '张伟', idNumber: demoIdNumber('330127', '19850312', '051'), mobile: '13857100001' },
  liNa: { realName: '李娜', idNumber: demoIdNumber('330402', '19900807', '062'), mobile: '13857100002' },
  wangQiang: { realName: '王强', idNumber: demoIdNumber('330502', '19881120', '073'), mobile: '13857100003' },
  chenJing: { realName: '陈静', idNumber: demoIdNumber('330106', '19920215', '084'), mobile: '13857100004' },
} as const;

interface DemoEmployer {
  key: string;
  name: string;
  regionKey: string;
  nature: string;
  affiliation: 'county' | 'city' | 'province' | 'none';
  competentDepartment: string | null;
  filesAtAgency?: boolean;
  status: 'approved' | 'pending';
  operator: { username: string; realName: string; mobile: string };
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  {
    key: 'qdh',
    name: '淳安县千岛湖水务有限公司',
    regionKey: '330127',
    nature: 'stateOwnedEnterprise',
    affiliation: 'county',
    competentDepartment: '淳安县住房和城乡建设局',
    status: 'approved',
    operator: { username: 'qdhsw', realName: '周敏', mobile: '13857110001' },
  },
  {
    key: 'hzdata',
    name: '杭州市数据资源服务中心',
    regionKey: '330106',
    nature: 'publicWelfareInstitution',
    affiliation: 'city',
    competentDepartment: '杭州市数据资源管理局',
    status: 'approved',
    operator: { username: 'hzdata', realName: '吴刚', mobile: '13857110002' },
  },
  {
    key: 'jtsj',
    name: '浙江省交通规划设计研究院有限公司',
    regionKey: '330106',
    nature: 'stateOwnedEnterprise',
    affiliation: 'province',
    competentDepartment: '浙江省交通运输厅',
    status: 'approved',
    operator: { username: 'jtsj', realName: '郑华', mobile: '13857110003' },
  },
  {
    key: 'zlsoft',
    name: '嘉兴智联软件有限公司',
    regionKey: '330402',
    nature: 'privateEnterprise',
    affiliation: 'none',
    competentDepartment: null,
    filesAtAgency: true,
    status: 'approved',
    operator: { username: 'zlsoft', realName: '孙丽', mobile: '13857110004' },
  },
  {
    key: 'hzny',
    name: '湖州新能源装备股份有限公司',
    regionKey: '330502',
    nature: 'privateEnterprise',
    affiliation: 'none',
    competentDepartment: null,
    status: 'approved',
    operator: { username: 'hzny', realName: '钱进', mobile: '13857110005' },
  },
  {
    key: 'jhwl',
    name: '嘉善华为物联科技有限公司',
    regionKey: '330421',
    nature: 'foreignInvestedEnterprise',
    affiliation: 'none',
    competentDepartment: null,
    status: 'approved',
    operator: { username: 'jswl', realName: '冯燕', mobile: '13857110006' },
  },
  {
    key: 'hnxh',
    name: '海宁星河电子有限公司',
    regionKey: '330481',
    nature: 'privateEnterprise',
    affiliation: 'none',
    competentDepartment: null,
    status: 'pending',
    operator: { username: 'hnxh', realName: '陈刚', mobile: '13857110007' },
  },
];

/** Identities of the demo 政务服务网 provider (personal and legal-person). */
export const DEMO_GOV_IDENTITIES: DemoGovIdentity[] = [
  {
    subject: DEMO_ZHANG_WEI_SUBJECT,
    kind: 'personal',
    name: DEMO_PEOPLE.zhangWei.realName,
    certificateNumber: DEMO_PEOPLE.zhangWei.idNumber,
    mobile: DEMO_PEOPLE.zhangWei.mobile,
  },
  {
    subject: 'p-demo-chenjing',
    kind: 'personal',
    name: DEMO_PEOPLE.chenJing.realName,
    certificateNumber: DEMO_PEOPLE.chenJing.idNumber,
    mobile: DEMO_PEOPLE.chenJing.mobile,
  },
  {
    subject: 'l-demo-qdh',
    kind: 'legalPerson',
    name: '淳安县千岛湖水务有限公司',
    certificateNumber: demoCreditCode('330127', 1),
    mobile: '13857110001',
    agentName: '周敏',
  },
  {
    subject: 'l-demo-txwl',
    kind: 'legalPerson',
    name: '桐乡未来智造科技有限公司',
    certificateNumber: demoCreditCode('330483', 99),
    mobile: '13857110099',
    agentName: '蒋文',
  },
];

interface OrgSpec {
  key: string;
  kind: string;
  name: string;
  regionKey: string;
  accounts?: Array<{ username: string; realName: string; role?: 'officer' | 'admin' | 'expert'; what: string }>;
}

function managementOrgs(): OrgSpec[] {
  const out: OrgSpec[] = [
    {
      key: 'admin-zj',
      kind: 'administration',
      name: '浙江省职称管理服务平台（省级管理）',
      regionKey: '330000',
      accounts: [
        { username: 'admin', realName: '省平台管理员', role: 'admin', what: '省级系统管理员：创建厅局、评委会、评委会办公室及其账号' },
      ],
    },
    {
      key: 'admin-jx',
      kind: 'administration',
      name: '嘉兴市职称管理服务平台（市级管理）',
      regionKey: '330400',
      accounts: [{ username: 'jxadmin', realName: '嘉兴市平台管理员', role: 'admin', what: '嘉兴市管理员：创建本市职称申报受理点' }],
    },
    {
      key: 'hr-zj',
      kind: 'hrBureau',
      name: '浙江省人力资源和社会保障厅',
      regionKey: '330000',
      accounts: [{ username: 'zjrst', realName: '省人社厅职改处', what: '省人力社保厅经办人（全省）' }],
    },
    {
      key: 'eco-zj',
      kind: 'economyBureau',
      name: '浙江省经济和信息化厅',
      regionKey: '330000',
      accounts: [{ username: 'zjjxt', realName: '省经信厅人事处', what: '省经信厅经办人' }],
    },
    {
      key: 'dep-jt',
      kind: 'provincialDepartment',
      name: '浙江省交通运输厅',
      regionKey: '330000',
      accounts: [{ username: 'zjjtt', realName: '省交通运输厅人事处', what: '省级主管部门经办人' }],
    },
    { key: 'dep-sl', kind: 'provincialDepartment', name: '浙江省水利厅', regionKey: '330000' },
    {
      key: 'agency-hz',
      kind: 'personnelAgency',
      name: '杭州市人才交流服务中心',
      regionKey: '330100',
      accounts: [{ username: 'hzrc', realName: '杭州人才中心经办人', what: '人才交流中心（人事代理机构）经办人' }],
    },
    // committee offices and committees of the five seeds
    {
      key: 'office-zsia',
      kind: 'committeeOffice',
      name: '浙江省软件行业协会',
      regionKey: '330000',
      accounts: [
        { username: 'zsia', realName: '软件行业协会评审办', what: '评委会办公室：信息技术高评委（seed 000）' },
        { username: 'expert1', realName: '刘建国', role: 'expert', what: '评审专家（信息技术高评委专家库）' },
      ],
    },
    { key: 'cmt-it', kind: 'committee', name: '浙江省信息技术工程技术人员高级工程师职务任职资格评审委员会', regionKey: '330000' },
    {
      key: 'office-jxt',
      kind: 'committeeOffice',
      name: '浙江省经济和信息化厅高评委办公室',
      regionKey: '330000',
      accounts: [{ username: 'jxtgpw', realName: '经信厅高评委办公室', what: '评委会办公室：能源、材料、轻纺、石化高评委（seed 001）' }],
    },
    { key: 'cmt-energy', kind: 'committee', name: '省能源工程技术人员高级工程师职务任职资格评审委员会', regionKey: '330000' },
    { key: 'cmt-material', kind: 'committee', name: '省材料工程技术人员高级工程师职务任职资格评审委员会', regionKey: '330000' },
    { key: 'cmt-textile', kind: 'committee', name: '省轻纺工程技术人员高级工程师职务任职资格评审委员会', regionKey: '330000' },
    { key: 'cmt-petro', kind: 'committee', name: '省石化工程技术人员高级工程师职务任职资格评审委员会', regionKey: '330000' },
    {
      key: 'office-jx-it',
      kind: 'committeeOffice',
      name: '嘉兴市工程师协会',
      regionKey: '330400',
      accounts: [
        { username: 'jxzpw', realName: '嘉兴市工程师协会评审办', what: '评委会办公室：嘉兴信息技术中级评委会，材料报送单位（seed 002）' },
      ],
    },
    { key: 'cmt-jx-it', kind: 'committee', name: '嘉兴市信息技术工程技术中级专业技术资格评审委员会', regionKey: '330400' },
    {
      key: 'office-zjsafa',
      kind: 'committeeOffice',
      name: '浙江省安全技术防范行业协会',
      regionKey: '330000',
      accounts: [{ username: 'zjafxh', realName: '安防协会评审办', what: '评委会办公室：安全技术防范高评委（seed 003）' }],
    },
    { key: 'cmt-safety', kind: 'committee', name: '浙江省安全技术防范行业高级工程师职务任职资格评审委员会', regionKey: '330000' },
    {
      key: 'office-hz-zyzg',
      kind: 'committeeOffice',
      name: '湖州市职业资格指导服务中心',
      regionKey: '330500',
      accounts: [{ username: 'hzzyzg', realName: '湖州职业资格指导中心', what: '评委会办公室：湖州企业创新型人才工程师（seed 004）' }],
    },
    { key: 'cmt-hz-innov', kind: 'committee', name: '湖州市企业创新型人才工程师职务任职资格评审委员会', regionKey: '330500' },
    // acceptance points of Jiaxing (seed 002 四(三): allocated by the city)
    {
      key: 'ap-nh',
      kind: 'acceptancePoint',
      name: '南湖区职称申报受理点',
      regionKey: '330402',
      accounts: [{ username: 'nhslj', realName: '南湖受理点经办人', what: '职称申报受理点（嘉兴南湖区）' }],
    },
    { key: 'ap-js', kind: 'acceptancePoint', name: '嘉善县职称申报受理点', regionKey: '330421' },
  ];
  const namedAccounts: Record<string, { username: string; realName: string; what: string }> = {
    '330127': { username: 'cahr', realName: '淳安县人社局职改办', what: '县人力社保局经办人（淳安县）' },
    '330122': { username: 'tlhr', realName: '桐庐县人社局职改办', what: '县人力社保局经办人（桐庐县，用于越权测试）' },
    '330100': { username: 'hzhr', realName: '杭州市人社局职改办', what: '市人力社保局经办人（杭州市）' },
    '330400': { username: 'jxhr', realName: '嘉兴市人社局职改办', what: '市人力社保局经办人（嘉兴市）' },
    '330402': { username: 'nhhr', realName: '南湖区人社局职改办', what: '区人力社保局经办人（嘉兴南湖区）' },
    '330500': { username: 'huzhr', realName: '湖州市人社局职改办', what: '市人力社保局经办人（湖州市）' },
    '330481': { username: 'hnhr', realName: '海宁市人社局职改办', what: '县级市人力社保局经办人（海宁市）' },
  };
  const ecoAccounts: Record<string, { username: string; realName: string; what: string }> = {
    '330100': { username: 'hzjx', realName: '杭州市经信局', what: '市经信局经办人（杭州市）' },
    '330127': { username: 'cajx', realName: '淳安县经信局', what: '县经信局经办人（淳安县）' },
  };
  for (const r of zhejiangRegions) {
    if (r.level === 'province') continue;
    if (r.level === 'developmentZone') {
      // seed 002: 嘉兴经济技术开发区（国际商务区）、嘉兴港区人力社保局
      out.push({ key: `hr-${r.key}`, kind: 'hrBureau', name: `${r.name}人力社保局`, regionKey: r.key });
      continue;
    }
    const hr = namedAccounts[r.key];
    const eco = ecoAccounts[r.key];
    out.push({
      key: `hr-${r.key}`,
      kind: 'hrBureau',
      name: `${r.name}人力资源和社会保障局`,
      regionKey: r.key,
      ...(hr ? { accounts: [hr] } : {}),
    });
    out.push({
      key: `eco-${r.key}`,
      kind: 'economyBureau',
      name: `${r.name}经济和信息化局`,
      regionKey: r.key,
      ...(eco ? { accounts: [eco] } : {}),
    });
  }
  return out;
}

/**
 * The seed notices as 通知公告, each with the date and 文号 of its own document (the portal shows those, not
 * the day the demo was seeded); the portal links each to the published plans it announces (same 文号 and date).
 */
const DEMO_NOTICES = [
  {
    // seed 003 header 浙安协【2022】16号; 落款 2022年7月1日
    title: '关于做好2022年度安全技术防范行业高级工程师职务任职资格评审工作的通知',
    publisher: '浙江省安全技术防范行业协会',
    documentNumber: '浙安协【2022】16号',
    documentDate: '2022-07-01',
    body: '申报人员须在规定时间内登录浙江省专业技术职务任职资格申报与评审管理服务平台完成网上申报，逾期不再受理。山区26县申报人员工龄年限可获加分。评审费每人280元，通过高评委办公室评审资格审查后按缴费短信通知转账汇款。',
  },
  {
    // seed 002: no 文号; 落款 嘉兴市人力资源和社会保障局 2021年9月18日
    title: '关于做好2021年度全市信息技术专业工程技术中、初级专业技术资格评审工作的通知',
    publisher: '嘉兴市人力资源和社会保障局',
    documentNumber: null,
    documentDate: '2021-09-18',
    body: '个人网上申报截止时间为2021年10月31日，所在单位审核截止11月11日，受理点审核截止11月19日。单位公示时间不少于5个工作日。',
  },
  {
    // seed 004 header 湖职指发〔2020〕2号; 2020年8月27日印发
    title: '湖州市职业资格指导服务中心关于做好2020年度企业创新型人才工程师职务任职资格评审工作的通知',
    publisher: '湖州市职业资格指导服务中心',
    documentNumber: '湖职指发〔2020〕2号',
    documentDate: '2020-08-27',
    body: '具备七项条件中的3项，可直接申报工程师资格。职称外语、计算机应用能力和论文不作为职称申报的必备条件。任职资格时间计算到2020年12月31日。',
  },
  {
    // seed 001 header 浙经信人事〔2020〕84号; 落款 2020年7月28日
    title: '浙江省经济和信息化厅关于开展2020年度高级工程师职务任职资格评审工作的通知',
    publisher: '浙江省经济和信息化厅',
    documentNumber: '浙经信人事〔2020〕84号',
    documentDate: '2020-07-28',
    body: '2020年度能源、材料、轻纺、石化等4个专业高级工程师职务任职资格评审工作安排在11至12月进行，各地市材料报送截止时间为10月10日。',
  },
  {
    // seed 000 header 浙软协[2019]024号; 落款 2019年7月15日
    title: '浙江省软件行业协会关于开展2019年度信息技术专业高级工程师职务任职资格评审工作的通知',
    publisher: '浙江省软件行业协会',
    documentNumber: '浙软协[2019]024号',
    documentDate: '2019-07-15',
    body: '2019年度信息技术专业评审工作安排在下半年进行，接收材料截止时间为2019年9月30日。按照评价条件所附量化赋分标准自评分达到80分以上人员，也可申报信息技术专业高级工程师职务任职资格。',
  },
];

/** Seeds the demo data once: does nothing when any user exists. Returns whether it seeded. */
export async function seedDemoData(db: Db, pii: PiiCipher): Promise<boolean> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const regionRows = await tx.select({ id: regions.id, path: regions.path, code: regions.code }).from(regions);
    const pathOf = new Map(regionRows.map((r) => [r.id, r.path]));
    const orgIds = new Map<string, string>();
    const insertOrg = async (tx2: Tx, values: typeof organizations.$inferInsert, key: string) => {
      const [o] = await tx2.insert(organizations).values(values).returning({ id: organizations.id });
      orgIds.set(key, o!.id);
      return o!.id;
    };
    for (const spec of managementOrgs()) {
      const orgId = await insertOrg(
        tx,
        { kind: spec.kind, name: spec.name, regionId: spec.regionKey, regionPath: pathOf.get(spec.regionKey)!, status: 'approved' },
        spec.key,
      );
      for (const a of spec.accounts ?? []) {
        await tx.insert(users).values({
          role: a.role ?? 'officer',
          orgId,
          username: a.username,
          passwordHash,
          realName: a.realName,
          mobile: pii.encrypt('mobile', '13900000000'),
          mobileHash: pii.hash('mobile', '13900000000'),
          profileCompletedAt: new Date(),
        });
      }
    }
    let serial = 1;
    for (const e of DEMO_EMPLOYERS) {
      const gov = DEMO_GOV_IDENTITIES.find((g) => g.kind === 'legalPerson' && g.name === e.name);
      const regionCode = regionRows.find((r) => r.id === e.regionKey)?.code ?? '330000';
      const creditCode = gov?.certificateNumber ?? demoCreditCode(regionCode, serial);
      serial += 1;
      const orgId = await insertOrg(
        tx,
        {
          kind: 'employer',
          name: e.name,
          regionId: e.regionKey,
          regionPath: pathOf.get(e.regionKey)!,
          status: e.status,
          creditCode,
          nature: e.nature,
          affiliation: e.affiliation,
          competentDepartment: e.competentDepartment,
          filesAtAgency: e.filesAtAgency ?? false,
          contactName: e.operator.realName,
          contactPhone: pii.encrypt('mobile', e.operator.mobile),
          decidedAt: e.status === 'approved' ? new Date() : null,
        },
        e.key,
      );
      await tx.insert(users).values({
        role: 'employer',
        orgId,
        username: e.operator.username,
        passwordHash,
        realName: e.operator.realName,
        mobile: pii.encrypt('mobile', e.operator.mobile),
        mobileHash: pii.hash('mobile', e.operator.mobile),
        profileCompletedAt: new Date(),
        govSubject: gov?.subject ?? null,
      });
    }
    const person = async (p: { realName: string; idNumber: string; mobile: string }, extra: Partial<typeof users.$inferInsert>) => {
      const [u] = await tx
        .insert(users)
        .values({
          // applicants sign in with the ID number (looked up by its hash); it is stored only encrypted
          role: 'applicant',
          username: null,
          passwordHash,
          realName: p.realName,
          idNumber: pii.encrypt('id_number', p.idNumber),
          idNumberHash: pii.hash('id_number', p.idNumber),
          mobile: pii.encrypt('mobile', p.mobile),
          mobileHash: pii.hash('mobile', p.mobile),
          birthDate: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
          sex: Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female',
          ...extra,
        })
        .returning({ id: users.id });
      return u!.id;
    };
    const zw = await person(DEMO_PEOPLE.zhangWei, {
      govSubject: DEMO_ZHANG_WEI_SUBJECT,
      currentSpecialty: '给排水工程',
      workStartMonth: '2007-07',
      profileCompletedAt: new Date(),
    });
    const ln = await person(DEMO_PEOPLE.liNa, { currentSpecialty: '软件开发', workStartMonth: '2012-07', profileCompletedAt: new Date() });
    await person(DEMO_PEOPLE.wangQiang, {});
    await tx.insert(employmentBindings).values([
      { applicantId: zw, employerId: orgIds.get('qdh')!, status: 'approved', decidedAt: new Date() },
      { applicantId: ln, employerId: orgIds.get('zlsoft')!, status: 'pending' },
    ]);
    await tx.insert(notices).values(DEMO_NOTICES);
  });
  return true;
}

/** For the README and the login page: every demo account with what it is. */
export function demoAccountList(): Array<{ username: string; what: string }> {
  const list: Array<{ username: string; what: string }> = [];
  for (const spec of managementOrgs())
    for (const a of spec.accounts ?? []) list.push({ username: a.username, what: `${a.what} — ${spec.name}` });
  for (const e of DEMO_EMPLOYERS)
    list.push({ username: e.operator.username, what: `用人单位经办人 — ${e.name}${e.status === 'pending' ? '（注册待审核）' : ''}` });
  list.push({
    username: DEMO_PEOPLE.zhangWei.idNumber,
    what: '申报人 张伟（已绑定淳安县千岛湖水务有限公司；也可用政务服务网演示身份登录）',
  });
  list.push({ username: DEMO_PEOPLE.liNa.idNumber, what: '申报人 李娜（绑定嘉兴智联软件有限公司，待单位确认）' });
  list.push({ username: DEMO_PEOPLE.wangQiang.idNumber, what: '申报人 王强（首次登录，需完善信息并绑定单位）' });
  return list;
}

export async function findUserIdByUsername(db: Db, username: string): Promise<string | null> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u?.id ?? null;
}
