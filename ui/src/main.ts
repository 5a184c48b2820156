// Starts the UI: opens the database, then shows the app, or the recovery screen when the
// database is damaged or newer than this version.

import "./styles.css";
import { api, errorMessage, isIpcError } from "./api";
import { App } from "./app";
import { RecoveryView } from "./views/recovery/RecoveryView";
import { h, replace } from "./dom";
import type { DatabaseInfo } from "./bindings/DatabaseInfo";

const root = document.getElementById("app") ?? document.body;

function start(info: DatabaseInfo) {
  const app = new App(api, info);
  replace(root, app.el);
  void app.show("record").then(() => {
    document.body.dataset.ready = "true";
    // Two frames later the pillars are on screen.
    requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady().catch(() => {})));
  });
}

async function boot() {
  try {
    start(await api.openDatabase(null));
  } catch (e) {
    if (isIpcError(e)) {
      // The error message names the database file.
      replace(root, new RecoveryView(api, e, null, start).el);
      document.body.dataset.ready = "recovery";
    } else {
      replace(root, h("p", { class: "error-text" }, `Briefbook could not start: ${errorMessage(e)}`));
    }
  }
}

void boot();
