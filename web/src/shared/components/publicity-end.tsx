/**
 * A publicity end date as every page shows it: a provisional one (its year's official holiday schedule not
 * entered yet, issue 9 item 2) carries the words the server uses too (provisionalEndNote).
 */
import { Tooltip } from 'antd';
import { provisionalEndNote } from '@zc/domain';
import { StatusTag } from './status-tag';

export function PublicityEndDate({ date, provisional }: { date: string | null; provisional: boolean }) {
  if (!date) return <>—</>;
  if (!provisional) return <>{date}</>;
  const note = provisionalEndNote(date);
  return (
    <Tooltip title="按周末和《全国年节及纪念日放假办法》规定的法定节假日暂定计算，未含调休；录入正式放假安排后自动重新计算">
      <span>
        {date}
        <span style={{ marginInlineStart: 6 }}>
          <StatusTag tone="pending" label={note} />
        </span>
      </span>
    </Tooltip>
  );
}

/** The same, as plain text (titles, messages). */
export function publicityEndText(date: string, provisional: boolean): string {
  return provisional ? `${date}（${provisionalEndNote(date)}）` : date;
}
