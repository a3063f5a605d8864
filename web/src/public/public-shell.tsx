import type { ReactNode } from 'react';
import { Link } from '../router';
import { useSession } from '../session';

/** The public pages' own menu: what anyone may read without an account. */
export const PUBLIC_NAV = [
  { to: '/public/evaluation', label: '评估结果与等级' },
  { to: '/public/competitions', label: '公益创投资助名单' },
  { to: '/public/purchases', label: '购买服务公告与结果' },
  { to: '/public/verify', label: '文书核验' },
  { to: '/public/complaint', label: '评估举报' },
] as const;

/** A public page: the authority, the public menu and a way back to staff sign-in. No shell. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { info } = useSession();
  const here = window.location.pathname;
  return (
    <div className="public-page">
      <header className="public-head">
        <p className="brand-org">{info?.authorityName ?? '常州市钟楼区民政局'} · 信息公开</p>
        <nav className="public-nav" aria-label="公开信息">
          {PUBLIC_NAV.map((n) => (
            <Link
              key={n.to}
              to={n.to}
              aria-current={here.startsWith(n.to) ? 'page' : undefined}
              className="public-nav-link"
            >
              {n.label}
            </Link>
          ))}
          <Link to="/" className="public-nav-link">
            工作人员登录
          </Link>
        </nav>
        <h1 className="page-title">{title}</h1>
      </header>
      {children}
    </div>
  );
}

/** ¥1,234.50 from yuan. */
export const yuanText = (yuan: number) =>
  `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
