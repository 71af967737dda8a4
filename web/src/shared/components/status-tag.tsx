import { Tag } from 'antd';
import type { ApplicationStatus } from '@zc/domain';

/**
 * Status tags with dark text on a pale background: antd's preset colours (green text on pale green …)
 * fall below the 4.5:1 contrast GB/T 37668 asks for.
 */
export type Tone = 'pending' | 'success' | 'danger' | 'neutral' | 'info';

const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  pending: { color: '#7a4100', background: '#fff7e6', borderColor: '#ffc069' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ff9c9c' },
  neutral: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
  info: { color: '#0d3f82', background: '#eaf2fc', borderColor: '#8fb4e3' },
};

/** Applications (packages/domain APPLICATION_STATUSES): a new status without a colour fails the typecheck. */
const APPLICATION_TONES: Record<ApplicationStatus, Tone> = {
  draft: 'neutral',
  submitted: 'pending',
  employerPublicity: 'info',
  inReview: 'info',
  returned: 'danger',
  rejected: 'danger',
  atCommittee: 'pending',
  qualified: 'success',
  prePublicity: 'info',
  awaitingExpertReview: 'success',
};

/** Other records' statuses (registrations, bindings, archive entries, SMS, objections …). */
const STATUS_TONES: Record<string, Tone> = {
  ...APPLICATION_TONES,
  pending: 'pending',
  approved: 'success',
  refused: 'danger',
  cancelled: 'neutral',
  sent: 'success',
  failed: 'danger',
  queued: 'pending',
};

export function StatusTag({ status, label, tone }: { status?: string; label: string; tone?: Tone }) {
  const t = TONES[tone ?? STATUS_TONES[status ?? ''] ?? 'neutral'];
  return (
    // a long label wraps inside its cell instead of running over the next column (issue 9 item 6)
    <Tag style={{ ...t, marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%', overflowWrap: 'anywhere' }} variant="outlined">
      {label}
    </Tag>
  );
}
