import { Link } from 'react-router';
import { Card, Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ItemList } from '@shared/components/item-list';
import { LinkButton } from '@shared/components/link-button';
import { useNotices, type Notice } from '../api';
import { NoticeRow, noticeDate } from './notice-pages';

/** notices on the home page; the rest under 更多通知 */
const HOME_NOTICES = 8;

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

/** what anyone can do here without signing in */
const PUBLIC_LINKS = [
  {
    to: '/public/plans',
    icon: <ScheduleOutlined aria-hidden />,
    title: '申报计划',
    text: '正在受理的评审计划：申报条件、时间安排、评审费，以及申报入口。',
    action: '查看申报计划',
  },
  {
    to: '/public/publicity',
    icon: <NotificationOutlined aria-hidden />,
    title: '公示公告',
    text: '评前公示、评审结果公示等名单；对公示对象有异议的，可在公示期内实名反映。',
    action: '查看公示',
  },
  {
    to: '/public/verify',
    icon: <SafetyCertificateOutlined aria-hidden />,
    title: '证书查验',
    text: '输入证书编号或扫描电子证书上的二维码，查验职称证书是否真实有效。',
    action: '查验证书',
  },
] as const;

export function PublicHome() {
  const notices = useNotices({ page: 1, pageSize: HOME_NOTICES });

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

      <Row gutter={[16, 16]}>
        {PUBLIC_LINKS.map((l) => (
          <Col key={l.to} xs={24} md={8}>
            <Card style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
                <span style={{ color: '#1557b0', marginInlineEnd: 8 }}>{l.icon}</span>
                {l.title}
              </Typography.Title>
              <Typography.Paragraph>{l.text}</Typography.Paragraph>
              <LinkButton to={l.to}>{l.action}</LinkButton>
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
        extra={<Link to="/public/notices">更多通知</Link>}
      >
        {notices.isLoading ? (
          <Skeleton active />
        ) : (
          <ItemList<Notice>
            items={notices.data?.items ?? []}
            itemKey={(n) => n.id}
            render={(n) => <NoticeRow n={n} />}
            extra={(n) => <Typography.Text type="secondary">{noticeDate(n)}</Typography.Text>}
            empty={<Empty description="暂无通知公告" />}
          />
        )}
      </Card>
    </Flex>
  );
}
