import { Layout } from './components/layout';
import { Card, Loading } from './components/ui';
import { ROLE_HOME } from './labels';
import { PUBLIC_COMPLAINT_PATH } from './evaluation/public-path';
import { PublicComplaintPage } from './evaluation/public-complaint-page';
import { LoginPage } from './pages/login-page';
import { SecondFactorPage } from './pages/second-factor-page';
import { MODULES } from './processes';
import { Link, matchPath, navigate, usePath } from './router';
import { useSession } from './session';

/** Signs in, then routes each path to the page of the module that owns it. */
export function App() {
  const { account, pending, ready } = useSession();
  const path = usePath();
  if (!ready) return <Loading />;
  // Anyone may complain without an account (§4.5 rule 8).
  if (path === PUBLIC_COMPLAINT_PATH) return <PublicComplaintPage />;
  if (pending) return <SecondFactorPage pending={pending} />;
  if (!account) return <LoginPage />;

  const nav = MODULES.flatMap((m) => m.nav(account.role));
  const home = ROLE_HOME[account.role] ?? nav[0]?.to ?? '/';
  if (path === '/' || path === '/login') {
    queueMicrotask(() => navigate(home, { replace: true }));
    return <Loading />;
  }
  const routes = MODULES.flatMap((m) => m.routes);
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (!params) continue;
    if (!r.roles.includes(account.role)) break;
    return <Layout nav={nav}>{r.render(params)}</Layout>;
  }
  return (
    <Layout nav={nav}>
      <Card title="没有找到该页面">
        <p>该页面不存在，或您的账号无权查看。</p>
        <Link to={home}>返回首页</Link>
      </Card>
    </Layout>
  );
}
