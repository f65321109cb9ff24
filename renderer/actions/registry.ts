// Registered actions (excalidraw's `register({ name, perform, keyTest })`): the toolbar, the
// native menu, keyboard shortcuts and the editor's command palette all call the same `perform`,
// so a command behaves the same whichever way the user reaches it.
import type { FactoryTwinApi } from '../../electron/contract/api';

export interface ActionContext {
  api: FactoryTwinApi;
}

export interface Action {
  /** Menu command ids (electron/contract/api.ts) where one exists, e.g. "file.save". */
  id: string;
  label: string;
  /** Shown in tooltips and the shortcut help, e.g. "Ctrl+S". */
  shortcut?: string;
  keyTest?: (e: KeyboardEvent) => boolean;
  enabled?: () => boolean;
  perform: (ctx: ActionContext) => void | Promise<void>;
}

const actions = new Map<string, Action>();

export function register(action: Action): Action {
  actions.set(action.id, action);
  return action;
}

export function getAction(id: string): Action | undefined {
  return actions.get(id);
}

export function allActions(): Action[] {
  return [...actions.values()];
}

/** Run an action by id; unknown or disabled actions are ignored (a menu item the build lacks). */
export async function runAction(id: string, ctx: ActionContext): Promise<boolean> {
  const action = actions.get(id);
  if (action === undefined || (action.enabled !== undefined && !action.enabled())) return false;
  await action.perform(ctx);
  return true;
}

/** Keyboard dispatch; typing in a field never triggers a shortcut. */
export function handleShortcut(e: KeyboardEvent, ctx: ActionContext): boolean {
  const target = e.target as HTMLElement | null;
  if (target !== null && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return false;
  for (const action of actions.values()) {
    if (action.keyTest?.(e) === true && (action.enabled === undefined || action.enabled())) {
      e.preventDefault();
      void action.perform(ctx);
      return true;
    }
  }
  return false;
}

/** Ctrl on Linux and Windows, Cmd on macOS. */
export const mod = (e: KeyboardEvent): boolean => e.ctrlKey || e.metaKey;
