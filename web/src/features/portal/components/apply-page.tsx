/**
 * /public/plans/:id/apply — where 我要申报 leads (after the login, which returns here): an applicant's draft
 * for the plan is opened (or created) and the wizard shown; anyone else is told what to do.
 */
import { useEffect, useRef } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Alert, Flex, Spin } from 'antd';
import { LinkButton } from '@shared/components/link-button';
import { useSession } from '@shared/session';
import { useStartApplication } from '../api';

export function ApplyPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const start = useStartApplication();
  const navigate = useNavigate();
  const started = useRef(false);
  const user = session.data?.user;
  const applicant = user?.role === 'applicant';

  useEffect(() => {
    if (!applicant || started.current) return;
    started.current = true;
    start.mutate(id, { onSuccess: (r) => void navigate(`/applicant/applications/${r.id}`, { replace: true }) });
  }, [applicant, id, start, navigate]);

  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(`/public/plans/${id}/apply`)}`} replace />;
  if (!applicant)
    return (
      <Alert
        type="info"
        showIcon
        title="职称申报须使用申报人账号"
        description="您当前登录的不是申报人账号。请退出后使用申报人账号登录，或注册申报人账号。"
        action={<LinkButton to={`/public/plans/${id}`}>返回计划</LinkButton>}
      />
    );
  if (start.isError)
    return (
      <Alert
        type="warning"
        showIcon
        title="暂时无法开始申报"
        description={start.error.message}
        action={<LinkButton to={`/public/plans/${id}`}>返回计划</LinkButton>}
      />
    );
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Flex vertical align="center" gap={12}>
        <Spin size="large" />
        <span>正在打开申报向导…</span>
      </Flex>
    </Flex>
  );
}
