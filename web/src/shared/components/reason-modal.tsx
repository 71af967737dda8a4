import type { ReactNode } from 'react';
import { Form, Input, type FormInstance } from 'antd';
import { required } from '../form-rules';
import { FormModal } from './form-modal';

interface Props {
  title: ReactNode;
  /** the field's label, e.g. 退回原因 */
  label: string;
  requiredMessage: string;
  /** shown when the reason is shorter than 2 characters */
  minMessage: string;
  placeholder: string;
  pending: boolean;
  intro?: ReactNode;
  onCancel: () => void;
  onSubmit: (reason: string, form: FormInstance<{ reason: string }>) => void;
}

/** The danger dialog of a refusal or return: one required reason, 2 to 500 characters. */
export function ReasonModal({ title, label, requiredMessage, minMessage, placeholder, pending, intro, onCancel, onSubmit }: Props) {
  return (
    <FormModal<{ reason: string }>
      title={title}
      danger
      pending={pending}
      onCancel={onCancel}
      onFinish={(v, form) => onSubmit(v.reason, form)}
      intro={intro}
    >
      <Form.Item label={label} name="reason" rules={[required(requiredMessage), { min: 2, message: minMessage }]}>
        <Input.TextArea rows={4} maxLength={500} showCount placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
