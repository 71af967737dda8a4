/** The employer's actions (SPEC §6): 通过并公示, 登记异议, 报送 after the publicity, 退回, 不通过. */
import { UnknownCalendarYearError, provisionalEndNote, publicityEnd, shanghaiDate } from '@zc/domain';
import { fail } from '../../../../platform/http/errors';
import { scheduleReminders } from '../../../calendar/reminders';
import type { Handler } from '../context';
import { feesDue, handToNextStep, rejectApplication, returnToApplicant } from './shared';

export const employerApprove: Handler = async (c) => {
  const { a, now, plan } = c;
  let end: ReturnType<typeof publicityEnd>;
  const start = shanghaiDate(now);
  try {
    // a year without an entered schedule gives a provisional end (weekends + statutory holidays), never a refusal
    end = publicityEnd(c.calendar, start, plan.publicity.employerWorkingDays);
  } catch (e) {
    if (e instanceof UnknownCalendarYearError) fail('STATE', e.message);
    throw e;
  }
  // a publicity already completed before a return is not repeated
  const done = a.publicityEnd && a.publicityEnd < start;
  Object.assign(c.set, done ? {} : { publicityStart: start, publicityEnd: end.date, publicityEndProvisional: end.provisional });
  const endText = `${end.date}${end.provisional ? `（${provisionalEndNote(end.date)}）` : ''}`;
  c.toApplicant(
    '单位审核通过',
    `${c.auth.user.orgName}已审核通过您的申报${done ? '' : `，公示期 ${start} 至 ${endText}`}。意见：${c.reason || '同意推荐'}`,
  );
  if (!done && end.provisional) {
    c.note(`公示截止日 ${end.date} 为暂定日期：${provisionalEndNote(end.date)}`, {
      publicityEnd: end.date,
      publicityEndProvisional: true,
    });
    c.messages.push(...(await scheduleReminders(c.tx, end.provisionalYears)));
  }
};

export const recordObjection: Handler = async (c) => {
  const objection = c.input.objection;
  if (!objection?.content?.trim()) fail('VALIDATION', '请填写异议内容及处理情况');
  c.set.objections = [...(c.a.objections as unknown[]), { at: c.now.toISOString(), ...objection }];
};

/** 报送: to the first step of the chain (the employerPublicityEnded guard has passed), or to the office when it is first. */
export const employerForward: Handler = async (c) => {
  await feesDue(c, 'employerForwarded');
  const first = await handToNextStep(c);
  c.toApplicant('已报送主管部门', `${c.auth.user.orgName}已将您的申报报送${first.label}。`);
};

export const employerReturn: Handler = async (c) => returnToApplicant(c, []);

export const employerReject: Handler = rejectApplication;
