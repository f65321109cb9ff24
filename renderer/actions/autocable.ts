// "Auto-cable": turn the generated fabric into document links, one per cable, as one undo step.
// The fabric is computed here on the main thread from the current document rather than taken
// from the worker's last result: that result may lag the document by an edit, and its bundles
// would have to travel through the worker protocol only for this button. It costs a few ms on
// the demo hall; on a hall big enough to be slow (~0.3 s for 8,000 racks) the answer is a refusal.
import { autoCableLinks, computeFabric, AUTO_CABLE_MAX_LINKS } from '../../engine/fabric/index';
import { autoCable } from '../document/edits';
import { useEditor } from '../editor/state';
import { applyOperation, useDocument } from '../state/document';
import { notify } from '../state/session';
import { mod, register } from './registry';

/** What the notice says; exported for the panel's tooltip and tests. */
export function runAutoCable(maxLinks = AUTO_CABLE_MAX_LINKS): { ok: boolean; message: string } {
  const doc = useDocument.getState().doc;
  if (doc === null) return { ok: false, message: 'No project is open.' };
  const fabric = computeFabric(doc);
  const made = autoCableLinks(doc, fabric, { maxLinks });
  if (!made.ok) {
    notify({ tone: 'error', title: 'Auto-cable refused', detail: made.error });
    return { ok: false, message: made.error };
  }
  applyOperation(autoCable, { fabric, maxLinks });
  const parts = [`${made.generated.toLocaleString('en')} fabric links`];
  if (made.replaced > 0) parts.push(`replacing ${made.replaced.toLocaleString('en')} generated before`);
  const kept = made.links.length - made.generated;
  if (kept > 0) parts.push(`${kept.toLocaleString('en')} drawn links kept`);
  if (made.skipped > 0) parts.push(`${made.skipped.toLocaleString('en')} cables skipped (an end without a rack)`);
  const message = `${parts.join('; ')}.`;
  notify({ tone: 'success', title: 'Auto-cable', detail: message });
  return { ok: true, message };
}

register({
  id: 'fabric.autoCable', label: 'Auto-cable the fabric (links from the generator)', shortcut: 'Ctrl+Shift+K',
  // Shift+K alone would reach tool.connect (K), whose key test ignores Shift.
  keyTest: (e) => mod(e) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k',
  enabled: () => useDocument.getState().doc !== null && !useEditor.getState().busy,
  perform: () => { runAutoCable(); },
});
