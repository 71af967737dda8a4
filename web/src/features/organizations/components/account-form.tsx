import { Col, Form, Input, Row, type FormInstance } from 'antd';
import { validateMobile, validatePassword, validateRealName } from '@zc/domain';
import { domainRule, required, sameAs } from '@shared/form-rules';
import type { AccountInput } from '../api';

export interface AccountValues extends AccountInput {
  confirm: string;
}

const USERNAME_RULE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** 姓名 / 登录账号 / 初始密码 / 确认密码 / 手机号码 — for allocated management accounts and experts. */
export function AccountForm({ form, onFinish }: { form: FormInstance<AccountValues>; onFinish: (v: AccountInput) => void }) {
  return (
    <Form<AccountValues>
      form={form}
      layout="vertical"
      onFinish={({ confirm: _c, ...v }) =>
        onFinish({ ...v, realName: v.realName.trim(), username: v.username.trim(), mobile: v.mobile.trim() })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="姓名" required name="realName" rules={[domainRule(validateRealName, '请输入姓名')]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="手机号码" required name="mobile" rules={[domainRule(validateMobile, '请输入手机号码')]}>
            <Input inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="登录账号"
            name="username"
            rules={[required('请输入登录账号'), { pattern: USERNAME_RULE, message: '账号须以字母开头，4–32 位字母、数字或下划线' }]}
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="初始密码" required name="password" rules={[domainRule(validatePassword, '请设置初始密码')]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="确认密码" required name="confirm" dependencies={['password']} rules={[sameAs('password')]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
