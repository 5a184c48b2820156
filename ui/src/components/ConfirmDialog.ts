// An in-window confirmation (a <dialog>), so confirming needs no extra permission and
// keeps keyboard focus inside: Escape cancels, the safe choice has focus first.

import { h } from "../dom";
import { t } from "../i18n";

export function confirmDialog(question: string, detail: string, confirmLabel: string, danger = true): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h("button", { type: "button", class: "button" }, t("action.cancel"));
    const ok = h("button", { type: "button", class: danger ? "button danger" : "button primary", id: "confirm-ok" }, confirmLabel);
    const dialog = h(
      "dialog",
      { class: "confirm", aria: { labelledby: "confirm-title" } },
      h("h2", { id: "confirm-title" }, question),
      h("p", { class: "confirm-detail" }, detail),
      h("div", { class: "actions" }, cancel, ok),
    );
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    ok.addEventListener("click", () => close(true));
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      close(false);
    });
    document.body.appendChild(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    cancel.focus();
  });
}
