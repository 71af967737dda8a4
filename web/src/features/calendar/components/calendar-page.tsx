/**
 * 工作日历 (SPEC §3): the statutory calendar library knows its years; any other year is computed provisionally
 * (weekends + the statutory holidays of 《全国年节及纪念日放假办法》) until the province's administrator enters that
 * year's official schedule here, which recomputes the open publicity periods (issue 9 item 2).
 */
import { App, Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { PageTitle } from '@shared/components/page-title';
import { StatusTag } from '@shared/components/status-tag';
import { useApiErrorHandler } from '@shared/feedback';
import { useCurrentUser } from '@shared/session';
import { isCalendarDate } from '@zc/domain';
import { useCalendarStatus, useCalendarYears, useEnterYear, usePublicityEnd } from '../api';
import { ScheduleAlert } from './schedule-alert';
import { publicityEndText } from '@shared/components/publicity-end';

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/[\s,，、]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function CalendarPage() {
  const user = useCurrentUser();
  const years = useCalendarYears();
  const enter = useEnterYear();
  const end = usePublicityEnd();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; holidays: string; workdays: string }>();
  const province = user.regionLevel === 'province';
  const status = useCalendarStatus(user.role === 'admin');

  return (
    <>
      <PageTitle>工作日历</PageTitle>
      <ScheduleAlert withLink={false} />
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            已知放假安排的年度
          </Typography.Title>
        }
      >
        <Space wrap>
          {(years.data?.library ?? []).map((y) => (
            <Tag key={y}>{y}</Tag>
          ))}
          {(years.data?.entered ?? []).map((y) => (
            <Tag key={`e${y}`} color="blue">
              {y}（管理员录入）
            </Tag>
          ))}
          {(status.data?.awaiting ?? []).map((a) => (
            <StatusTag key={`p${a.year}`} tone="pending" label={`${a.year}（暂定计算，待录入）`} />
          ))}
        </Space>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          未列出的年度按周末和《全国年节及纪念日放假办法》规定的法定节假日暂定计算（未含调休），计算结果标注为"暂定"；
          请在国务院办公厅公布当年放假安排后及时录入，未结束的公示期将按正式安排重新计算。
        </Typography.Paragraph>
      </Card>
      {province ? (
        <Card
          style={{ marginBottom: 16 }}
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              录入某年度放假调休安排
            </Typography.Title>
          }
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              void enter.mutateAsync({ year: v.year, holidays: lines(v.holidays), workdays: lines(v.workdays) }).then(
                (r) =>
                  void message.success(
                    `${r.year} 年已录入，全年工作日 ${r.workingDaysInYear} 天${r.recomputed.length ? `；${r.recomputed.length} 个未结束的公示期已按正式安排重新计算` : ''}`,
                  ),
                (e: unknown) => onError(e, form),
              )
            }
          >
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item
                  label="放假日期（每行一个，YYYY-MM-DD）"
                  name="holidays"
                  rules={[
                    {
                      validator: (_, v: string) =>
                        lines(v).every(isCalendarDate)
                          ? Promise.resolve()
                          : Promise.reject(new Error('日期应为真实存在的 YYYY-MM-DD（月份 01–12，日期不超过当月天数）')),
                    },
                  ]}
                >
                  <Input.TextArea rows={6} />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item
                  label="调休上班日期（周末上班，每行一个）"
                  name="workdays"
                  rules={[
                    {
                      validator: (_, v: string) =>
                        lines(v).every(isCalendarDate)
                          ? Promise.resolve()
                          : Promise.reject(new Error('日期应为真实存在的 YYYY-MM-DD（月份 01–12，日期不超过当月天数）')),
                    },
                  ]}
                >
                  <Input.TextArea rows={6} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={enter.isPending}>
              保存放假安排
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="放假调休安排由省级管理员录入。" />
      )}
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            公示期计算
          </Typography.Title>
        }
      >
        <Form<{ start: Dayjs; days: number }>
          layout="inline"
          initialValues={{ days: 5 }}
          onFinish={(v) => void end.mutateAsync({ start: v.start.format('YYYY-MM-DD'), days: v.days }).catch(onError)}
        >
          <Form.Item label="公示开始日" name="start" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="工作日数" name="days" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Button htmlType="submit" loading={end.isPending}>
            计算
          </Button>
        </Form>
        {end.data && (
          <Alert
            style={{ marginTop: 12 }}
            type={end.data.provisional ? 'warning' : 'success'}
            showIcon
            title={`公示期至 ${publicityEndText(end.data.end, end.data.provisional)} 结束`}
          />
        )}
      </Card>
    </>
  );
}
