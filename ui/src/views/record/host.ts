// What the Record view offers the initiatives and entries it shows.

import type { AppContext } from "../../context";
import type { EntryView } from "../../bindings/EntryView";
import type { Touched } from "./changes";

export interface RecordHost {
  readonly ctx: AppContext;
  /**
   * A change was saved: it is remembered for undo and announced with an Undo action, and
   * what it touched is shown as it now is (`current`, when the shell returned the entry,
   * or read again).
   */
  changed(touched: Touched, message: string, current?: EntryView): Promise<void>;
  /** Undoes the newest change. */
  undo(): Promise<void>;
  /** Runs `draw`, which changes `el`'s height, without moving what is on screen. */
  anchored(el: HTMLElement, draw: () => void): void;
}
