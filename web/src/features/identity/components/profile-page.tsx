import { useEffect, useRef } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Skeleton, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { validateMobile } from '@zc/domain';
import { PhotoFrame } from '@shared/components/photo-frame';
import { PageTitle } from '@shared/components/page-title';
import { useApiErrorHandler } from '@shared/feedback';
import { domainRule, required } from '@shared/form-rules';
import { formatDate, sexLabel } from '@shared/format';
import { useMe, useRemoveArchivePhoto, useUpdateProfile, useUploadArchivePhoto, type MyProfile } from '../api';

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
      <PhotoCard profile={p} />
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

/** The archive's 证件照 (SPEC §2): kept once here, offered to every application's photo step. */
function PhotoCard({ profile }: { profile: MyProfile }) {
  const upload = useUploadArchivePhoto();
  const remove = useRemoveArchivePhoto();
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const has = profile.photoFileId !== null;

  const send = (file: File) =>
    upload.mutate(file, {
      onSuccess: () => void message.success('证件照已保存到个人档案'),
      onError: (e) => onError(e),
    });

  const confirmRemove = () =>
    void modal.confirm({
      title: '删除档案中的证件照？',
      content: '已放入申报材料的照片不受影响；以后申报时需要重新上传证件照。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => remove.mutateAsync().then(() => void message.success('证件照已删除'), onError),
    });

  return (
    <Card title="证件照" style={{ marginBottom: 16 }}>
      <Flex gap={24} wrap align="flex-start">
        <PhotoFrame fileId={profile.photoFileId} alt="档案中的证件照" />
        <Flex vertical gap={12} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            近期免冠正面证件照，JPG 或 PNG，用于职称申报；各评审计划对照片规格的要求不同，申报时会按计划要求检查。
          </Typography.Paragraph>
          <Space wrap>
            <Upload accept=".jpg,.jpeg,.png,image/jpeg,image/png" showUploadList={false} beforeUpload={(f) => (send(f), false)}>
              <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
                {has ? '更换证件照' : '上传证件照'}
              </Button>
            </Upload>
            {has && (
              <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending} onClick={confirmRemove}>
                删除证件照
              </Button>
            )}
          </Space>
        </Flex>
      </Flex>
    </Card>
  );
}
