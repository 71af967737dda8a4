/**
 * Issue 9 item 6 ("no codes where words belong"): every coded value the domain's schemas accept has a
 * Chinese word in LABELS. The test walks every zod schema the package exports, so a new z.enum, or a new
 * value in an existing one, without a label fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../index';
import { LABELS, labelOf, labelOptions, maskPersonName, SMS_TEMPLATE_LABELS } from './labels';

const CHINESE = /^[\u4e00-\u9fa5（）、·]+$/;
type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | null)?._zod?.def;

/** Every z.enum reachable from `schema`, with the path it was found at. */
function enumsIn(schema: unknown, path: string, out: Array<{ path: string; values: string[] }>, seen = new Set<unknown>()) {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return;
  seen.add(schema);
  const walk = (s: unknown, p: string) => enumsIn(s, p, out, seen);
  switch (def.type) {
    case 'enum':
      out.push({ path, values: Object.values(def.entries as Record<string, string>).map(String) });
      break;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => walk(o, `${path}|${i}`));
      break;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      break;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((o, i) => walk(o, `${path}[${i}]`));
      break;
    case 'pipe':
      walk(def.in, path);
      walk(def.out, path);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)(), path);
      break;
    default:
      if ('innerType' in def) walk(def.innerType, path); // optional, nullable, default, catch, readonly …
  }
}

const exportedEnums = () => {
  const out: Array<{ path: string; values: string[] }> = [];
  for (const [name, value] of Object.entries(domain)) if (value instanceof z.ZodType) enumsIn(value, name, out);
  return out;
};

describe('Chinese labels (issue 9 item 6)', () => {
  it('finds the enums of the plan and the archive schemas (the walk itself works)', () => {
    const paths = exportedEnums().map((e) => e.path);
    expect(paths).toContain('ZPlan.committee.kind');
    expect(paths).toContain('ZPlan.levels[]');
    expect(paths.some((p) => p.startsWith('ZArchiveEntryData') && p.endsWith('.patentType'))).toBe(true);
    expect(paths.length).toBeGreaterThan(30);
  });

  it('every value of every exported z.enum has a Chinese label', () => {
    const maps = Object.values(LABELS) as Array<Readonly<Record<string, string>>>;
    // a vocabulary whose values are Chinese words already (e.g. 职称系列 工程, 经济 …) is its own label
    const coded = exportedEnums().filter(({ values }) => !values.every((v) => CHINESE.test(v)));
    const missing = coded.flatMap(({ path, values }) =>
      maps.some((m) => values.every((v) => Object.hasOwn(m, v)))
        ? []
        : [`${path}: ${values.filter((v) => !maps.some((m) => Object.hasOwn(m, v))).join(', ') || values.join(', ')}`],
    );
    expect(missing, 'add the words to packages/domain/src/labels/labels.ts').toEqual([]);
  });

  it('a label is Chinese words, never the code itself', () => {
    for (const [kind, map] of Object.entries(LABELS)) {
      for (const [value, label] of Object.entries(map)) {
        if (CHINESE.test(value)) continue; // 职称系列: the value is a word already (律师)
        expect(label, `${kind}.${value}`).not.toBe(value);
        expect(label, `${kind}.${value}`).toMatch(/[\u4e00-\u9fa5]|^(JPG|PNG)/);
      }
    }
  });

  it('the words the issue named: senior, normal, applicationStatus', () => {
    expect(labelOf('titleLevel', 'senior')).toBe('高级工程师');
    expect(labelOf('applicationMode', 'normal')).toBe('正常申报');
    expect(labelOf('smsTemplate', 'applicationStatus')).toBe('申报进度通知');
    expect(labelOf('auditTarget', 'plan')).toBe('评审计划');
    expect(labelOf('auditTarget', 'application')).toBe('职称申报');
    expect(labelOf('titleLevel', null)).toBe('—');
    expect(labelOf('titleLevel', 'chiefEngineer')).toBe('未知（chiefEngineer）');
    expect(labelOf('titleLevel', 'toString')).toBe('未知（toString）');
  });

  it('every SMS template the server sends has a name (server/src/platform/notifications)', () => {
    expect(Object.keys(SMS_TEMPLATE_LABELS).sort()).toEqual(
      [
        'applicationStatus',
        'bindingApproved',
        'bindingRefused',
        'employerApproved',
        'employerRefused',
        'feeNotice',
        'loginCode',
        'passwordResetCode',
        'unitJoinApproved',
        'unitJoinRefused',
        'unitJoinRequested',
      ].sort(),
    );
  });

  it('select options keep the vocabulary order with words as labels', () => {
    expect(labelOptions('committeeKind')).toEqual([
      { value: 'senior', label: '高级评审委员会（高评委）' },
      { value: 'intermediate', label: '中级评审委员会（中评委）' },
    ]);
  });
});

describe('maskPersonName (audit log object names)', () => {
  it('keeps the first character only', () => {
    expect(maskPersonName('张伟')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('李')).toBe('李*');
    expect(maskPersonName('')).toBe('—');
  });
});
