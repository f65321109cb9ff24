// Tool and display actions: pick a tool, metric or imperial display, the shortcut help. Session
// state only: none of these changes the document.
import { useDocument } from '../state/document';
import { setUnits, useEditor } from '../editor/state';
import { setTool } from '../tools/manager';
import { register } from './registry';

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;
const hasDoc = () => useDocument.getState().doc !== null;

register({ id: 'tool.select', label: 'Select and move', shortcut: 'V', enabled: hasDoc, keyTest: (e) => plain(e) && e.key.toLowerCase() === 'v', perform: () => setTool('select') });
register({
  id: 'tool.place', label: 'Place racks (click: one, drag: a row)', shortcut: 'N',
  enabled: () => hasDoc(),
  keyTest: (e) => plain(e) && e.key.toLowerCase() === 'n',
  perform: () => {
    const doc = useDocument.getState().doc;
    const typeId = useEditor.getState().placeTypeId ?? doc?.catalog.rackTypes[0]?.id;
    if (typeId !== undefined) setTool('place', typeId);
  },
});
register({ id: 'tool.containment', label: 'Contain an aisle', shortcut: 'C', enabled: hasDoc, keyTest: (e) => plain(e) && e.key.toLowerCase() === 'c', perform: () => setTool('containment') });
register({ id: 'tool.tray', label: 'Draw a cable tray', shortcut: 'T', enabled: hasDoc, keyTest: (e) => plain(e) && e.key.toLowerCase() === 't', perform: () => setTool('tray') });
register({ id: 'tool.connect', label: 'Connect two objects', shortcut: 'K', enabled: hasDoc, keyTest: (e) => plain(e) && e.key.toLowerCase() === 'k', perform: () => setTool('connect') });
register({
  id: 'view.units', label: 'Metric / imperial lengths', shortcut: 'M',
  keyTest: (e) => plain(e) && e.key.toLowerCase() === 'm',
  perform: () => setUnits(useEditor.getState().units === 'metric' ? 'imperial' : 'metric'),
});
register({
  id: 'help.shortcuts', label: 'Keyboard shortcuts', shortcut: '?',
  keyTest: (e) => e.key === '?',
  perform: () => useEditor.setState((s) => ({ helpOpen: !s.helpOpen })),
});
