/**
 * Showing API errors: the Chinese `message` in a toast, and `details` on the matching form fields.
 */
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError, type FieldErrors } from './api-client';

/** Field paths such as `account.password` become antd name paths ['account', 'password']. */
export function applyFieldErrors(form: FormInstance, details: FieldErrors | undefined): void {
  if (!details) return;
  const fields = Object.entries(details)
    .filter(([k]) => k !== '' && k !== '_')
    .map(([k, msg]) => ({ name: k.split('.'), errors: [msg] }));
  if (fields.length > 0) form.setFields(fields);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作未能完成，请稍后再试';
}

/**
 * Returns a handler for a failed request. Signed-out errors are left to the global handler
 * (it says "登录已超时，请重新登录" and goes to /login), so they are not reported twice.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (err instanceof ApiError && err.signedOut) return;
      void message.error(errorMessage(err));
      if (form && err instanceof ApiError) applyFieldErrors(form, err.details);
    },
    [message],
  );
}
