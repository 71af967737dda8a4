/** What the wizard's autosave is doing, in words (a live region, so screen readers hear it too). */
import { Button, Flex, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AUTOSAVE_RETRY_MS, type SaveState } from './use-autosave';

export function SaveIndicator({ state, onRetry, warning }: { state: SaveState; onRetry: () => void; warning?: string | null }) {
  return (
    <Flex gap={8} align="center" wrap role="status" aria-live="polite" data-testid="save-state" style={{ fontSize: 14 }}>
      {state.kind === 'error' ? (
        <>
          <Typography.Text type="danger">
            <ExclamationCircleOutlined aria-hidden /> 保存失败：{state.message}
            {state.willRetry ? `（${AUTOSAVE_RETRY_MS / 1000} 秒后自动重试）` : ''}
          </Typography.Text>
          <Button size="small" danger onClick={onRetry}>
            重试
          </Button>
        </>
      ) : state.kind === 'saving' || state.kind === 'pending' ? (
        <Typography.Text type="secondary">
          <LoadingOutlined aria-hidden /> 正在保存…
        </Typography.Text>
      ) : state.kind === 'saved' ? (
        <Typography.Text type="secondary">
          <CheckCircleOutlined aria-hidden style={{ color: '#237804' }} /> 已自动保存 {dayjs(state.at).format('HH:mm:ss')}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">修改随时自动保存</Typography.Text>
      )}
      {warning && <Typography.Text type="danger">{warning}</Typography.Text>}
    </Flex>
  );
}
