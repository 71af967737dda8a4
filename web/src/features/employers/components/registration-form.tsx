import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Switch, Typography } from 'antd';
import {
  AFFILIATIONS,
  EMPLOYER_NATURES,
  natureNeedsRemark,
  validateCompetentDepartment,
  validateCreditCode,
  validateMobile,
  validatePassword,
  type Affiliation,
  type EmployerNature,
} from '@zc/domain';
import { RegionCascader } from '@shared/components/region-cascader';
import { useApiErrorHandler } from '@shared/feedback';
import { domainRule, required, sameAs } from '@shared/form-rules';
import { useRegions } from '@shared/regions';
import { useRegisterEmployer, useSsoClaims, type EmployerRegistration } from '../api';

interface Values {
  name: string;
  creditCode: string;
  regionId: string[];
  nature: EmployerNature;
  natureRemark?: string;
  affiliation: Affiliation;
  competentDepartment?: string;
  industry?: string;
  filesAtAgency: boolean;
  contactName: string;
  contactPhone: string;
  account?: { username: string; password: string };
  confirmPassword?: string;
}

const USERNAME_RULE = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/**
 * 用人单位注册. `withAccount`: the visitor is not signed in, so the operator's login account is created
 * with the registration; a legal-person SSO operator has an account already and gets the unit's data prefilled.
 */
export function EmployerRegistrationForm({ withAccount }: { withAccount: boolean }) {
  const [form] = Form.useForm<Values>();
  const register = useRegisterEmployer();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const claims = useSsoClaims(!withAccount);
  const regions = useRegions();
  const nature = Form.useWatch('nature', form);
  const affiliation = Form.useWatch('affiliation', form);

  useEffect(() => {
    const c = claims.data;
    if (!c) return;
    form.setFieldsValue({
      ...(c.unitName ? { name: c.unitName } : {}),
      ...(c.creditCode ? { creditCode: c.creditCode } : {}),
      ...(c.agentName ? { contactName: c.agentName } : {}),
    });
  }, [claims.data, form]);

  const submit = (v: Values) => {
    const input: EmployerRegistration = {
      name: v.name.trim(),
      creditCode: v.creditCode.replace(/[\s\u3000]/g, '').toUpperCase(),
      regionId: v.regionId[v.regionId.length - 1] ?? '',
      nature: v.nature,
      natureRemark: natureNeedsRemark(v.nature) ? (v.natureRemark?.trim() ?? null) : null,
      affiliation: v.affiliation,
      competentDepartment: v.affiliation === 'none' ? null : (v.competentDepartment?.trim() ?? null),
      industry: v.industry?.trim() ? v.industry.trim() : null,
      filesAtAgency: v.filesAtAgency,
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      ...(withAccount && v.account ? { account: { username: v.account.username.trim(), password: v.account.password } } : {}),
    };
    register.mutate(input, {
      onSuccess: () => void message.success('注册信息已提交，请上传授权委托书'),
      onError: (e) => onError(e, form),
    });
  };

  return (
    <Card>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ filesAtAgency: false }} scrollToFirstError>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          单位信息
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="单位全称"
              name="name"
              rules={[required('请输入单位全称'), { min: 4, message: '单位全称至少 4 个字，须与公章一致' }]}
              extra="须与单位公章一致"
            >
              <Input maxLength={60} autoComplete="organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="统一社会信用代码"
              required
              name="creditCode"
              rules={[domainRule((v) => validateCreditCode(v), '请输入18位统一社会信用代码')]}
              validateDebounce={400}
            >
              <Input maxLength={22} placeholder="18 位，见营业执照或登记证书" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="所在地区"
              name="regionId"
              dependencies={['affiliation']}
              rules={[
                { required: true, type: 'array', min: 1, message: '请选择所在地区' },
                ({ getFieldValue }) => ({
                  validator: async (_r, value: string[] | undefined) => {
                    const last = value?.[value.length - 1];
                    const level = regions.data?.find((r) => r.id === last)?.level;
                    if (last && level === 'province' && getFieldValue('affiliation') !== 'province') {
                      throw new Error('请选择单位所在的市、县（市、区）或开发区');
                    }
                  },
                }),
              ]}
            >
              <RegionCascader changeOnSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="单位性质" name="nature" rules={[{ required: true, message: '请选择单位性质' }]}>
              <Select placeholder="请选择单位性质" options={EMPLOYER_NATURES.map((n) => ({ value: n.value, label: n.label }))} />
            </Form.Item>
          </Col>
          {nature && natureNeedsRemark(nature) && (
            <Col xs={24}>
              <Form.Item label="单位性质备注" name="natureRemark" rules={[required('单位性质选择"其它类企业"时，须在备注中说明情况')]}>
                <Input.TextArea rows={2} maxLength={200} showCount placeholder="请说明单位性质的具体情况" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label="隶属关系" name="affiliation" rules={[{ required: true, message: '请选择隶属关系' }]}>
              <Radio.Group options={AFFILIATIONS.map((a) => ({ value: a.value, label: a.label }))} />
            </Form.Item>
          </Col>
          {affiliation !== 'none' && (
            <Col xs={24} md={12}>
              <Form.Item
                label="主管部门"
                required
                name="competentDepartment"
                rules={[domainRule(validateCompetentDepartment, '请填写主管部门全称')]}
                validateDebounce={400}
              >
                <Input maxLength={40} placeholder="××县（市、区）××局 或 ××厅（局）" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label="所属行业" name="industry">
              <Input maxLength={40} placeholder="如：软件和信息技术服务业" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="人事档案是否由人才交流中心代理" name="filesAtAgency" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={2} style={{ fontSize: 16 }}>
          经办人
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="经办人姓名"
              name="contactName"
              rules={[required('请填写经办人姓名'), { min: 2, message: '请填写经办人姓名' }]}
            >
              <Input maxLength={30} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="经办人手机"
              required
              name="contactPhone"
              rules={[domainRule(validateMobile, '请填写经办人手机号码')]}
              validateDebounce={300}
              extra="审核结果将以短信通知此号码"
            >
              <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
            </Form.Item>
          </Col>
        </Row>

        {withAccount && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              登录账号
            </Typography.Title>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  label="登录账号"
                  name={['account', 'username']}
                  rules={[
                    required('请设置单位经办人登录账号'),
                    { pattern: USERNAME_RULE, message: '账号须以字母开头，4–32 位字母、数字或下划线' },
                  ]}
                >
                  <Input maxLength={32} autoComplete="username" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="密码"
                  required
                  name={['account', 'password']}
                  rules={[domainRule(validatePassword, '请设置密码')]}
                  extra="8–64 位，含大写字母、小写字母、数字、符号中的至少三类"
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  label="确认密码"
                  required
                  name="confirmPassword"
                  dependencies={[['account', 'password']]}
                  rules={[sameAs(['account', 'password'])]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>
          提交注册
        </Button>
      </Form>
    </Card>
  );
}
