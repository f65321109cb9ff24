// Messages the user must see: a file that could not be opened (with every problem and where it
// is), a save that needs a decision, a recovered session. Success notes fade by themselves.
import { useEffect } from 'react';
import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { dismissNotice, useSession, type Notice } from '../state/session';

const SUCCESS_MS = 2500;

function NoticeCard({ notice }: { notice: Notice }) {
  useEffect(() => {
    if (notice.tone !== 'success') return;
    const t = setTimeout(() => dismissNotice(notice.id), SUCCESS_MS);
    return () => clearTimeout(t);
  }, [notice]);
  const Icon = notice.tone === 'error' ? CircleAlert : notice.tone === 'success' ? CircleCheck : Info;
  return (
    <div className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid={`notice-${notice.tone}`}>
      <Icon size={16} className="notice-icon" />
      <div>
        <div className="notice-title">{notice.title}</div>
        {notice.detail !== undefined && <div className="notice-detail">{notice.detail}</div>}
        {notice.items !== undefined && notice.items.length > 0 && (
          <ul className="notice-items">{notice.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
        )}
        {notice.actions !== undefined && (
          <div className="notice-actions">
            {notice.actions.map((a) => (
              <button key={a.label} className="btn small outline" onClick={() => { dismissNotice(notice.id); a.run(); }}>{a.label}</button>
            ))}
          </div>
        )}
      </div>
      <button className="btn icon small" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}><X size={14} /></button>
    </div>
  );
}

export function Notices() {
  const notices = useSession((s) => s.notices);
  return <div className="notices">{notices.map((n) => <NoticeCard key={n.id} notice={n} />)}</div>;
}
