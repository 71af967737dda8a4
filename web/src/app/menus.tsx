import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  LinkOutlined,
  MessageOutlined,
  NotificationOutlined,
  PayCircleOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { employerApproved, type SessionUser } from '@shared/session';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
}

const notifications: MenuEntry = { path: '/notifications', label: '消息通知', icon: <BellOutlined aria-hidden /> };

/** Each role's side menu. */
export function menuFor(user: SessionUser): MenuEntry[] {
  switch (user.role) {
    case 'applicant':
      return [
        { path: '/applicant', label: '首页', icon: <HomeOutlined aria-hidden /> },
        { path: '/applicant/profile', label: '基本信息', icon: <IdcardOutlined aria-hidden /> },
        { path: '/applicant/binding', label: '单位绑定', icon: <LinkOutlined aria-hidden /> },
        { path: '/applicant/archive', label: '个人业绩档案', icon: <FolderOpenOutlined aria-hidden /> },
        { path: '/applicant/plans', label: '评审计划', icon: <ScheduleOutlined aria-hidden /> },
        { path: '/applicant/applications', label: '我的申报', icon: <FormOutlined aria-hidden /> },
        { path: '/applicant/fees', label: '缴费', icon: <PayCircleOutlined aria-hidden /> },
        notifications,
      ];
    case 'employer':
      return employerApproved(user)
        ? [
            { path: '/employer', label: '首页', icon: <HomeOutlined aria-hidden /> },
            { path: '/employer/bindings', label: '人员绑定审核', icon: <TeamOutlined aria-hidden /> },
            { path: '/employer/archive', label: '档案审核', icon: <FileDoneOutlined aria-hidden /> },
            { path: '/employer/applications', label: '职称申报审核', icon: <FormOutlined aria-hidden /> },
            { path: '/employer/fees', label: '缴费', icon: <PayCircleOutlined aria-hidden /> },
            { path: '/employer/register', label: '单位注册信息', icon: <BankOutlined aria-hidden /> },
            notifications,
          ]
        : [{ path: '/employer/register', label: '单位注册', icon: <BankOutlined aria-hidden /> }, notifications];
    case 'officer':
      return [
        { path: '/manage', label: '首页', icon: <HomeOutlined aria-hidden /> },
        { path: '/manage/employers', label: '单位注册审核', icon: <FileSearchOutlined aria-hidden /> },
        {
          path: '/manage/applications',
          label: user.orgKind === 'committeeOffice' ? '资格审查' : '申报审核推荐',
          icon: <FormOutlined aria-hidden />,
        },
        ...(user.orgKind === 'committeeOffice'
          ? [
              { path: '/manage/plans', label: '评审计划', icon: <ScheduleOutlined aria-hidden /> },
              { path: '/manage/experts', label: '评审专家', icon: <SolutionOutlined aria-hidden /> },
              { path: '/manage/publicity', label: '评前公示', icon: <NotificationOutlined aria-hidden /> },
              { path: '/manage/publicity/objections', label: '异议处理', icon: <AlertOutlined aria-hidden /> },
            ]
          : []),
        { path: '/manage/fees', label: '缴费管理', icon: <PayCircleOutlined aria-hidden /> },
        ...(user.orgKind === 'committeeOffice'
          ? []
          : [{ path: '/manage/fee-setting', label: '收费设定', icon: <PayCircleOutlined aria-hidden /> }]),
        { path: '/manage/statistics', label: '统计分析', icon: <BarChartOutlined aria-hidden /> },
        notifications,
      ];
    case 'expert':
      return [{ path: '/manage', label: '首页', icon: <HomeOutlined aria-hidden /> }, notifications];
    case 'admin':
      return [
        { path: '/admin', label: '首页', icon: <HomeOutlined aria-hidden /> },
        { path: '/admin/organizations', label: '机构与账号', icon: <UserOutlined aria-hidden /> },
        { path: '/admin/employers', label: '单位注册审核', icon: <FileSearchOutlined aria-hidden /> },
        { path: '/admin/sms', label: '短信发件箱', icon: <MessageOutlined aria-hidden /> },
        { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined aria-hidden /> },
        { path: '/admin/calendar', label: '工作日历', icon: <ScheduleOutlined aria-hidden /> },
        { path: '/admin/statistics', label: '统计分析', icon: <BarChartOutlined aria-hidden /> },
        notifications,
      ];
  }
}
