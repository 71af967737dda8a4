import { useMemo, useState } from 'react';
import { Button, Descriptions, Flex, Typography } from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import { formatBytes } from '@zc/domain';
import { FileView, isPdf, OpenInNewWindow } from '@shared/components/file-view';
import { useRegions } from '@shared/regions';
import type { ArchiveEntry, Evidence } from '../api';
import { describeEntry } from '../fields';

/** The entry's data as a Descriptions list with Chinese labels. */
export function EntryDataDescriptions({ entry, extra = [] }: { entry: ArchiveEntry; extra?: DescriptionsItemType[] }) {
  const regions = useRegions();
  const names = useMemo(() => new Map((regions.data ?? []).map((r) => [r.id, r.name])), [regions.data]);
  const rows = describeEntry(entry.data, (id) => names.get(id));
  const items: DescriptionsItemType[] = [
    ...extra,
    ...rows.map((r, i) => ({ key: `f${i}`, label: r.label, children: r.value, span: r.wide ? ('filled' as const) : undefined })),
  ];
  return <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" items={items} styles={{ label: { width: 130 } }} />;
}

function EvidenceItem({ f, entrySummary }: { f: Evidence; entrySummary: string }) {
  // images are shown at once; a PDF (often a long scan) opens in the browser's viewer on request
  const [open, setOpen] = useState(!isPdf(f));
  const title = `佐证材料：${f.label ?? f.name}（${entrySummary}）`;
  return (
    <li style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text style={{ minWidth: 0, flex: '1 1 240px' }}>
            {f.label ? `${f.label}：` : ''}
            {f.name}
            <Typography.Text type="secondary"> · {formatBytes(f.size)}</Typography.Text>
          </Typography.Text>
          <Flex gap={8} align="center">
            {isPdf(f) && (
              <Button size="small" type={open ? 'default' : 'primary'} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
                {open ? '收起预览' : '预览'}
                <span className="sr-only">{f.name}</span>
              </Button>
            )}
            <OpenInNewWindow file={f} />
          </Flex>
        </Flex>
        {open && <FileView file={f} title={title} height={isPdf(f) ? 600 : 520} />}
      </Flex>
    </li>
  );
}

/** The evidence files of an entry: images shown inline, PDFs inline in a frame after 预览. */
export function EvidencePreviews({ entry }: { entry: ArchiveEntry }) {
  if (entry.evidence.length === 0) {
    return (
      <Typography.Paragraph type="secondary">
        {entry.verification?.status === 'verified' ? '未上传佐证材料（学历已通过学信数据核验）。' : '未上传佐证材料。'}
      </Typography.Paragraph>
    );
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entry.evidence.map((f) => (
        <EvidenceItem key={f.fileId} f={f} entrySummary={entry.summary} />
      ))}
    </ul>
  );
}
