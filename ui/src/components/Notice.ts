// A status line at the bottom of the window: progress and results of the last action,
// errors in words. Announced to screen readers.

import { h, replace } from "../dom";
import { t } from "../i18n";

export type NoticeKind = "info" | "ok" | "error" | "busy";

export class Notice {
  readonly el = h("div", { class: "notice", role: "status", aria: { live: "polite" } });
  private timer: ReturnType<typeof setTimeout> | undefined;

  show(message: string, kind: NoticeKind = "info", action?: { label: string; run: () => void }) {
    if (this.timer) clearTimeout(this.timer);
    this.el.className = `notice notice-${kind}`;
    replace(
      this.el,
      h("span", { class: "notice-text" }, message),
      action && h("button", { type: "button", class: "link", on: { click: action.run } }, action.label),
      kind !== "busy" &&
        h(
          "button",
          {
            type: "button",
            class: "notice-close",
            title: t("action.dismiss"),
            aria: { label: t("action.dismiss") },
            on: { click: () => this.clear() },
          },
          "×",
        ),
    );
    if (kind === "ok" || kind === "info") this.timer = setTimeout(() => this.clear(), 8000);
  }

  clear() {
    this.el.className = "notice";
    replace(this.el);
  }
}
