/**
 * The committee office's publicity pages: /manage/publicity — its plans' lists with the exports for other sites
 * (seed 001); /manage/publicity/objections — 异议处理: every objection with its content, evidence, contact and
 * status. Handling happens on the application's review page (处理异议), which this list links to.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { labelOf, type ObjectionStatus } from '@zc/domain';
import { fileUrl } from '@shared/api-client';
import { PageTitle } from '@shared/components/page-title';
import { PagedTable } from '@shared/components/paged-table';
import { StatusTag, type Tone } from '@shared/components/status-tag';
import { formatDateTime } from '@shared/format';
import { exportUrl, useOfficeObjections, useOfficePublicityLists, type OfficeObjection, type PublicityList } from '../api';
import { OpenTag, periodText } from './public-publicity-pages';

const PAGE_SIZE = 20;

export function OfficePublicityPage() {
  const [page, setPage] = useState(1);
  const lists = useOfficePublicityLists({ page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle extra={<Link to="/manage/publicity/objections">异议处理</Link>}>评前公示</PageTitle>
      <Typography.Paragraph type="secondary">
        在“资格审查”中对资格审查通过的申报点击“发布评前公示”，当天发布的申报列入同一份公示名单，在门户网站公示栏公示。名单可导出供其他网站发布，导出内容不含身份证号和手机号。
      </Typography.Paragraph>
      <Card>
        <PagedTable<PublicityList>
          label="评前公示列表"
          minWidth={820}
          query={lists}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          unit="份"
          locale={{ emptyText: '暂无公示' }}
          columns={[
            {
              title: '公示名称',
              dataIndex: 'title',
              render: (t: string, l) => <Link to={`/public/publicity/${l.id}`}>{t}</Link>,
            },
            { title: '公示期', key: 'period', render: (_, l) => periodText(l) },
            { title: '人数', dataIndex: 'entryCount', width: 70 },
            { title: '状态', dataIndex: 'open', width: 90, render: (open: boolean) => <OpenTag open={open} /> },
            {
              title: '导出',
              key: 'export',
              width: 200,
              render: (_, l) => (
                <Space wrap>
                  <Button
                    size="small"
                    icon={<DownloadOutlined aria-hidden />}
                    href={exportUrl(l.id, 'xlsx')}
                    download
                    aria-label={`导出 Excel：${l.title}`}
                  >
                    Excel
                  </Button>
                  <Button size="small" href={exportUrl(l.id, 'csv')} download aria-label={`导出 CSV：${l.title}`}>
                    CSV
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

const STATUS_TONE: Record<ObjectionStatus, Tone> = { pending: 'pending', upheld: 'danger', dismissed: 'success' };

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  return <StatusTag tone={STATUS_TONE[status]} label={labelOf('objectionStatus', status)} />;
}

export function ObjectionsPage() {
  const [status, setStatus] = useState<ObjectionStatus | undefined>('pending');
  const [planId, setPlanId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const objections = useOfficeObjections({ page, pageSize: PAGE_SIZE, status, planId });
  const lists = useOfficePublicityLists({ page: 1, pageSize: 100 });
  const planOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of lists.data?.items ?? []) seen.set(l.planId, l.planName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [lists.data]);
  return (
    <>
      <PageTitle extra={<Link to="/manage/publicity">评前公示</Link>}>异议处理</PageTitle>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select<ObjectionStatus | 'all'>
            aria-label="处理状态"
            style={{ width: 160 }}
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'pending', label: labelOf('objectionStatus', 'pending') },
              { value: 'upheld', label: labelOf('objectionStatus', 'upheld') },
              { value: 'dismissed', label: labelOf('objectionStatus', 'dismissed') },
            ]}
          />
          <Select<string>
            aria-label="评审计划"
            allowClear
            placeholder="全部计划"
            style={{ minWidth: 240 }}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setPage(1);
            }}
            options={planOptions}
          />
        </Flex>
        <PagedTable<OfficeObjection>
          label="异议列表"
          minWidth={1000}
          query={objections}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          locale={{ emptyText: '暂无异议' }}
          columns={[
            {
              title: '受理编号 / 时间',
              key: 'receipt',
              width: 170,
              render: (_, o) => (
                <Flex vertical>
                  <span>{o.receiptNo}</span>
                  <Typography.Text type="secondary">{formatDateTime(o.lodgedAt)}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: '被反映人',
              key: 'person',
              render: (_, o) => (
                <Flex vertical>
                  <Link to={`/manage/applications/${o.applicationId}`}>{o.personName}</Link>
                  <Typography.Text type="secondary">{o.employerName}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: '异议内容',
              dataIndex: 'content',
              render: (c: string) => <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c}</Typography.Paragraph>,
            },
            {
              title: '证明材料',
              key: 'evidence',
              width: 100,
              render: (_, o) =>
                o.evidenceFileId ? (
                  <a href={fileUrl(o.evidenceFileId)} target="_blank" rel="noreferrer">
                    查看材料
                  </a>
                ) : (
                  '无'
                ),
            },
            {
              title: '反映人联系方式',
              key: 'contact',
              width: 170,
              render: (_, o) => (
                <Flex vertical>
                  <span>{o.contact}</span>
                  {o.contactName && <Typography.Text type="secondary">{o.contactName}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: '状态 / 处理情况',
              key: 'status',
              width: 220,
              render: (_, o) => (
                <Flex vertical gap={4}>
                  <span>
                    <ObjectionStatusTag status={o.status} />
                  </span>
                  {o.handling ? (
                    <Typography.Text type="secondary">{o.handling}</Typography.Text>
                  ) : (
                    <Link to={`/manage/applications/${o.applicationId}`}>去处理</Link>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
