import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSocialSecurity } from '../api';

const monthText = (m: string) => `${m.slice(0, 4)}年${m.slice(5, 7)}月`;

/** 社保缴纳: the last 3 years from the provincial source; out-of-province months need an approved proof (SPEC §2). */
export function SocialSecurityCard({ onAddProof }: { onAddProof: () => void }) {
  const ss = useSocialSecurity();
  const current = dayjs().format('YYYY-MM');
  const d = ss.data;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          社保缴纳（近三年）
        </Typography.Title>
      }
    >
      {ss.isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : !d ? (
        <Alert type="warning" showIcon title="社保缴纳情况暂时无法查询，请稍后刷新页面" />
      ) : !d.available || !d.check ? (
        <Alert type="warning" showIcon title={d.message ?? '社保数据暂时无法查询，请稍后再试'} />
      ) : (
        <Flex vertical gap={12}>
          {d.check.ok ? (
            <Alert type="success" showIcon title={d.check.explanation} description="省内参保信息由省社保数据自动获取，无需上传证明。" />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={d.check.explanation}
              action={
                <Button size="small" onClick={onAddProof}>
                  登记省外社保证明
                </Button>
              }
            />
          )}
          {d.periods.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {d.periods.map((p) => (
                <li key={`${p.startMonth}-${p.province}-${p.employerName}`}>
                  {monthText(p.startMonth)} 至 {p.endMonth >= current ? '今' : monthText(p.endMonth)}：{p.province} · {p.employerName}
                </li>
              ))}
            </ul>
          )}
        </Flex>
      )}
    </Card>
  );
}
