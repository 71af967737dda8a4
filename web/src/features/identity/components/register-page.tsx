import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { validateIdNumber, validateMobile, validatePassword, validateRealName } from '@zc/domain';
import { PageTitle } from '@shared/components/page-title';
import { useApiErrorHandler } from '@shared/feedback';
import { domainRule, sameAs } from '@shared/form-rules';
import { useRegisterApplicant, type ApplicantRegistration } from '../api';

interface Values extends ApplicantRegistration {
  confirm: string;
}

export function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const register = useRegisterApplicant();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();

  const submit = ({ confirm: _confirm, ...values }: Values) =>
    register.mutate(
      { ...values, idNumber: values.idNumber.trim().toUpperCase() },
      {
        onSuccess: () => void navigate('/applicant', { replace: true }),
        onError: (e) => onError(e, form),
      },
    );

  return (
    <Flex justify="center">
      <div style={{ width: '100%', maxWidth: 520 }}>
        <PageTitle>申报人注册</PageTitle>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="已有浙江政务服务网个人账号的，可直接在登录页使用政务服务网登录，无需注册。"
        />
        <Card>
          <Form<Values> form={form} layout="vertical" onFinish={submit}>
            <Form.Item label="姓名" required name="realName" rules={[domainRule(validateRealName, '请输入姓名')]} validateDebounce={300}>
              <Input placeholder="与身份证上的姓名一致" autoComplete="name" maxLength={30} />
            </Form.Item>
            <Form.Item
              label="身份证号码"
              required
              name="idNumber"
              rules={[domainRule((v) => validateIdNumber(v), '请输入身份证号码')]}
              validateDebounce={400}
              extra="注册后用身份证号码登录"
            >
              <Input placeholder="18 位身份证号码" autoComplete="off" maxLength={20} inputMode="text" />
            </Form.Item>
            <Form.Item
              label="手机号码"
              required
              name="mobile"
              rules={[domainRule(validateMobile, '请输入手机号码')]}
              validateDebounce={300}
            >
              <Input placeholder="11 位手机号码" autoComplete="tel" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Form.Item
              label="密码"
              required
              name="password"
              rules={[domainRule(validatePassword, '请设置密码')]}
              extra="8–64 位，须包含大写字母、小写字母、数字、符号中的至少三类"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label="确认密码" required name="confirm" dependencies={['password']} rules={[sameAs('password')]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
              注册
            </Button>
          </Form>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            已有账号？<Link to="/login">返回登录</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    </Flex>
  );
}
