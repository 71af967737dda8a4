import { useEffect, useRef } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { validateMobile } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { useApiErrorHandler } from '@shared/feedback';
import { domainRule, required } from '@shared/form-rules';
import { formatDate, sexLabel } from '@shared/format';
import { useMe, useUpdateProfile } from '../api';

interface Values {
  mobile?: string;
  email?: string;
  currentSpecialty: string;
  workStartMonth: Dayjs;
}

/** First login: the applicant completes basic info (seed 003 附件2.2); later edits use the same form. */
export function ProfilePage() {
  const me = useMe();
  const update = useUpdateProfile();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  // Fill the form once: a background refetch of `me` must not wipe what the user is typing.
  const filled = useRef(false);
  useEffect(() => {
    if (!me.data || filled.current) return;
    filled.current = true;
    form.setFieldsValue({
      email: me.data.email ?? undefined,
      currentSpecialty: me.data.currentSpecialty ?? undefined,
      workStartMonth: me.data.workStartMonth ? dayjs(`${me.data.workStartMonth}-01`) : undefined,
    });
  }, [me.data, form]);

  if (me.isLoading || !me.data) return <Skeleton active />;
  const p = me.data;
  const birthMonth = p.birthDate ? dayjs(p.birthDate).startOf('month') : null;

  const submit = (v: Values) =>
    update.mutate(
      {
        mobile: v.mobile?.trim() || undefined,
        email: v.email?.trim() ? v.email.trim() : null,
        currentSpecialty: v.currentSpecialty.trim(),
        workStartMonth: v.workStartMonth.format('YYYY-MM'),
      },
      {
        onSuccess: () => {
          void message.success('基本信息已保存');
          if (!p.profileCompleted) void navigate('/applicant');
        },
        onError: (e) => onError(e, form),
      },
    );

  return (
    <>
      <PageTitle>基本信息</PageTitle>
      {!p.profileCompleted && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="首次登录请先完善基本信息，完善后才能绑定工作单位、办理职称申报。"
        />
      )}
      <Card title="身份信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="姓名">{p.realName}</Descriptions.Item>
          <Descriptions.Item label="身份证号码">{p.idNumberMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="性别">{sexLabel(p.sex)}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{formatDate(p.birthDate)}</Descriptions.Item>
          <Descriptions.Item label="登记手机">{p.mobileMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="账号来源">{p.viaGovAccount ? '浙江政务服务网' : '平台注册'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="完善信息">
        <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="手机号码"
                required={!p.mobileMasked}
                name="mobile"
                rules={[domainRule(validateMobile, p.mobileMasked ? undefined : '请输入手机号码')]}
                validateDebounce={300}
                extra={p.mobileMasked ? `当前登记：${p.mobileMasked}。不填则保持原手机号，如需更换请输入新号码` : undefined}
              >
                <Input
                  inputMode="numeric"
                  maxLength={11}
                  autoComplete="tel"
                  placeholder={p.mobileMasked ? '不填则保持原手机号' : '11 位手机号码'}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="电子邮箱" name="email" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
                <Input inputMode="email" autoComplete="email" maxLength={100} placeholder="选填" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="现从事专业"
                name="currentSpecialty"
                rules={[required('请填写现从事专业'), { min: 2, message: '请填写现从事专业' }]}
                extra="将原样出现在申报表、综合表、评审表和花名册中"
              >
                <Input maxLength={50} placeholder="如：给排水工程" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="参加工作时间" name="workStartMonth" rules={[{ required: true, message: '请选择参加工作时间' }]}>
                <DatePicker
                  picker="month"
                  format="YYYY年MM月"
                  style={{ width: '100%' }}
                  placeholder="请选择年月"
                  inputReadOnly
                  disabledDate={(d) => d.isAfter(dayjs(), 'month') || (birthMonth !== null && d.isBefore(birthMonth, 'month'))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
