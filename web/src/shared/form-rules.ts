/**
 * antd Form rules built on the validators of @zc/domain, so the browser says exactly what the server would.
 */
import type { FormRule } from 'antd';

type Check = (value: string) => { ok: true } | { ok: false; message: string };

/** A rule that runs a domain validator; an empty value fails with `requiredMessage` when given. */
export function domainRule(check: Check, requiredMessage?: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || String(value).trim() === '') {
        if (requiredMessage) throw new Error(requiredMessage);
        return;
      }
      const r = check(String(value));
      if (!r.ok) throw new Error(r.message);
    },
  };
}

export function required(message: string): FormRule {
  return { required: true, whitespace: true, message };
}

/** "确认密码" must equal the field at `passwordPath`. */
export function sameAs(passwordPath: string | string[], message = '两次输入的密码不一致'): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入密码');
      if (value !== getFieldValue(passwordPath)) throw new Error(message);
    },
  });
}
