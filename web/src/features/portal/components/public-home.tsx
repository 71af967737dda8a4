import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Modal, Row, Skeleton, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, UserOutlined } from '@ant-design/icons';
import { ItemList } from '@shared/components/item-list';
import { LinkButton } from '@shared/components/link-button';
import { formatDate } from '@shared/format';
import { useNotices, type Notice } from '../api';

const ENTRIES = [
  {
    key: 'applicant',
    icon: <UserOutlined aria-hidden />,
    title: '申报人',
    text: '专业技术人员：注册或使用浙江政务服务网个人账号登录，完善信息并绑定工作单位。',
    links: [
      { to: '/login', label: '申报人登录' },
      { to: '/register', label: '申报人注册' },
    ],
    heading: '申报人登录/注册',
  },
  {
    key: 'employer',
    icon: <BankOutlined aria-hidden />,
    title: '用人单位',
    text: '单位经办人：注册单位并上传授权委托书，经主管部门审核通过后办理人员绑定与申报审核。',
    links: [
      { to: '/login', label: '用人单位登录' },
      { to: '/employer/register', label: '用人单位注册' },
    ],
    heading: '用人单位登录/注册',
  },
  {
    key: 'manage',
    icon: <ApartmentOutlined aria-hidden />,
    title: '管理部门',
    text: '人力社保部门、主管部门、受理点、评委会办公室及评审专家：使用分配的账号登录。',
    links: [{ to: '/login', label: '管理部门登录' }],
    heading: '管理部门登录',
  },
] as const;

export function PublicHome() {
  const notices = useNotices(10);
  const [open, setOpen] = useState<Notice | null>(null);

  return (
    <Flex vertical gap={24}>
      <Card styles={{ body: { padding: '28px 24px' } }}>
        <Typography.Title level={1} style={{ fontSize: 28, marginTop: 0 }}>
          职称申报评审平台
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, marginBottom: 0 }}>
          浙江省专业技术职务任职资格申报与评审管理服务平台。专业技术人员在线申报职称，用人单位、主管部门、人力社保部门和评委会逐级审核推荐、评审，评审结果生成电子证书，全程留痕、可查可验。
        </Typography.Paragraph>
      </Card>

      <Row gutter={[16, 16]}>
        {ENTRIES.map((e) => (
          <Col key={e.key} xs={24} md={8}>
            <Card style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
                <span style={{ color: '#1557b0', marginInlineEnd: 8 }}>{e.icon}</span>
                {e.heading}
              </Typography.Title>
              <Typography.Paragraph>{e.text}</Typography.Paragraph>
              <Flex gap={8} wrap>
                {e.links.map((l, i) => (
                  <LinkButton key={l.to + l.label} to={l.to} type={i === 0 ? 'primary' : 'default'}>
                    {l.label}
                  </LinkButton>
                ))}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>

      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            通知公告
          </Typography.Title>
        }
      >
        {notices.isLoading ? (
          <Skeleton active />
        ) : (notices.data ?? []).length === 0 ? (
          <Empty description="暂无通知公告" />
        ) : (
          <ItemList<Notice>
            items={notices.data ?? []}
            itemKey={(n) => n.id}
            render={(n) => (
              <Flex vertical gap={2}>
                <Button
                  type="link"
                  onClick={() => setOpen(n)}
                  style={{
                    padding: 0,
                    height: 'auto',
                    whiteSpace: 'normal',
                    textAlign: 'left',
                    fontSize: 15,
                    justifyContent: 'flex-start',
                  }}
                >
                  {n.title}
                </Button>
                <Typography.Text type="secondary">{n.publisher}</Typography.Text>
              </Flex>
            )}
            extra={(n) => <Typography.Text type="secondary">{formatDate(n.publishedAt)}</Typography.Text>}
          />
        )}
      </Card>

      <Modal
        open={open !== null}
        title={open?.title}
        onCancel={() => setOpen(null)}
        footer={<Button onClick={() => setOpen(null)}>关闭</Button>}
        width={720}
      >
        {open && (
          <>
            <Typography.Paragraph type="secondary">
              {open.publisher} · {formatDate(open.publishedAt)}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open.body}</Typography.Paragraph>
          </>
        )}
      </Modal>
    </Flex>
  );
}
