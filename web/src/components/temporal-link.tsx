/** A workflow's page in the Temporal Web UI (the API gives the address to officials only). */
export function TemporalLink({
  href,
  label = '在 Temporal Web UI 查看流程',
}: {
  href: string;
  label?: string;
}) {
  return (
    <a className="temporal-link" href={href} target="_blank" rel="noopener noreferrer">
      {label} ↗
    </a>
  );
}
