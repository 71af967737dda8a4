/**
 * The province administrator's reminder (issue 9 item 2): a year whose official holiday schedule is not entered
 * while dates in it are computed provisionally, or from 1 December of the year before.
 */
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '@shared/session';
import { useCalendarStatus } from '../api';

export function ScheduleAlert({ withLink = true }: { withLink?: boolean }) {
  const user = useCurrentUser();
  const province = user.role === 'admin' && user.regionLevel === 'province';
  const status = useCalendarStatus(province);
  if (!province || !status.data?.awaiting.length) return null;
  return (
    <>
      {status.data.awaiting.map((a) => (
        <Alert
          key={a.year}
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${a.year} 年放假调休安排尚未录入`}
          description={
            <>
              {a.year} 年的工作日目前按周末和《全国年节及纪念日放假办法》规定的法定节假日暂定计算（未含调休）
              {a.openPublicity > 0 ? `，已有 ${a.openPublicity} 个未结束的单位公示期截止日为暂定日期` : ''}。 国务院办公厅公布 {a.year}{' '}
              年放假安排后，请在"工作日历"中录入，未结束的公示期将按正式安排重新计算。
            </>
          }
          action={withLink ? <Link to="/admin/calendar">去录入</Link> : undefined}
        />
      ))}
    </>
  );
}
