import { useSession } from '../session';

/**
 * A workflow's page in the Temporal Web UI: a tool for the system's administrators, so it is
 * shown to them only (the API gives the address to them only, too).
 */
export function TemporalLink({
  href,
  label = '在 Temporal Web UI 查看流程',
}: {
  href: string | null | undefined;
  label?: string;
}) {
  const { account } = useSession();
  if (!href || account?.role !== 'administrator') return null;
  return (
    <a className="temporal-link" href={href} target="_blank" rel="noopener noreferrer">
      {label} ↗
    </a>
  );
}
