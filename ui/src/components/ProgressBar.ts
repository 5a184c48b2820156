// Shows the progress reports of one long call (an import, a packet) while it runs.

import { h, replace } from "../dom";
import { t } from "../i18n";
import type { Progress } from "../bindings/Progress";

export class ProgressBar {
  readonly el = h("div", { class: "progress", hidden: true, role: "progressbar", aria: { valuemin: "0", valuemax: "100" } });

  /** Runs `work`, handing it the function that shows each report, until it settles. */
  async during<T>(work: (report: (p: Progress) => void) => Promise<T>): Promise<T> {
    const bar = h("div", { class: "progress-fill" });
    const label = h("span", { class: "progress-label" }, t("progress.working"));
    replace(this.el, h("div", { class: "progress-track" }, bar), label);
    this.el.hidden = false;
    const report = (p: Progress) => {
      const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
      bar.style.width = `${pct}%`;
      this.el.setAttribute("aria-valuenow", String(pct));
      replace(label, `${p.message} · ${t("progress.of", { done: p.done, total: p.total })}`);
    };
    try {
      return await work(report);
    } finally {
      this.el.hidden = true;
    }
  }
}
