import type { DeficiencyItem } from '../../../domain/registration/completeness';

/** Every item of a deficiency notice with what to do and its legal basis. */
export function NoticeItems({ items }: { items: DeficiencyItem[] }) {
  return (
    <ol className="notice-items">
      {items.map((i) => (
        <li key={`${i.code}-${i.target}`}>
          <strong>{i.title}</strong>
          <p>{i.description}</p>
          <small className="muted">依据：{i.legalBasis}</small>
        </li>
      ))}
    </ol>
  );
}
