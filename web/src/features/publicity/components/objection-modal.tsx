/**
 * 提出异议: content, contact, optional name and one evidence file; a confirmation before it is sent, then the
 * receipt number. The rules (实名、据实反映) are shown above the form.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Result, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ACCEPTED_FILE_LABEL, contactKind, formatBytes, OBJECTION_LIMITS, OBJECTION_RULES } from '@zc/domain';
import { useApiErrorHandler } from '@shared/feedback';
import { EVIDENCE_ACCEPT } from '@shared/upload';
import { useLodgeObjection, type PublicityEntry } from '../api';

interface Values {
  content: string;
  contact: string;
  contactName?: string;
}

const chars = (s: string) => [...s].length;

export function ObjectionModal({ listId, entry, onClose }: { listId: string; entry: PublicityEntry; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const lodge = useLodgeObjection(listId);
  const onError = useApiErrorHandler();
  const { modal } = App.useApp();

  const submit = (v: Values) => {
    void modal.confirm({
      title: '确认提交异议？',
      content: `将对“${entry.name}（${entry.employerName}）”提出异议。提交后不能修改，请确认所反映情况属实。`,
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: () =>
        lodge
          .mutateAsync({ entryId: entry.id, ...v, evidence: file })
          .then((r) => setReceipt(r.receiptNo))
          .catch((e: unknown) => onError(e, form)),
    });
  };

  return (
    <Modal
      open
      title={receipt ? '异议已提交' : `对“${entry.name}”提出异议`}
      onCancel={onClose}
      footer={
        receipt ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              取消
            </Button>,
            <Button key="ok" type="primary" loading={lodge.isPending} onClick={() => form.submit()}>
              提交异议
            </Button>,
          ]
        )
      }
      destroyOnHidden
    >
      {receipt ? (
        <Result
          status="success"
          title={`受理编号：${receipt}`}
          subTitle="评委会办公室将核实您反映的情况，并通过您留下的联系方式反馈处理结果。请记下受理编号以便查询。"
        />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="反映须知"
            description={
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {OBJECTION_RULES.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ol>
            }
          />
          <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark>
            <Form.Item
              name="content"
              label="异议内容"
              rules={[
                { required: true, message: '请填写异议内容' },
                {
                  validator: (_r, v: string | undefined) =>
                    !v || chars(v.trim()) >= OBJECTION_LIMITS.contentMinChars
                      ? Promise.resolve()
                      : Promise.reject(new Error(`异议内容至少 ${OBJECTION_LIMITS.contentMinChars} 个字，请写明具体事实`)),
                },
              ]}
            >
              <Input.TextArea
                rows={5}
                maxLength={OBJECTION_LIMITS.contentMaxChars}
                showCount
                placeholder="请写明具体事实、时间、涉及的材料等"
              />
            </Form.Item>
            <Form.Item
              name="contact"
              label="联系方式（手机号码或电子邮箱）"
              rules={[
                { required: true, message: '请填写联系方式' },
                {
                  validator: (_r, v: string | undefined) =>
                    !v || contactKind(v) ? Promise.resolve() : Promise.reject(new Error('联系方式应为 11 位手机号码或有效的电子邮箱')),
                },
              ]}
              extra="仅评委会办公室可见，用于核实情况和反馈处理结果"
            >
              <Input autoComplete="tel" maxLength={254} />
            </Form.Item>
            <Form.Item name="contactName" label="姓名（提倡实名反映）">
              <Input autoComplete="name" maxLength={OBJECTION_LIMITS.contactNameMaxChars} />
            </Form.Item>
            <Form.Item
              label="证明材料（可选）"
              extra={`${ACCEPTED_FILE_LABEL}，一个文件，不超过 ${formatBytes(OBJECTION_LIMITS.evidenceMaxBytes)}`}
              validateStatus={fileError ? 'error' : undefined}
              help={fileError ?? undefined}
            >
              <Upload
                accept={EVIDENCE_ACCEPT}
                maxCount={1}
                fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
                beforeUpload={(f) => {
                  const bad =
                    f.size > OBJECTION_LIMITS.evidenceMaxBytes
                      ? `“${f.name}”大小为 ${formatBytes(f.size)}，超过 ${formatBytes(OBJECTION_LIMITS.evidenceMaxBytes)} 的上限`
                      : !/\.(pdf|jpe?g|png)$/i.test(f.name)
                        ? `“${f.name}”不是允许的格式，只支持 ${ACCEPTED_FILE_LABEL}`
                        : null;
                  setFileError(bad);
                  setFile(bad ? null : f);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  setFileError(null);
                }}
              >
                <Button icon={<UploadOutlined aria-hidden />}>选择文件</Button>
              </Upload>
            </Form.Item>
            <Typography.Text type="secondary">提交即表示您承诺所反映情况属实。</Typography.Text>
          </Form>
        </>
      )}
    </Modal>
  );
}
