/**
 * "逾期不再受理": a deadline day runs to 23:59:59 Asia/Shanghai (SPEC §3 [ours]). China has no daylight
 * saving time, so Shanghai is always UTC+8. The server's clock decides; the client's does not matter.
 */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isPastDeadline(deadline: string, now: Date): boolean {
  return shanghaiDate(now) > deadline;
}

export function deadlineMessage(what: string, deadline: string): string {
  const [y, m, d] = deadline.split('-');
  return `${what}已于 ${y} 年 ${Number(m)} 月 ${Number(d)} 日 24 时截止，逾期不再受理`;
}
