// The export dialog: pick a format (one line says what each is for), then Export… asks for the
// path in the format's own save dialog (a folder for NetBox) and writes. While main writes, the
// dialog shows which export is running; the outcome arrives as a notice.
import { useEffect } from 'react';
import { Download, Loader2, X } from 'lucide-react';
import { closeExportDialog, EXPORT_CHOICES, runExport, useExport } from '../actions/export';
import { useActionContext } from '../app/context';
import { useDocument } from '../state/document';
import '../styles/export.css';

export function ExportDialog() {
  const ctx = useActionContext();
  const { open, format, running } = useExport();
  const hasDoc = useDocument((s) => s.doc !== null);
  useEffect(() => {
    if (!open) return;
    // Escape closes the dialog before any editor action sees it (capture phase).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      closeExportDialog();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (!open) return null;
  const busy = running !== null;
  const runningLabel = EXPORT_CHOICES.find((c) => c.format === running)?.label;
  return (
    <div className="export-dialog" role="dialog" aria-label="Export" aria-busy={busy} data-testid="export-dialog">
      <div className="panel-head">
        Export
        <button className="btn icon small" aria-label="Close" disabled={busy} onClick={closeExportDialog}><X size={14} /></button>
      </div>
      <form onSubmit={(e) => { e.preventDefault(); void runExport(ctx.api, format); }}>
        <fieldset className="export-formats" disabled={busy}>
          <legend className="faint">Format</legend>
          {EXPORT_CHOICES.map((c) => (
            <label key={c.format} className="export-format" data-format={c.format}>
              <input type="radio" name="export-format" value={c.format} checked={format === c.format}
                onChange={() => useExport.setState({ format: c.format })} />
              <span className="export-format-text">
                <span className="export-format-label">{c.label}</span>
                <span className="faint">{c.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="export-foot">
          {busy
            ? <span className="export-progress" role="status" data-testid="export-progress"><Loader2 size={14} className="spin" />Writing {runningLabel}…</span>
            : <span className="faint">{format === 'netbox' ? 'Next: choose a folder.' : 'Next: choose where to save the file.'}</span>}
          <div className="grow" />
          <button type="button" className="btn outline" disabled={busy} onClick={closeExportDialog}>Cancel</button>
          <button type="submit" className="btn primary" disabled={busy || !hasDoc} data-testid="export-run"><Download size={14} />Export…</button>
        </div>
      </form>
    </div>
  );
}
