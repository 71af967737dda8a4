/** The plan editor's lists: specialties, application modes (with their attachments), review routes (with ordered steps). */
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AFFILIATION_OPTIONS,
  DIRECT_REPORT_OPTIONS,
  FILES_AT_AGENCY_OPTIONS,
  levelLabel,
  MODE_OPTIONS,
  modeLabel,
  ROUTE_STEP_OPTIONS,
} from './labels';
import { LIMITS } from './plan-form';
import { SectionTitle } from './editor-basic';

const req = (label: string) => [{ required: true, message: `请填写${label}` }];

function RemoveButton({ what, onConfirm }: { what: string; onConfirm: () => void }) {
  return (
    <Popconfirm
      title={`确定删除${what}？保存后生效。`}
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button danger size="small" icon={<DeleteOutlined aria-hidden />}>
        删除{what}
      </Button>
    </Popconfirm>
  );
}

export function SpecialtiesSection() {
  return (
    <Form.List name="specialties">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`评审专业 ${f.name + 1}`}
              extra={<RemoveButton what={`评审专业 ${f.name + 1}`} onConfirm={() => remove(f.name)} />}
            >
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    label={`专业代号 ${f.name + 1}`}
                    name={[f.name, 'code']}
                    rules={req('专业代号')}
                    extra="英文字母、数字或连字符，计划内不重复"
                  >
                    <Input maxLength={LIMITS.text.short} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item label={`专业名称 ${f.name + 1}`} name={[f.name, 'name']} rules={req('专业名称')}>
                    <Input maxLength={LIMITS.text.short} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item label={`专业说明 ${f.name + 1}`} name={[f.name, 'description']}>
                    <Input.TextArea autoSize={{ minRows: 2 }} maxLength={LIMITS.text.specialtyDescription} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: '', name: '', description: '' })}>
            添加评审专业
          </Button>
        </>
      )}
    </Form.List>
  );
}

function Attachments({ mode }: { mode: number }) {
  const n = mode + 1;
  return (
    <Form.List name={[mode, 'attachments']}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} align="bottom" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
              <Col xs={24} md={9}>
                <Form.Item label={`方式 ${n} 附件 ${f.name + 1} 名称`} name={[f.name, 'name']} rules={req('附件名称')}>
                  <Input maxLength={LIMITS.text.label} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label={`附件 ${f.name + 1} 代号`} name={[f.name, 'key']} rules={req('附件代号')}>
                  <Input maxLength={LIMITS.text.short} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[f.name, 'required']} valuePropName="checked">
                  <Checkbox>必须提交</Checkbox>
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <Form.Item label={`附件 ${f.name + 1} 说明`} name={[f.name, 'note']}>
                  <Input maxLength={LIMITS.text.note} />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                <Form.Item>
                  <Button
                    aria-label={`删除方式 ${n} 的附件 ${f.name + 1}`}
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => remove(f.name)}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ key: `attachment-${Date.now().toString(36)}`, name: '', required: true })}
          >
            为方式 {n} 添加附件
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ModesSection() {
  const form = Form.useFormInstance();
  const planLevels = (Form.useWatch('levels', form) ?? []) as string[];
  return (
    <Form.List name="modes">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => {
            const n = f.name + 1;
            return (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={`申报方式 ${n}`}
                extra={<RemoveButton what={`申报方式 ${n}`} onConfirm={() => remove(f.name)} />}
              >
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item label={`方式 ${n} 类型`} name={[f.name, 'mode']} rules={req('申报方式类型')}>
                      <Select
                        options={MODE_OPTIONS}
                        onSelect={(v: string) => {
                          if (!form.getFieldValue(['modes', f.name, 'label'])) form.setFieldValue(['modes', f.name, 'label'], modeLabel(v));
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={`方式 ${n} 名称`} name={[f.name, 'label']} rules={req('申报方式名称')}>
                      <Input maxLength={LIMITS.text.short} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={`方式 ${n} 适用级别（不选为全部级别）`} name={[f.name, 'levels']}>
                      <Select mode="multiple" allowClear options={planLevels.map((l) => ({ value: l, label: levelLabel(l) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item label={`方式 ${n} 说明`} name={[f.name, 'description']}>
                      <Input.TextArea autoSize maxLength={LIMITS.text.description} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label="不受学历资历限制" name={[f.name, 'waivesEducationYears']} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label="须破格推荐审批表" name={[f.name, 'requiresApprovalForm']} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={`方式 ${n} 自评分分数线（自评分申报必填）`} name={[f.name, 'selfScoreThreshold']}>
                      <InputNumber min={0} max={LIMITS.selfScore.max} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={`方式 ${n} 推荐人数（不需推荐人则留空）`} name={[f.name, 'recommenders', 'count']}>
                      <InputNumber min={LIMITS.recommenders.min} max={LIMITS.recommenders.max} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item label={`方式 ${n} 推荐人资格`} name={[f.name, 'recommenders', 'qualification']}>
                      <Input maxLength={LIMITS.text.qualification} placeholder="如：本专业或相近专业正高级专家" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={`方式 ${n} 直报须满足条件数（直报必填）`} name={[f.name, 'directReport', 'required']}>
                      <InputNumber min={1} max={DIRECT_REPORT_OPTIONS.length} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item label={`方式 ${n} 直报条件`} name={[f.name, 'directReport', 'conditions']}>
                      <Select mode="multiple" allowClear options={DIRECT_REPORT_OPTIONS} />
                    </Form.Item>
                  </Col>
                </Row>
                <Typography.Text strong>申报附件</Typography.Text>
                <Attachments mode={f.name} />
              </Card>
            );
          })}
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ mode: undefined, label: '', attachments: [], waivesEducationYears: false, requiresApprovalForm: false })}
          >
            添加申报方式
          </Button>
        </>
      )}
    </Form.List>
  );
}

function Steps({ route }: { route: number }) {
  const r = route + 1;
  return (
    <Form.List name={[route, 'steps']}>
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((f, i) => (
            <Row gutter={8} key={f.key} align="bottom">
              <Col xs={24} md={8}>
                <Form.Item label={`路线 ${r} 第 ${i + 1} 环节`} name={[f.name, 'kind']} rules={req('审核环节')}>
                  <Select options={ROUTE_STEP_OPTIONS} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label={`第 ${i + 1} 环节显示名称`} name={[f.name, 'label']}>
                  <Input maxLength={LIMITS.text.short} />
                </Form.Item>
              </Col>
              <Col xs={10} md={4}>
                <Form.Item name={[f.name, 'paperOnly']} valuePropName="checked">
                  <Checkbox>只审纸质材料</Checkbox>
                </Form.Item>
              </Col>
              <Col xs={14} md={5}>
                <Form.Item>
                  <Space>
                    <Button
                      aria-label={`路线 ${r} 第 ${i + 1} 环节上移`}
                      disabled={i === 0}
                      icon={<ArrowUpOutlined aria-hidden />}
                      onClick={() => move(i, i - 1)}
                    />
                    <Button
                      aria-label={`路线 ${r} 第 ${i + 1} 环节下移`}
                      disabled={i === fields.length - 1}
                      icon={<ArrowDownOutlined aria-hidden />}
                      onClick={() => move(i, i + 1)}
                    />
                    <Button
                      aria-label={`删除路线 ${r} 第 ${i + 1} 环节`}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: undefined, paperOnly: false })}>
            为路线 {r} 添加环节
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function RoutesSection() {
  return (
    <>
      <Typography.Paragraph type="secondary">
        按申报单位的隶属关系选路线；各环节按顺序逐级审核推荐，最后一环通常为评委会办公室。
      </Typography.Paragraph>
      <Form.List name="routes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => {
              const n = f.name + 1;
              return (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`审核路线 ${n}`}
                  extra={<RemoveButton what={`审核路线 ${n}`} onConfirm={() => remove(f.name)} />}
                >
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item label={`路线 ${n} 单位隶属`} name={[f.name, 'affiliation']} rules={req('单位隶属')}>
                        <Select options={AFFILIATION_OPTIONS} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        label={`路线 ${n} 人事代理（仅无主管部门单位）`}
                        name={[f.name, 'filesAtAgency']}
                        getValueProps={(v: boolean | undefined) => ({ value: v === undefined ? undefined : v ? 'yes' : 'no' })}
                        normalize={(v: string | undefined) => (v === undefined ? undefined : v === 'yes')}
                      >
                        <Select allowClear placeholder="不区分" options={FILES_AT_AGENCY_OPTIONS} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <SectionTitle>审核环节（按顺序）</SectionTitle>
                  <Steps route={f.name} />
                </Card>
              );
            })}
            <Flex>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ affiliation: undefined, steps: [{ kind: 'committeeOffice', paperOnly: false }] })}
              >
                添加审核路线
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </>
  );
}
