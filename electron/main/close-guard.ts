// Closing the window with unsaved changes. The renderer reports its dirty state with every
// setTitle; on close main asks Save / Don't Save / Cancel. "Save" is the renderer's own save
// action (it knows the path and may need Save As), so main sends file.save and follows the
// outcome through the save handlers: closed when the save succeeds, kept open when the user
// cancels the save dialog or the save fails.
export type CloseDecision = 'allow' | 'ask' | 'wait';

export class CloseGuard {
  private dirty = false;
  private forced = false;
  private awaitingSave = false;

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
  }

  isDirty(): boolean {
    return this.dirty;
  }

  /** On the window's 'close' event: let it close, ask the user, or wait for a save in progress. */
  onCloseRequested(): CloseDecision {
    if (this.forced || !this.dirty) return 'allow';
    return this.awaitingSave ? 'wait' : 'ask';
  }

  /** The user chose Don't Save. */
  discardAndClose(): void {
    this.forced = true;
  }

  /** The user chose Save: close when that save succeeds. */
  saveThenClose(): void {
    this.awaitingSave = true;
  }

  /** From the save-path handler: a cancelled Save As dialog abandons the close. */
  savePathChosen(path: string | null): void {
    if (path === null) this.awaitingSave = false;
  }

  /** From the save handler. True: main should close the window now. */
  saveFinished(ok: boolean): boolean {
    const close = ok && this.awaitingSave;
    this.awaitingSave = false;
    if (ok) this.dirty = false;
    if (close) this.forced = true;
    return close;
  }
}
