/** The evidence files of an application, each a download link (the API decides who may read them). */
export function EvidenceLinks({ ids }: { ids: string[] }) {
  return (
    <>
      {ids.length} 份
      {ids.map((fid, i) => (
        <a key={fid} className="evidence-link" href={`/api/files/${fid}`} download>
          {' '}
          材料{i + 1}
        </a>
      ))}
    </>
  );
}
