/** The plan editor's rules (SPEC §5): continuing education, annual assessment, the education/years matrix, scoring, interviews. */
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SectionTitle } from './editor-basic';
import {
  ASSESSMENT_SCOPE_OPTIONS,
  CE_KIND_OPTIONS,
  EDUCATION_OPTIONS,
  INTERVIEW_TRIGGER_OPTIONS,
  LEVEL_OPTIONS,
  PASS_RESULT_OPTIONS,
  REGISTRY_OPTIONS,
} from './labels';
import { LIMITS } from './plan-form';
import { YearsInput } from './plan-inputs';

const req = (label: string) => [{ required: true, message: `请填写${label}` }];
const CE = 'continuingEducation';
const num = { style: { width: '100%' }, min: 0 } as const;

function Hours({ name, label, required }: { name: string; label: string; required?: boolean }) {
  return (
    <Col xs={12} md={6}>
      <Form.Item label={label} name={[CE, name]} rules={required ? req(label) : []}>
        <InputNumber {...num} />
      </Form.Item>
    </Col>
  );
}

function ContinuingEducation() {
  const kind = Form.useWatch([CE, 'kind']) as 'annual' | 'total' | 'recordsOnly' | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="继续教育考核方式" name={[CE, 'kind']} rules={req('考核方式')}>
          <Select options={CE_KIND_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="继续教育适用级别（不选为全部）" name={[CE, 'appliesToLevels']}>
          <Select mode="multiple" allowClear options={LEVEL_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="继续教育考核年度" name={[CE, 'years']} rules={[{ required: true, message: '至少填写一个年度' }]}>
          <YearsInput />
        </Form.Item>
      </Col>
      {kind === 'annual' && (
        <>
          <Hours name="hoursPerYear" label="每年学时" required />
          <Hours name="professionalMin" label="其中专业科目不少于" required />
          <Hours name="publicMin" label="公需科目不少于" required />
          <Hours name="onlineCapPerYear" label="网络课件每年最多计" />
          <Col xs={24}>
            <Typography.Text>网络课件上限的例外</Typography.Text>
            <Form.List name={[CE, 'onlineCapExemptions']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="bottom">
                      <Col xs={10} md={6}>
                        <Form.Item label={`例外 ${f.name + 1} 年度`} name={[f.name, 'year']} rules={req('年度')}>
                          <InputNumber min={LIMITS.year.min} max={LIMITS.year.max} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} md={12}>
                        <Form.Item label={`例外 ${f.name + 1} 学时登记平台`} name={[f.name, 'registry']} rules={req('学时登记平台')}>
                          <Select options={REGISTRY_OPTIONS} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2}>
                        <Form.Item>
                          <Button
                            aria-label={`删除例外 ${f.name + 1}`}
                            icon={<DeleteOutlined aria-hidden />}
                            onClick={() => remove(f.name)}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                    添加例外
                  </Button>
                </>
              )}
            </Form.List>
          </Col>
        </>
      )}
      {kind === 'total' && (
        <>
          <Hours name="totalMin" label="合计学时不少于" required />
          <Col xs={12} md={6}>
            <Form.Item label="当年年度" name={[CE, 'currentYear']} rules={req('当年年度')}>
              <InputNumber min={LIMITS.year.min} max={LIMITS.year.max} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Hours name="currentYearMin" label="当年学时不少于" required />
          <Hours name="onlineCapPerYear" label="网络课件每年最多计" />
          <Col xs={12} md={6}>
            <Form.Item label="专业科目占比（0–1）" name={[CE, 'professionalShare']}>
              <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="公需科目占比（0–1）" name={[CE, 'publicShare']}>
              <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="允许补学" name={[CE, 'makeUpAllowed']} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="当年学时须来自" name={[CE, 'currentYearRegistry']}>
              <Select allowClear placeholder="不限" options={REGISTRY_OPTIONS} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

function Eligibility() {
  return (
    <Form.List name="eligibility">
      {(levels, { add, remove }) => (
        <>
          {levels.map((lv) => (
            <Card
              key={lv.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`学历资历条件 ${lv.name + 1}`}
              extra={
                <Button
                  size="small"
                  danger
                  aria-label={`删除学历资历条件 ${lv.name + 1}`}
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => remove(lv.name)}
                >
                  删除
                </Button>
              }
            >
              <Form.Item label={`条件 ${lv.name + 1} 申报级别`} name={[lv.name, 'level']} rules={req('申报级别')}>
                <Select options={LEVEL_OPTIONS} style={{ maxWidth: 240 }} />
              </Form.Item>
              <Form.List name={[lv.name, 'rows']}>
                {(rows, ops) => (
                  <>
                    {rows.map((r) => {
                      const at = `条件 ${lv.name + 1} 第 ${r.name + 1} 行`;
                      return (
                        <Row gutter={8} key={r.key} align="bottom" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
                          <Col xs={12} md={4}>
                            <Form.Item label={`${at} 学历`} name={[r.name, 'education']} rules={req('学历')}>
                              <Select options={EDUCATION_OPTIONS} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={5}>
                            <Form.Item label="须具备的现职称" name={[r.name, 'requiredTitle']}>
                              <Select allowClear placeholder="不要求" options={LEVEL_OPTIONS} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={3}>
                            <Form.Item label="任职满（年）" name={[r.name, 'yearsInTitle']}>
                              <InputNumber {...num} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={3}>
                            <Form.Item label="专业工作满（年）" name={[r.name, 'professionalYears']}>
                              <InputNumber {...num} />
                            </Form.Item>
                          </Col>
                          <Col xs={20} md={7}>
                            <Form.Item label="说明" name={[r.name, 'note']}>
                              <Input maxLength={LIMITS.text.note} />
                            </Form.Item>
                          </Col>
                          <Col xs={4} md={2}>
                            <Form.Item>
                              <Button aria-label={`删除${at}`} icon={<DeleteOutlined aria-hidden />} onClick={() => ops.remove(r.name)} />
                            </Form.Item>
                          </Col>
                        </Row>
                      );
                    })}
                    <Button
                      size="small"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => ops.add({ yearsInTitle: 0, professionalYears: 0 })}
                    >
                      添加一行
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ rows: [{ yearsInTitle: 0, professionalYears: 0 }] })}>
            添加一个级别的条件
          </Button>
        </>
      )}
    </Form.List>
  );
}

const BONUS = [
  { key: 'fromYears', label: '起算工龄（年）' },
  { key: 'fromPoints', label: '起算加分' },
  { key: 'fullYears', label: '满额工龄（年）' },
  { key: 'fullPoints', label: '满额加分' },
  { key: 'perExtraYear', label: '此后每年加分' },
  { key: 'maxPoints', label: '加分上限' },
] as const;

function Scoring() {
  return (
    <>
      <Typography.Paragraph type="secondary">不设评分表时删去全部评分项；自评分申报须有评分表。</Typography.Paragraph>
      <Form.List name={['scoring', 'items']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="bottom" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
                <Col xs={24} md={6}>
                  <Form.Item label={`评分项 ${f.name + 1} 名称`} name={[f.name, 'name']} rules={req('评分项名称')}>
                    <Input maxLength={LIMITS.text.label} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label="代号" name={[f.name, 'key']} rules={req('评分项代号')}>
                    <Input maxLength={LIMITS.text.short} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item label="最高分" name={[f.name, 'maxPoints']} rules={req('最高分')}>
                    <InputNumber min={0} max={LIMITS.points.max} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'evidenceRequired']} valuePropName="checked">
                    <Checkbox>无证明材料不予评分</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item label="说明" name={[f.name, 'description']}>
                    <Input maxLength={LIMITS.text.description} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Form.Item>
                    <Button aria-label={`删除评分项 ${f.name + 1}`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ key: `item-${Date.now().toString(36)}`, name: '', evidenceRequired: true })}
            >
              添加评分项
            </Button>
          </>
        )}
      </Form.List>
      <SectionTitle>山区26县工龄加分（不设则全部留空）</SectionTitle>
      <Row gutter={16}>
        {BONUS.map((b) => (
          <Col xs={12} md={4} key={b.key}>
            <Form.Item label={b.label} name={['scoring', 'mountainCountyBonus', b.key]}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function RulesSection() {
  return (
    <>
      <SectionTitle>继续教育</SectionTitle>
      <ContinuingEducation />
      <SectionTitle>年度考核</SectionTitle>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="年度考核范围" name={['annualAssessment', 'scope']} rules={req('考核范围')}>
            <Select options={ASSESSMENT_SCOPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="年度考核年度（指定年度时）" name={['annualAssessment', 'years']}>
            <YearsInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="视为合格的考核结果" name={['annualAssessment', 'passResults']}>
            <Checkbox.Group options={PASS_RESULT_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>学历资历条件</SectionTitle>
      <Eligibility />
      <SectionTitle>量化评分表</SectionTitle>
      <Scoring />
      <SectionTitle>须面试答辩的情形</SectionTitle>
      <Form.Item label="面试答辩情形" name="interviewTriggers">
        <Checkbox.Group options={INTERVIEW_TRIGGER_OPTIONS} />
      </Form.Item>
    </>
  );
}
