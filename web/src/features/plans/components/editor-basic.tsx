/** The plan editor's flat parts: basic information, timeline and fee, material requirements, citations. */
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { zhejiangRegions } from '@zc/domain';
import type { ReactNode } from 'react';
import {
  COMMITTEE_KIND_OPTIONS,
  FEE_DUE_OPTIONS,
  FEE_METHOD_OPTIONS,
  FEE_PAYER_OPTIONS,
  LEVEL_OPTIONS,
  PHOTO_FORMAT_OPTIONS,
  TIMELINE_FIELDS,
} from './labels';
import { LIMITS, PLAN_KEY_MESSAGE, PLAN_KEY_PATTERN } from './plan-form';
import { DateText } from './plan-inputs';

const req = (label: string) => [{ required: true, message: `请填写${label}` }];
const half = { xs: 24, md: 12 } as const;
const third = { xs: 24, md: 8 } as const;

export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} style={{ fontSize: 15, margin: '8px 0 12px' }}>
      {children}
    </Typography.Title>
  );
}

type RegionNode = { value: string; title: string; children?: RegionNode[] };
function regionTree(): RegionNode[] {
  const build = (key: string): RegionNode => {
    const r = zhejiangRegions.find((x) => x.key === key)!;
    const kids = zhejiangRegions.filter((x) => x.parentKey === key);
    return kids.length ? { value: r.key, title: r.name, children: kids.map((k) => build(k.key)) } : { value: r.key, title: r.name };
  };
  return zhejiangRegions.filter((r) => !r.parentKey).map((r) => build(r.key));
}
const REGION_TREE = regionTree();

export function BasicSection() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item label="计划名称" name="name" rules={req('计划名称')}>
            <Input maxLength={LIMITS.text.name} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            label="计划代号"
            name="key"
            extra="用于导入导出文件，改动须唯一"
            rules={[...req('计划代号'), { pattern: PLAN_KEY_PATTERN, message: PLAN_KEY_MESSAGE }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="年度" name="year" rules={req('年度')}>
            <InputNumber min={LIMITS.year.min} max={LIMITS.year.max} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="评审级别" name="levels" rules={[{ required: true, message: '至少选择一个评审级别' }]}>
            <Select mode="multiple" options={LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="评委会名称" name={['committee', 'name']} rules={req('评委会名称')}>
            <Input maxLength={LIMITS.text.committee} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="评委会办公室" name={['committee', 'office']} rules={req('评委会办公室')}>
            <Input maxLength={LIMITS.text.committee} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="评委会类别" name={['committee', 'kind']} rules={req('评委会类别')}>
            <Select options={COMMITTEE_KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="计算截止日期" name="cutoffDate" extra="专业工作年限、任职年限计算到该日" rules={req('计算截止日期')}>
            <DateText />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="设中评委推荐环节" name="committeeRecommendation" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="受理地区" name="acceptedRegionIds" rules={[{ required: true, message: '至少选择一个受理地区' }]}>
            <TreeSelect
              multiple
              treeData={REGION_TREE}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder="选择省、市或县（市、区）"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="申报单位范围" name="eligibleEmployers">
            <Input.TextArea rows={2} maxLength={LIMITS.text.employers} />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>通知文件</SectionTitle>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="发文单位" name={['source', 'issuer']} rules={req('发文单位')}>
            <Input maxLength={LIMITS.text.issuer} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="文号" name={['source', 'documentNumber']}>
            <Input maxLength={LIMITS.text.issuer} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item label="发文日期" name={['source', 'date']}>
            <DateText />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="通知标题" name={['source', 'title']} rules={req('通知标题')}>
            <Input maxLength={LIMITS.text.title} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function TimelineSection() {
  return (
    <>
      <Row gutter={16}>
        {TIMELINE_FIELDS.map((f) => (
          <Col {...third} key={f.key}>
            <Form.Item
              label={f.label}
              name={['timeline', f.key]}
              rules={f.required ? [{ required: true, message: `请选择${f.label}` }] : []}
            >
              <DateText />
            </Form.Item>
          </Col>
        ))}
        <Col {...third}>
          <Form.Item label="评审月份" name={['timeline', 'reviewMonth']}>
            <DateText month />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>公示</SectionTitle>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="单位公示工作日数" name={['publicity', 'employerWorkingDays']} rules={req('单位公示工作日数')}>
            <InputNumber min={LIMITS.publicityDays.min} max={LIMITS.publicityDays.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="评委会公示工作日数" name={['publicity', 'committeeWorkingDays']} rules={req('评委会公示工作日数')}>
            <InputNumber min={LIMITS.publicityDays.min} max={LIMITS.publicityDays.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>评审费</SectionTitle>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label="评审费（元，不填为不收费）" name={['fee', 'amountYuan']}>
            <InputNumber min={0} max={LIMITS.feeYuan.max} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="缴费方" name={['fee', 'payer']}>
            <Select allowClear placeholder="不适用" options={FEE_PAYER_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="缴费时间" name={['fee', 'due']}>
            <Select allowClear placeholder="不适用" options={FEE_DUE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="缴费方式" name={['fee', 'method']}>
            <Select allowClear placeholder="不适用" options={FEE_METHOD_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function BoundInputs({ part, label, unit }: { part: 'bytes' | 'width' | 'height'; label: string; unit: string }) {
  return (
    <Row gutter={16} align="bottom">
      <Col xs={12} md={6}>
        <Form.Item label={`${label}下限（${unit}）`} name={['photo', part, 'min']}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['photo', part, 'minInclusive']} valuePropName="checked">
          <Checkbox>{label}可等于下限</Checkbox>
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label={`${label}上限（${unit}）`} name={['photo', part, 'max']}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['photo', part, 'maxInclusive']} valuePropName="checked">
          <Checkbox>{label}可等于上限</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

const FLAGS = [
  { key: 'foreignLanguageRequired', label: '须外语成绩' },
  { key: 'computerSkillsRequired', label: '须计算机能力' },
  { key: 'papersRequired', label: '须论文' },
  { key: 'achievementsAfterCurrentTitleOnly', label: '业绩须为任现职后取得' },
] as const;

export function MaterialsSection() {
  return (
    <>
      <SectionTitle>证件照要求</SectionTitle>
      <Form.Item label="证件照格式" name={['photo', 'formats']} rules={[{ required: true, message: '至少选择一种格式' }]}>
        <Checkbox.Group options={PHOTO_FORMAT_OPTIONS} />
      </Form.Item>
      <BoundInputs part="bytes" label="文件大小" unit="KB" />
      <BoundInputs part="width" label="宽度" unit="像素" />
      <BoundInputs part="height" label="高度" unit="像素" />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="宽高比下限（不限则两项都留空）" name={['photo', 'aspect', 'min']}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="宽高比上限" name={['photo', 'aspect', 'max']}>
            <InputNumber min={0} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>本人述职与其他要求</SectionTitle>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item label="本人述职字数上限" name="personalStatementMaxChars" rules={req('本人述职字数上限')}>
            <InputNumber min={LIMITS.statement.min} max={LIMITS.statement.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="弄虚作假禁止申报年数" name="integrityBanYears" rules={req('禁止申报年数')}>
            <InputNumber min={0} max={LIMITS.banYears.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="水印文字" name="watermark">
            <Input maxLength={LIMITS.text.watermark} />
          </Form.Item>
        </Col>
        {FLAGS.map((f) => (
          <Col xs={12} md={6} key={f.key}>
            <Form.Item label={f.label} name={['flags', f.key]} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24}>
          <Form.Item label="疫情防控一线人员放宽条件" name={['flags', 'covidFrontlineRelaxation']}>
            <Input.TextArea rows={2} maxLength={LIMITS.text.note} />
          </Form.Item>
        </Col>
      </Row>
      <SectionTitle>纸质评审表</SectionTitle>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item label="评审表份数" name={['deliverables', 'evaluationFormCopies']} rules={req('评审表份数')}>
            <InputNumber min={LIMITS.copies.min} max={LIMITS.copies.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="双面打印" name={['deliverables', 'doubleSided']} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="缴费后方可导出评审表" name={['deliverables', 'exportAfterPayment']} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function CitationsSection() {
  return (
    <>
      <Typography.Paragraph type="secondary">记录计划各部分依据的通知条款，随计划保存和导出。</Typography.Paragraph>
      <Form.List name="citations">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="top">
                <Col xs={24} md={6}>
                  <Form.Item label={`计划部分 ${f.name + 1}`} name={[f.name, 'part']} rules={req('计划部分')}>
                    <Input maxLength={LIMITS.text.short} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={16}>
                  <Form.Item label={`依据条款 ${f.name + 1}`} name={[f.name, 'text']}>
                    <Input.TextArea autoSize maxLength={LIMITS.text.citation} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                  <Button aria-label={`删除依据条款 ${f.name + 1}`} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ part: '', text: '' })}>
              添加依据条款
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
