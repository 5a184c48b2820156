// Shows the shell's progress events for one kind of long task while a call runs.

import { h, replace } from "../dom";
import type { Api } from "../api";

export class ProgressBar {
  readonly el = h("div", { class: "progress", hidden: true, role: "progressbar", aria: { valuemin: "0", valuemax: "100" } });

  constructor(private readonly task: string) {}

  /** Runs `work`, showing progress reports for this task until it settles. */
  async during<T>(api: Api, work: () => Promise<T>): Promise<T> {
    const bar = h("div", { class: "progress-fill" });
    const label = h("span", { class: "progress-label" }, "Working…");
    replace(this.el, h("div", { class: "progress-track" }, bar), label);
    this.el.hidden = false;
    const unlisten = await api.onProgress((p) => {
      if (p.task !== this.task) return;
      const pct = p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
      bar.style.width = `${pct}%`;
      this.el.setAttribute("aria-valuenow", String(pct));
      replace(label, `${p.message} · ${p.done} of ${p.total}`);
    });
    try {
      return await work();
    } finally {
      unlisten();
      this.el.hidden = true;
    }
  }
}
