// View actions: session state only, so none of them dirties the document.
import { requestFit, select, useSession } from '../state/session';
import { toggleColouring } from '../scene/view-actions';
import { frameObjects } from '../scene/view-state';
import { register } from './registry';

register({
  id: 'view.fit', label: 'Frame selection, or the hall', shortcut: 'F',
  keyTest: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'f',
  // A CAD user's F: frame what is selected; with nothing selected, the whole hall.
  perform: () => {
    const selection = useSession.getState().selection;
    if (selection.length > 0) frameObjects(selection);
    else requestFit();
  },
});
register({
  id: 'view.overlay.heat', label: 'Inlet temperature overlay', shortcut: 'H',
  keyTest: (e) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'h',
  perform: () => toggleColouring('heat'),
});
register({
  id: 'edit.clearSelection', label: 'Clear selection', shortcut: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  enabled: () => useSession.getState().selection.length > 0,
  perform: () => select([]),
});
