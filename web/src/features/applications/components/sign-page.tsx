/**
 * /sign/:token — opened on the applicant's phone from the QR code: the pledge, and a box to sign in with
 * a finger (pointer events, so a mouse or stylus works too). No login: the short-lived signed token is
 * the key. The signature is sent as a PNG.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { useApiErrorHandler } from '@shared/feedback';
import { errorMessage } from '@shared/feedback';
import { usePledgeView, useSignPledge } from '../api';

/** A stroke must cover this many points before we accept it as a signature rather than a tap. */
const MIN_POINTS = 12;

function SignaturePad({ onChange }: { onChange: (points: number) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const points = useRef(0);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const g = c.getContext('2d')!;
    g.scale(ratio, ratio);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.lineWidth = 3;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#111';
  }, []);

  const pos = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  return (
    <canvas
      ref={canvas}
      data-testid="signature-pad"
      aria-label="签名区：请用手指在此处签名"
      role="img"
      style={{ width: '100%', height: 200, border: '1px solid #bfbfbf', borderRadius: 4, touchAction: 'none', background: '#fff' }}
      onPointerDown={(e) => {
        drawing.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        const g = e.currentTarget.getContext('2d')!;
        const p = pos(e);
        g.beginPath();
        g.moveTo(p.x, p.y);
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        const g = e.currentTarget.getContext('2d')!;
        const p = pos(e);
        g.lineTo(p.x, p.y);
        g.stroke();
        points.current += 1;
        onChange(points.current);
      }}
      onPointerUp={() => (drawing.current = false)}
      onPointerCancel={() => (drawing.current = false)}
    />
  );
}

export function SignPage() {
  const { token = '' } = useParams();
  const view = usePledgeView(token);
  const sign = useSignPledge(token);
  const onError = useApiErrorHandler();
  const [points, setPoints] = useState(0);
  const [padKey, setPadKey] = useState(0);
  const [done, setDone] = useState(false);

  if (view.isLoading) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (view.isError) return <Result status="warning" title="无法打开签名页" subTitle={errorMessage(view.error)} />;
  const v = view.data!;
  if (done) return <Result status="success" title="签名成功" subTitle="请回到电脑上继续填写申报，页面会自动更新。" />;

  const submit = () => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="signature-pad"]');
    if (!c) return;
    sign.mutateAsync(c.toDataURL('image/png')).then(() => setDone(true), onError);
  };

  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 20, textAlign: 'center' }}>
        {v.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {v.applicantName} · {v.planName}
      </Typography.Paragraph>
      {v.text.map((t) => (
        <Typography.Paragraph key={t}>{t}</Typography.Paragraph>
      ))}
      {v.signed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您已签过名，再次签名将替换原签名。" />}
      <Typography.Paragraph strong>承诺人签名：</Typography.Paragraph>
      <SignaturePad key={padKey} onChange={setPoints} />
      <Flex gap={12} style={{ marginTop: 12 }}>
        <Button
          size="large"
          onClick={() => {
            setPadKey((k) => k + 1);
            setPoints(0);
          }}
        >
          清除重签
        </Button>
        <Button size="large" type="primary" block disabled={points < MIN_POINTS} loading={sign.isPending} onClick={submit}>
          确认签名
        </Button>
      </Flex>
      {points < MIN_POINTS && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          请在上面的框内用手指写下您的姓名。
        </Typography.Paragraph>
      )}
    </main>
  );
}
