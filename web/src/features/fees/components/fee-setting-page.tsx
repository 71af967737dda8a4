/**
 * 收费设定 (/manage/fee-setting, seed 004 附件2 二.2): the department's switch, default 不收费. Turning it on needs the
 * 中推高推荐费 amount and a confirmation that repeats the rule: no other review step may charge anything.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Popconfirm, Radio, Skeleton, Typography } from 'antd';
import { PageTitle } from '@shared/components/page-title';
import { errorMessage, useApiErrorHandler } from '@shared/feedback';
import { useCurrentUser } from '@shared/session';
import { useFeeSetting, useSaveFeeSetting, type FeeSetting } from '../api';

type Values = { feeEnabled: boolean; amountYuan: number | null };

function SettingForm({ setting, orgId }: { setting: FeeSetting; orgId: string }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveFeeSetting(orgId);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [enabled, setEnabled] = useState(setting.feeEnabled);
  const submit = (v: Values) =>
    void save.mutateAsync({ feeEnabled: v.feeEnabled, amountYuan: v.feeEnabled ? v.amountYuan : null }).then(
      (r) => void message.success(r.feeEnabled ? `已设为收费：中推高推荐费 ${r.amountYuan ?? ''} 元` : '已设为不收费'),
      (e: unknown) => onError(e, form),
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ feeEnabled: setting.feeEnabled, amountYuan: setting.amountYuan }}
      onValuesChange={(_, all) => setEnabled(all.feeEnabled)}
      onFinish={submit}
    >
      <Form.Item label="收费设定" name="feeEnabled">
        <Radio.Group
          options={[
            { value: false, label: '不收费（系统默认）' },
            { value: true, label: '收费（仅中推高推荐费）' },
          ]}
        />
      </Form.Item>
      {enabled && (
        <Form.Item label="中推高推荐费金额（元）" name="amountYuan" rules={[{ required: true, message: '开启收费须填写中推高推荐费金额' }]}>
          <InputNumber min={0.01} max={10000} precision={2} style={{ width: 200 }} />
        </Form.Item>
      )}
      {enabled ? (
        <Popconfirm
          title="确认开启收费？"
          description="只有召开中评委会议收取的中推高推荐费可以收取，其他审核环节不得收取任何费用。"
          okText="确认开启"
          cancelText="取消"
          onConfirm={() => form.submit()}
        >
          <Button type="primary" loading={save.isPending}>
            保存
          </Button>
        </Popconfirm>
      ) : (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      )}
    </Form>
  );
}

export function FeeSettingPage() {
  const user = useCurrentUser();
  const setting = useFeeSetting(user.orgId);
  return (
    <>
      <PageTitle>收费设定</PageTitle>
      <Card>
        {setting.error ? (
          <Alert type="info" showIcon title={errorMessage(setting.error)} />
        ) : setting.isLoading || !setting.data ? (
          <Skeleton active />
        ) : (
          <>
            <Alert type="warning" showIcon title="收费规定" description={setting.data.warning} style={{ marginBottom: 16 }} />
            <Typography.Paragraph>{setting.data.orgName}</Typography.Paragraph>
            <SettingForm setting={setting.data} orgId={user.orgId!} />
          </>
        )}
      </Card>
    </>
  );
}
