/** What the demo degree registry and social-security source know: the demo people of demo-data.ts. */
import type { DegreeRecord } from '../../platform/adapters/degree-registry';
import type { ContributionPeriod } from '../../platform/adapters/social-security';
import { DEMO_PEOPLE } from './demo-data';

export const DEMO_DEGREE_RECORDS: ReadonlyMap<string, { realName: string; records: DegreeRecord[] }> = new Map([
  [
    DEMO_PEOPLE.zhangWei.idNumber,
    {
      realName: DEMO_PEOPLE.zhangWei.realName,
      records: [
        {
          school: '浙江工业大学',
          major: '给水排水工程',
          level: 'bachelor',
          graduationDate: '2007-06-30',
          certificateNumber: '103371200705001234',
        },
      ],
    },
  ],
  [
    DEMO_PEOPLE.liNa.idNumber,
    {
      realName: DEMO_PEOPLE.liNa.realName,
      records: [
        {
          school: '杭州电子科技大学',
          major: '软件工程',
          level: 'bachelor',
          graduationDate: '2012-06-30',
          certificateNumber: '103361201205004321',
        },
        { school: '浙江大学', major: '软件工程', level: 'master', graduationDate: '2016-01-15', certificateNumber: '103351201602000077' },
      ],
    },
  ],
]);

export const DEMO_SOCIAL_SECURITY: ReadonlyMap<string, ContributionPeriod[]> = new Map([
  [
    DEMO_PEOPLE.zhangWei.idNumber,
    [{ startMonth: '2007-08', endMonth: '2099-12', province: '浙江省', employerName: '淳安县千岛湖水务有限公司' }],
  ],
  [
    DEMO_PEOPLE.liNa.idNumber,
    [
      { startMonth: '2016-03', endMonth: '2024-05', province: '江苏省', employerName: '苏州某软件有限公司' },
      { startMonth: '2024-06', endMonth: '2099-12', province: '浙江省', employerName: '嘉兴智联软件有限公司' },
    ],
  ],
]);
