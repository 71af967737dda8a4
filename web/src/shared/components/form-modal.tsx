import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';

interface Props<T> {
  title: ReactNode;
  onCancel: () => void;
  onFinish: (values: T, form: FormInstance<T>) => void;
  pending?: boolean;
  danger?: boolean;
  width?: number;
  /** text above the form */
  intro?: ReactNode;
  children: ReactNode;
}

/**
 * A modal form whose OK button is "确定". Render it only while open (`{open && <FormModal …/>}`):
 * it owns its form, so a closed dialog leaves no hidden duplicate fields (and labels) in the page.
 */
export function FormModal<T extends object>({ title, onCancel, onFinish, pending, danger, width, intro, children }: Props<T>) {
  const [form] = Form.useForm<T>();
  return (
    <Modal
      open
      title={title}
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: pending, danger }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={width}
    >
      {intro}
      <Form<T> form={form} layout="vertical" onFinish={(v) => onFinish(v, form)}>
        {children}
      </Form>
    </Modal>
  );
}
