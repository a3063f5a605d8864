import { type FormEvent, useState } from 'react';
import { Field, ProblemAlert } from '../components/ui';
import { PUBLIC_COMPLAINT_PATH } from '../evaluation/public-path';
import { PUBLIC_NAV } from '../public/public-shell';
import { Link, navigate } from '../router';
import { useSession } from '../session';

/** Sign-in for every role; embedded (demo) mode lists its accounts to pick from. */
export function LoginPage() {
  const { signIn, info } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      if (window.location.pathname === '/login') navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`login-wrap ${info?.demo ? '' : 'login-single'}`}>
      <div className="login-brand">
        <div className="emblem" aria-hidden="true">
          民
        </div>
        <div>
          <p className="brand-org">{info?.authorityName ?? '常州市钟楼区民政局'}</p>
          <h1>社会组织业务办理系统</h1>
          <p className="brand-sub">
            {['成立登记', '等级评估', '公益创投', '政府购买服务'].map((t) => (
              <span key={t}>{t}</span>
            ))}
          </p>
        </div>
      </div>
      <div className="login-grid">
        <form className="card login-card" onSubmit={submit} noValidate>
          <h2 className="side-title">登录</h2>
          <ProblemAlert error={error} />
          <Field label="用户名" required>
            {(id) => (
              <input
                id={id}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field label="密码" required>
            {(id) => (
              <input
                id={id}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? '正在登录…' : '登录'}
          </button>
          <p className="muted login-public">
            对社会组织评估结果或评估等级有举报？
            <Link to={PUBLIC_COMPLAINT_PATH}>无需登录，在此举报</Link>
          </p>
          <nav className="login-public" aria-label="公开信息">
            <span className="muted">信息公开（无需登录）：</span>
            {PUBLIC_NAV.filter((n) => n.to !== PUBLIC_COMPLAINT_PATH).map((n) => (
              <Link key={n.to} to={n.to} className="login-public-link">
                {n.label}
              </Link>
            ))}
          </nav>
        </form>
        {info?.demo && (
          <section className="card demo-card" aria-label="演示账号">
            <h2 className="side-title">演示账号</h2>
            <p className="muted">
              本系统以演示模式运行。点选一个账号即可填入，密码均为 <code>{info.demo.password}</code>
              。
            </p>
            <ul className="demo-list">
              {info.demo.accounts.map((a) => (
                <li key={a.username}>
                  <button
                    type="button"
                    className="demo-account"
                    onClick={() => {
                      setUsername(a.username);
                      setPassword(info.demo?.password ?? '');
                    }}
                  >
                    <span className="demo-role">{a.roleLabel}</span>
                    <span className="demo-name">
                      {a.displayName}（{a.username}）
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
