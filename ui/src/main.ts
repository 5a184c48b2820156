// Starts the UI: opens the database, then shows the app, or the recovery screen when the
// database is damaged or newer than this version. A change of language or of database
// redraws the app (its views start afresh) on the view that was showing.

import "./styles.css";
import { api, errorMessage, isIpcError } from "./api";
import { App } from "./app";
import { RecoveryView } from "./views/recovery/RecoveryView";
import { h, replace } from "./dom";
import { lang, onLangChange, t } from "./i18n";
import type { DatabaseInfo } from "./bindings/DatabaseInfo";
import type { ViewName } from "./context";
import { listen } from "@tauri-apps/api/event";

const root = document.getElementById("app") ?? document.body;
document.documentElement.lang = lang();
let app: App | null = null;
let info: DatabaseInfo | null = null;

function start(opened: DatabaseInfo, view: ViewName = "record", message?: string) {
  app?.dispose();
  info = opened;
  const current = new App(api, opened, (reopened, said) => start(reopened, "settings", said));
  app = current;
  replace(root, current.el);
  void current.show(view).then(() => {
    if (message) current.announce(message);
    document.body.dataset.ready = "true";
    // Two frames later the pillars are on screen.
    requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady().catch(() => {})));
  });
}

onLangChange(() => {
  if (app && info) start(info, app.currentView ?? "record");
});

async function boot() {
  try {
    start(await api.openDatabase(null));
  } catch (e) {
    if (isIpcError(e)) {
      // The error message names the database file.
      replace(root, new RecoveryView(api, e, null, (opened) => start(opened)).el);
      document.body.dataset.ready = "recovery";
    } else {
      replace(root, h("p", { class: "error-text" }, t("app.cannot_start", { detail: errorMessage(e) })));
    }
  }
}

// A document dropped on the window: the shell has accepted its path (the operating
// system gave it), the Import view previews it.
void listen<string[]>("import-dropped", (event) => {
  const [first] = event.payload;
  if (app && first) void app.show("import", { droppedPath: first });
}).catch(() => {});

void boot();
