import type { ReactNode } from 'react';
import { useInboxCounts } from '../inbox/counts';
import type { NavItem } from '../modules';
import { Link, navigate, usePath } from '../router';
import { useSession } from '../session';

/** The frame of every signed-in page: the bureau's header, the role's menu and the page. */
export function Layout({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  const { account, info, signOut } = useSession();
  const path = usePath();
  // The longest menu entry that the path lies under is the current one (/admin vs /admin/rules).
  const current = nav
    .filter((n) => path === n.to || path.startsWith(`${n.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const active = (to: string) => to === current;
  const counts = useInboxCounts(
    nav.some((n) => n.badge === 'inbox'),
    path,
  );
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="emblem emblem-sm" aria-hidden="true">
              民
            </span>
            <span className="brand-text">
              <span className="brand-org">{info?.authorityName ?? '常州市钟楼区民政局'}</span>
              <span className="brand-app">社会组织业务办理</span>
            </span>
          </Link>
          <div className="user">
            <span className="user-name">
              {account?.displayName}
              <span className="user-role">{account?.roleLabel}</span>
            </span>
            <Link to="/account" className="btn btn-ghost btn-sm">
              账号安全
            </Link>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => void signOut().then(() => navigate('/', { replace: true }))}
            >
              退出
            </button>
          </div>
        </div>
        <nav className="mainnav" aria-label="主菜单">
          <div className="mainnav-inner">
            {nav.map((n) => (
              <Link
                key={n.to}
                to={n.to}
                className={active(n.to) ? 'active' : undefined}
                aria-current={active(n.to) ? 'page' : undefined}
              >
                {n.label}
                {n.badge === 'inbox' && counts && counts.total > 0 && (
                  <span
                    className={`nav-count${counts.overdue > 0 ? ' nav-count-overdue' : ''}`}
                    title={`待办${counts.total}件${counts.overdue > 0 ? `，已逾期${counts.overdue}件` : ''}`}
                  >
                    {counts.total}
                  </span>
                )}
              </Link>
            ))}
          </div>
        </nav>
      </header>
      <main className="page">{children}</main>
      <footer className="footer">
        {info?.authorityName ?? '常州市钟楼区民政局'} · 社会组织业务办理系统
      </footer>
    </div>
  );
}
