/**
 * Publicity (SPEC §7 "ID numbers and phones never public"; seed 001 一(一): 评审对象基本情况和资格审查情况 公示 5 个工作日).
 */
import { describe, expect, it } from 'vitest';
import {
  contactKind,
  csvCell,
  maskContact,
  objectionReceiptNo,
  objectionWindowRefusal,
  preReviewExportRow,
  PRE_REVIEW_EXPORT_COLUMNS,
  publicEntry,
  ZObjectionInput,
  OBJECTION_LIMITS,
} from './publicity';

const plan = {
  specialties: [{ code: 'IT01', name: '技术开发' }],
  modes: [{ mode: 'normal' as const, label: '正常申报（本计划）', attachments: [] }],
};

describe('publicEntry: what a publicity list publishes (SPEC §7, PIPL)', () => {
  const person = {
    name: ' 张伟 ',
    employerName: '杭州测试科技有限公司',
    specialtyCode: 'IT01',
    level: 'senior',
    mode: 'normal',
    idNumber: '330127198601010011',
    mobile: '13812345678',
    address: '杭州市西湖区某路 1 号',
  };

  it('has exactly name, employer, specialty, level and mode, in words', () => {
    const e = publicEntry(person, plan);
    expect(e).toEqual({
      name: '张伟',
      employerName: '杭州测试科技有限公司',
      specialty: '技术开发',
      level: '高级工程师',
      mode: '正常申报（本计划）',
    });
    expect(Object.keys(e).sort()).toEqual(['employerName', 'level', 'mode', 'name', 'specialty']);
  });

  it('never carries the ID number, the mobile or anything else the source has', () => {
    const json = JSON.stringify(publicEntry(person, plan));
    expect(json).not.toContain(person.idNumber);
    expect(json).not.toContain(person.mobile);
    expect(json).not.toContain('西湖区');
    expect(json).not.toMatch(/\d{11,}/);
  });

  it('a mode the plan does not name falls back to the domain words, a missing value to —', () => {
    expect(publicEntry({ ...person, mode: 'exceptional', specialtyCode: null, level: null }, plan)).toMatchObject({
      mode: '破格申报',
      specialty: '—',
      level: '—',
    });
  });

  it('the export row (seed 001: 基本情况和资格审查情况) has one cell per column and no personal numbers', () => {
    const row = preReviewExportRow(1, publicEntry(person, plan));
    expect(row).toHaveLength(PRE_REVIEW_EXPORT_COLUMNS.length);
    expect(row.at(-1)).toBe('资格审查通过');
    expect(row.join(',')).not.toContain(person.idNumber);
  });
});

describe('objections', () => {
  const base = { entryId: '9b2f3c1e-1d2a-4b5c-8d9e-0f1a2b3c4d5e', content: '该同志申报的项目业绩与实际不符。', contact: '13912345678' };

  it('accepts a mobile or an e-mail as contact, nothing else', () => {
    expect(contactKind('13912345678')).toBe('mobile');
    expect(contactKind('li.si@example.com')).toBe('email');
    expect(contactKind('12345')).toBeNull();
    expect(contactKind('not-an-email@')).toBeNull();
    expect(ZObjectionInput.safeParse({ ...base, contact: '0571-1234' }).success).toBe(false);
    expect(ZObjectionInput.safeParse(base).success).toBe(true);
  });

  it('refuses content shorter than the minimum or longer than the limit (code points), with a Chinese message', () => {
    const short = ZObjectionInput.safeParse({ ...base, content: '不符' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toContain('至少');
    const long = ZObjectionInput.safeParse({ ...base, content: '𠀀'.repeat(OBJECTION_LIMITS.contentMaxChars + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toContain(`最多 ${OBJECTION_LIMITS.contentMaxChars} 个字`);
    expect(ZObjectionInput.safeParse({ ...base, content: '𠀀'.repeat(OBJECTION_LIMITS.contentMaxChars) }).success).toBe(true);
  });

  it('masks the contact for the review page', () => {
    expect(maskContact('13912345678')).toBe('139****5678');
    expect(maskContact('lisi@example.com')).toBe('l***@example.com');
  });

  it('is accepted from the first day to the end day of the period, both included', () => {
    const list = { startDate: '2026-12-04', endDate: '2026-12-10' };
    expect(objectionWindowRefusal(list, '2026-12-03')).toContain('开始');
    expect(objectionWindowRefusal(list, '2026-12-04')).toBeNull();
    expect(objectionWindowRefusal(list, '2026-12-10')).toBeNull();
    expect(objectionWindowRefusal(list, '2026-12-11')).toContain('2026-12-10 结束');
  });

  it('the receipt number is the day and the id, nothing personal', () => {
    expect(objectionReceiptNo('9b2f3c1e-1d2a-4b5c-8d9e-0f1a2b3c4d5e', '2026-12-04')).toBe('YY20261204-9B2F3C1E');
  });

  it('a CSV cell never starts a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('张伟')).toBe('"张伟"');
  });
});
