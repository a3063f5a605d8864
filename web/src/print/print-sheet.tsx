import type { ReactNode } from 'react';
import { Link } from '../router';
import { useSession } from '../session';
import { VerificationMark } from './verification-mark';

const longDate = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** "2026年12月3日" in China Standard Time. */
export const printDate = (iso: string) => longDate.format(new Date(iso));

/**
 * A decision as a printed sheet (issue 15 point 7): the authority's name on top, the file
 * number, the body, the date and the authority again as the signature; no menu, no buttons on
 * paper (the print stylesheet hides `.no-print`).
 */
export function PrintSheet({
  title,
  fileNo,
  date,
  back,
  verification,
  children,
}: {
  title: string;
  fileNo: string;
  date: string;
  back: string;
  /** A sealed document's verification code and page: its QR code goes beside the signature. */
  verification?: { code: string; url: string } | null | undefined;
  children: ReactNode;
}) {
  const authority = useSession().info?.authorityName ?? '常州市钟楼区民政局';
  return (
    <div className="print-page">
      <div className="print-tools no-print">
        <Link to={back}>返回</Link>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          打印
        </button>
      </div>
      <article className="print-sheet">
        <header>
          <p className="print-authority">{authority}</p>
          <h1 className="print-title">{title}</h1>
          <p className="print-file-no">{fileNo}</p>
        </header>
        <div className="print-body">{children}</div>
        <footer className="print-footer">
          {verification ? <VerificationMark {...verification} /> : <span />}
          <div className="print-signature">
            <p>{authority}</p>
            <p>{printDate(date)}</p>
          </div>
        </footer>
      </article>
    </div>
  );
}
