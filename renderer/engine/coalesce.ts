// Newest-request-wins queue for the engine worker. Requests that arrive while a computation runs
// wait in the worker's event loop; when it is free we run only the newest and report the rest as
// skipped, so a burst of edits costs one computation, not one per keystroke.
export class LatestOnly<T extends { seq: number }> {
  private pending: T | null = null;
  private skipped: number[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (request: T) => void,
    private readonly skip: (seqs: number[]) => void,
    /** A macrotask, so every message already queued is read before the computation starts. */
    private readonly schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  ) {}

  push(request: T): void {
    if (this.pending !== null) this.skipped.push(this.pending.seq);
    this.pending = request;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.drain());
  }

  /** A request is waiting: work in progress for an older one may stop early. */
  hasPending(): boolean {
    return this.pending !== null;
  }

  private drain(): void {
    this.scheduled = false;
    const request = this.pending;
    this.pending = null;
    if (request === null) return;
    if (this.skipped.length > 0) this.skip(this.skipped.splice(0));
    this.run(request);
  }
}
