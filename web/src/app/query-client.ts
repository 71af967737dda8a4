import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@shared/api-client';
import { sessionKey, type SessionInfo } from '@shared/session';
import { globalMessage } from './feedback-bridge';

/**
 * One place for what every request may run into:
 * - the session timed out (SESSION_EXPIRED) or is gone (UNAUTHENTICATED): say so and drop the user from the
 *   cached session, so the route guard sends the browser to /login (with ?next= to come back);
 * - a query failed: show the server's Chinese message (mutations report their own errors next to the form).
 */
/** A sign-in step is still owed (second factor, initial password): re-read the session so the guards route there. */
function stageOwed(err: ApiError): boolean {
  return err.code === 'MFA_REQUIRED' || err.code === 'PASSWORD_CHANGE_REQUIRED';
}

export function createQueryClient(): QueryClient {
  let lastSignedOutAt = 0;
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err) => {
        if (err instanceof ApiError && err.signedOut) return signedOut(err);
        if (err instanceof ApiError && stageOwed(err)) return void client.invalidateQueries({ queryKey: sessionKey });
        void globalMessage()?.error({
          content: err instanceof ApiError ? err.message : '数据加载失败，请刷新页面重试',
          key: 'query-error',
        });
      },
    }),
    mutationCache: new MutationCache({
      onError: (err) => {
        if (err instanceof ApiError && err.signedOut) signedOut(err);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });

  function signedOut(err: ApiError) {
    const now = Date.now();
    if (now - lastSignedOutAt < 3000) return;
    lastSignedOutAt = now;
    const expired = err.code === 'SESSION_EXPIRED';
    void globalMessage()?.warning({ content: expired ? '登录已超时，请重新登录' : '请先登录', key: 'signed-out' });
    client.setQueryData<SessionInfo>(sessionKey, (old) => ({
      user: null,
      csrfToken: old?.csrfToken ?? '',
      expired,
      stage: null,
      sso: old?.sso ?? { enabled: true },
    }));
    // everything cached belonged to the previous session
    client.removeQueries({
      predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== 'regions' && q.queryKey[0] !== 'notices',
    });
  }

  return client;
}
