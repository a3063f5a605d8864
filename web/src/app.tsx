import { Layout } from './components/layout';
import { Card, Loading } from './components/ui';
import { ROLE_HOME } from './labels';
import { usePageTitle } from './page-title';
import { LoginPage } from './pages/login-page';
import { SecondFactorPage } from './pages/second-factor-page';
import { MODULES } from './processes';
import { findPublicRoute } from './public/public-routes';
import { Link, matchPath, navigate, usePath } from './router';
import { useSession } from './session';

/** Signs in, then routes each path to the page of the module that owns it. */
export function App() {
  const { account, pending, ready } = useSession();
  const path = usePath();
  const match = account ? findRoute(path, account.role) : null;
  const redirecting = path === '/' || path === '/login';
  const publicPage = findPublicRoute(path);
  // The sign-in steps are shown at whatever path was asked for ('/' above all): titled first.
  usePageTitle(
    !ready
      ? null
      : publicPage
        ? publicPage.route.title
        : pending
          ? '双因素认证'
          : !account
            ? '登录'
            : redirecting
              ? null
              : (match?.route.title ?? '没有找到该页面'),
  );
  if (!ready) return <Loading />;
  // Anyone may read what the law makes public, verify a document and complain (§4.5 rule 8).
  if (publicPage) return <>{publicPage.route.render(publicPage.params)}</>;
  if (pending) return <SecondFactorPage pending={pending} />;
  if (!account) return <LoginPage />;

  const nav = MODULES.flatMap((m) => m.nav(account.role, account));
  const home = ROLE_HOME[account.role] ?? nav[0]?.to ?? '/';
  if (redirecting) {
    queueMicrotask(() => navigate(home, { replace: true }));
    return <Loading />;
  }
  if (match?.route.print) return <>{match.route.render(match.params)}</>;
  if (match) return <Layout nav={nav}>{match.route.render(match.params)}</Layout>;
  return (
    <Layout nav={nav}>
      <Card title="没有找到该页面">
        <p>该页面不存在，或您的账号无权查看。</p>
        <Link to={home}>返回首页</Link>
      </Card>
    </Layout>
  );
}

/** The first route whose pattern matches, if this role may open it; null otherwise. */
function findRoute(path: string, role: string) {
  for (const route of MODULES.flatMap((m) => m.routes)) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (!(route.roles as readonly string[]).includes(role)) return null;
    return { route, params };
  }
  return null;
}
