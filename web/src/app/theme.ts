import type { ThemeConfig } from 'antd';

/**
 * Government-portal look, primary #1557b0. Text colours antd draws in light grey
 * (descriptions, placeholders, Descriptions labels) are darkened to pass 4.5:1 (GB/T 37668, axe),
 * and so are link, info and error colours.
 */
export const PRIMARY = '#1557b0';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    // antd lightens links on hover (below 4.5:1 on white); darken instead, so a hovered link stays readable
    colorLinkHover: '#0f4590',
    colorLinkActive: '#0c3a7a',
    colorError: '#c41d1d',
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextPlaceholder: '#737373',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  },
  components: {
    Layout: { headerBg: PRIMARY, headerColor: '#ffffff', headerPadding: '0 16px', bodyBg: '#f3f5f8', siderBg: '#ffffff' },
  },
};
