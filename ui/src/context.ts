// What every view receives from the app shell: the API, the status line and navigation.

import type { Api } from "./api";
import type { Notice } from "./components/Notice";
import type { DatabaseInfo } from "./bindings/DatabaseInfo";

export type ViewName = "record" | "timeline" | "search" | "packet" | "import" | "settings" | "translations" | "meetings";

export interface AppContext {
  api: Api;
  notice: Notice;
  /** Shows a view; for "record", `focus` scrolls to and focuses an entry or initiative. */
  navigate: (view: ViewName, focus?: Focus) => void;
  /** Tells the views that the record changed (after an import, an undo, a restore). */
  recordChanged: () => void;
  /** Another database file (or a restored backup) is now open: every view starts afresh. */
  reopened: (info: DatabaseInfo, message?: string) => void;
}

export interface Focus {
  entryId?: number;
  initiativeId?: number;
  /** For "meetings", the meeting to open; for "packet", the meeting whose book to build. */
  meetingId?: number;
  /** For "import", a document dropped on the window (the shell accepted its path). */
  droppedPath?: string;
}

export interface View {
  readonly el: HTMLElement;
  /** Called each time the view is shown. */
  show(focus?: Focus): void | Promise<void>;
}
