// The native menu. Every item runs a registered renderer action by sending its MenuCommand on
// MENU_CHANNEL (the same action a shortcut or the command palette runs), except the few that
// only main can do: quitting, Open Recent (an open request), and the OS's window roles.
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../contract/api.js';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  /** Send a command to the focused window's renderer. */
  send(command: MenuCommand): void;
  /** Text fields keep native editing: main applies it, then sends the command (see below). */
  nativeEdit(action: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll'): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Developer tools only in an unpackaged (development) run. */
  developer: boolean;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id, label, ...(accelerator !== undefined ? { accelerator } : {}), click: () => ctx.send(id),
  });
  // A menu accelerator swallows the key before the page sees it, so Ctrl+C in a text field
  // would never copy. Main performs the native edit on the focused field and the renderer,
  // which also receives the command, ignores edit.* while an editable element has focus.
  const edit = (label: string, id: MenuCommand, action: Parameters<MenuContext['nativeEdit']>[0], accelerator: string): MenuItemConstructorOptions => ({
    id, label, accelerator, click: () => {
      ctx.nativeEdit(action);
      ctx.send(id);
    },
  });

  const recentItems: MenuItemConstructorOptions[] = ctx.recent.length === 0
    ? [{ label: 'No recent projects', enabled: false }]
    : ctx.recent.map((path, i) => ({
      label: `${i < 9 ? `&${i + 1} ` : ''}${basename(path)}`,
      sublabel: path,
      toolTip: path,
      click: () => ctx.openRecent(path),
    }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New from Template…', 'file.new', 'CmdOrCtrl+N'),
      command('Open…', 'file.open', 'CmdOrCtrl+O'),
      {
        label: 'Open Recent',
        id: 'file.openRecent',
        submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: ctx.recent.length > 0, click: () => ctx.clearRecent() }],
      },
      { type: 'separator' },
      command('Save', 'file.save', 'CmdOrCtrl+S'),
      command('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      command('Export…', 'file.export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command('Close', 'file.close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'E&xit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      edit('Undo', 'edit.undo', 'undo', 'CmdOrCtrl+Z'),
      edit('Redo', 'edit.redo', 'redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      edit('Cut', 'edit.cut', 'cut', 'CmdOrCtrl+X'),
      edit('Copy', 'edit.copy', 'copy', 'CmdOrCtrl+C'),
      edit('Paste', 'edit.paste', 'paste', 'CmdOrCtrl+V'),
      // No accelerator: Delete and Backspace must reach text fields and the canvas untouched;
      // the renderer's own shortcut deletes the selection.
      { id: 'edit.delete', label: 'Delete', click: () => { ctx.nativeEdit('delete'); ctx.send('edit.delete'); } },
      edit('Select All', 'edit.selectAll', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('3D View', 'view.3d', 'CmdOrCtrl+1'),
      command('Plan View', 'view.plan', 'CmdOrCtrl+2'),
      {
        label: 'Overlays',
        submenu: [
          command('Heat', 'view.overlay.heat', 'Alt+1'),
          command('Airflow', 'view.overlay.airflow', 'Alt+2'),
          command('Power', 'view.overlay.power', 'Alt+3'),
          command('Links', 'view.overlay.links', 'Alt+4'),
        ],
      },
      { type: 'separator' },
      command('Presentation Mode', 'view.presentation', 'F5'),
      { type: 'separator' },
      command('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
      command('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
      command('Zoom to Fit', 'view.fit', 'CmdOrCtrl+0'),
      ...(ctx.developer ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      command('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/'),
      // On macOS About lives in the application menu.
      ...(mac ? [] : [{ type: 'separator' } as const, command(`About ${ctx.appName}`, 'help.about')]),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{
      label: ctx.appName,
      submenu: [
        command(`About ${ctx.appName}`, 'help.about'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    }]
    : [];
  // macOS users expect the Window menu; elsewhere it adds nothing.
  const windowMenu: MenuItemConstructorOptions[] = mac ? [{ role: 'windowMenu' }] : [];

  return [...appMenu, file, editMenu, view, ...windowMenu, help];
}

/** Every MenuCommand reachable from a template (tests check none is missing). */
export function commandsIn(template: readonly MenuItemConstructorOptions[]): Set<string> {
  const found = new Set<string>();
  const walk = (items: readonly MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (item.id !== undefined && item.click !== undefined) found.add(item.id);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return found;
}
