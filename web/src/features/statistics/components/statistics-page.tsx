/**
 * 统计分析 (F22, SPEC §7): counts of the actor's scope — a department its jurisdiction, a committee office its own
 * plans, the province all — by stage, region (city → county drill-down), specialty, employer nature and level,
 * each as a chart and as a table with the same numbers, filtered by plan, year and stage, exportable to Excel.
 */
import { lazy, Suspense, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { labelOf, shareOf, STATISTICS_DIMENSIONS, STATISTICS_STAGES, type StatisticsItem, type StatisticsStage } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { statisticsExportUrl, useStatisticsSummary, type StatisticsFilter } from '../api';

const StatisticsChart = lazy(() => import('./statistics-chart'));

const STAGE_OPTIONS = STATISTICS_STAGES.map((s) => ({ value: s, label: labelOf('applicationStatus', s) }));

function DimensionTable({
  title,
  header,
  items,
  total,
  onDrill,
}: {
  title: string;
  header: string;
  items: StatisticsItem[];
  total: number;
  onDrill?: (item: StatisticsItem) => void;
}) {
  return (
    <Table<StatisticsItem>
      size="small"
      pagination={false}
      rowKey={(i) => `${i.key ?? '—'}-${i.label}`}
      dataSource={items}
      aria-label={`${title}统计表`}
      data-testid="statistics-table"
      columns={[
        {
          title: header,
          key: 'label',
          render: (_: unknown, i) =>
            onDrill && i.drillable ? (
              <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onDrill(i)} aria-label={`查看${i.label}下级地区`}>
                {i.label}
              </Button>
            ) : (
              i.label
            ),
        },
        { title: '申报人数', dataIndex: 'count', key: 'count', align: 'right', width: 96 },
        { title: '占比', key: 'share', align: 'right', width: 80, render: (_: unknown, i) => shareOf(i.count, total) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {total}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total > 0 ? '100%' : '0%'}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

export function StatisticsPage() {
  const [filter, setFilter] = useState<StatisticsFilter>({});
  const summary = useStatisticsSummary(filter);
  const s = summary.data;
  const set = (patch: Partial<StatisticsFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const planOptions = (s?.plans ?? [])
    .filter((p) => filter.year === undefined || p.year === filter.year)
    .map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` }));

  return (
    <>
      <PageTitle
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} href={statisticsExportUrl(filter)} disabled={!s}>
            导出 Excel
          </Button>
        }
      >
        统计分析
      </PageTitle>
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Select<number>
            aria-label="按年度筛选"
            placeholder="全部年度"
            allowClear
            style={{ width: '100%' }}
            value={filter.year}
            options={(s?.years ?? []).map((y) => ({ value: y, label: `${y} 年度` }))}
            onChange={(year) => set({ year, planId: undefined })}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select<string>
            aria-label="按评审计划筛选"
            placeholder="全部评审计划"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            value={filter.planId}
            options={planOptions}
            onChange={(planId) => set({ planId })}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select<StatisticsStage>
            aria-label="按申报进度筛选"
            placeholder="全部进度（草稿不计入）"
            allowClear
            style={{ width: '100%' }}
            value={filter.stage}
            options={STAGE_OPTIONS}
            onChange={(stage) => set({ stage })}
          />
        </Col>
      </Row>
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space wrap size={32} align="start">
              <div>
                <Typography.Text type="secondary">统计范围</Typography.Text>
                <Typography.Title level={2} style={{ fontSize: 18, margin: '4px 0 0' }}>
                  {s.scope.title}
                </Typography.Title>
              </div>
              <Statistic title="申报人数（已提交）" value={s.total} />
              <Statistic title="草稿（未提交，不计入统计）" value={s.drafts} />
            </Space>
          </Card>
          <Row gutter={[16, 16]}>
            {STATISTICS_DIMENSIONS.map((d) => {
              const items = s.series[d.value];
              const title = d.value === 'region' ? `按地区（${s.scope.region.name}）` : `按${d.label}`;
              return (
                <Col xs={24} xl={12} key={d.value}>
                  <Card
                    title={
                      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                        {title}
                      </Typography.Title>
                    }
                    data-testid={`statistics-${d.value}`}
                  >
                    {d.value === 'region' && s.scope.trail.length > 1 && (
                      <Breadcrumb
                        style={{ marginBottom: 8 }}
                        items={s.scope.trail.map((t, i) =>
                          i === s.scope.trail.length - 1
                            ? { title: t.name }
                            : {
                                title: (
                                  <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => set({ regionId: t.regionId })}>
                                    {t.name}
                                  </Button>
                                ),
                              },
                        )}
                      />
                    )}
                    {items.length === 0 ? (
                      <Typography.Paragraph type="secondary">没有符合条件的申报</Typography.Paragraph>
                    ) : (
                      <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
                        <StatisticsChart items={items} title={title} />
                      </Suspense>
                    )}
                    <DimensionTable
                      title={title}
                      header={d.header}
                      items={items}
                      total={s.total}
                      onDrill={d.value === 'region' ? (i) => i.key && set({ regionId: i.key }) : undefined}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        </>
      )}
    </>
  );
}
