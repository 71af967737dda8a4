import { Steps } from 'antd';
import type { EmployerDetail } from '../api';

/** 填写注册信息 → 上传授权委托书 → 等待主管部门审核 → 审核通过 */
export function RegistrationSteps({ org }: { org: EmployerDetail | null }) {
  let current = 0;
  let status: 'process' | 'error' | 'finish' = 'process';
  if (org) {
    if (org.status === 'approved') {
      current = 3;
      status = 'finish';
    } else if (org.status === 'refused') {
      current = 2;
      status = 'error';
    } else {
      current = org.hasAuthorizationLetter ? 2 : 1;
    }
  }
  return (
    <Steps
      current={current}
      status={status}
      responsive
      style={{ marginBottom: 24 }}
      items={[
        { title: '填写注册信息' },
        { title: '上传授权委托书' },
        { title: '等待主管部门审核', content: status === 'error' ? '审核未通过，请重新上传' : undefined },
        { title: '审核通过' },
      ]}
    />
  );
}
