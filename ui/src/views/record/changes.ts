// What each saved change touched, so that after it (or after undoing it) the Record view
// re-reads only that: one entry, one initiative's entries, or one initiative's heading
// and notes.

export type Touched =
  /** One entry's fields or notes. */
  | { scope: "entry"; initiativeId: number; entryId: number }
  /** Which entries an initiative holds (an entry added or deleted). */
  | { scope: "entries"; initiativeId: number }
  /** An initiative's title, summary or notes. */
  | { scope: "heading"; initiativeId: number }
  /** A statement of the dialogue as a whole (the General section). */
  | { scope: "general" };

/** How many changes are remembered; older ones are undone with a full refresh. */
const KEEP = 200;

/**
 * The changes saved in this session, newest last, mirroring the shell's undo history:
 * undo reverts the newest change, and this says what it touched. A change made before
 * the app started (or by the command line) is not here; its undo refreshes everything.
 */
export class ChangeLog {
  private readonly stack: Touched[] = [];

  record(touched: Touched) {
    this.stack.push(touched);
    if (this.stack.length > KEEP) this.stack.shift();
  }

  /** What the newest change touched, forgotten as it is undone. */
  takeLast(): Touched | undefined {
    return this.stack.pop();
  }

  clear() {
    this.stack.length = 0;
  }

  get size(): number {
    return this.stack.length;
  }
}
