/**
 * What must be corrected in an entry whose stored data fails the domain's checks (issue 9 item 5: e.g. a
 * work entry saved with 西湖区 as its mountain county). The server sends `problems` (field → message); the
 * field is named with the form's label so the applicant knows where to look.
 */
import { Alert } from 'antd';
import type { ArchiveEntry } from '../api';
import { achievementTypeOf, fieldsFor } from '../fields';

export function EntryProblems({
  entry,
  viewer,
}: {
  entry: Pick<ArchiveEntry, 'kind' | 'data' | 'problems'>;
  viewer: 'applicant' | 'employer';
}) {
  const problems = Object.entries(entry.problems ?? {});
  if (problems.length === 0) return null;
  const fields = fieldsFor(entry.kind, achievementTypeOf(entry.data));
  const label = (name: string) => fields.find((f) => f.name === name)?.label;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="entry-problems"
      title={viewer === 'applicant' ? '该条目须修改后才能提交单位审核' : '该条目内容未通过平台校验，不能审核通过，请退回申报人修改'}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {problems.map(([field, message]) => (
            <li key={field}>
              {label(field) ? `${label(field)}：` : ''}
              {message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
