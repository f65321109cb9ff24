// View actions: session state only, so none of them dirties the document.
import { requestFit, select, toggleOverlay, useSession } from '../state/session';
import { register } from './registry';

register({
  id: 'view.fit', label: 'Fit hall', shortcut: 'F',
  keyTest: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'f',
  perform: () => requestFit(),
});
register({
  id: 'view.overlay.heat', label: 'Inlet temperature overlay', shortcut: 'H',
  keyTest: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'h',
  perform: () => toggleOverlay('heat'),
});
register({
  id: 'edit.clearSelection', label: 'Clear selection', shortcut: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  enabled: () => useSession.getState().selection.length > 0,
  perform: () => select([]),
});
