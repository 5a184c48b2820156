// The builder's saved packets: each saved spec by name, to load, export again or delete,
// and a field to save the current spec under a name.

import { h, replace, uid } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext } from "../../context";
import type { PacketSpec } from "../../bindings/PacketSpec";
import type { SavedSpec } from "../../bindings/SavedSpec";
import { t } from "../../i18n";
import { fromSaved, isoDay } from "./spec";

export interface SavedSpecsDeps {
  ctx: AppContext;
  /** The spec the builder shows now (what "Save spec" saves). */
  current: () => PacketSpec;
  load: (spec: PacketSpec) => void;
  exportPdf: (name: string, spec: PacketSpec) => Promise<void>;
  today: () => Date;
}

/** Draws the saved packets into `el`. */
export async function renderSavedSpecs(el: HTMLElement, deps: SavedSpecsDeps): Promise<void> {
  let specs: SavedSpec[] = [];
  try {
    specs = await deps.ctx.api.savedSpecs();
  } catch (e) {
    replace(el, h("p", { class: "error-text" }, errorMessage(e)));
    return;
  }
  const nameId = uid("spec-name");
  const name = h("input", { id: nameId, type: "text", placeholder: t("packet.save_as_placeholder") });
  const save = h("button", { type: "button", class: "button", id: "packet-save-spec" }, t("packet.save_spec"));
  save.addEventListener("click", async () => {
    if (!name.value.trim()) {
      name.focus();
      deps.ctx.notice.show(t("packet.needs_name"), "error");
      return;
    }
    try {
      await deps.ctx.api.saveSpec(name.value.trim(), deps.current());
      deps.ctx.notice.show(t("packet.saved", { name: name.value.trim() }), "ok");
      await renderSavedSpecs(el, deps);
    } catch (e) {
      deps.ctx.notice.show(errorMessage(e), "error");
    }
  });
  replace(
    el,
    h("h2", {}, t("packet.saved_packets")),
    specs.length === 0
      ? h("p", { class: "muted" }, t("packet.none_yet"))
      : h(
          "ul",
          { class: "saved-specs" },
          specs.map((s) => {
            const parsed = fromSaved(s.spec);
            return h(
              "li",
              {},
              h("span", { class: "spec-name" }, s.name),
              h("button", { type: "button", class: "button subtle", on: { click: () => deps.load(parsed) } }, t("packet.load")),
              h(
                "button",
                {
                  type: "button",
                  class: "button subtle",
                  aria: { label: t("packet.render_again", { name: s.name }) },
                  on: { click: () => void deps.exportPdf(s.name, { ...parsed, prepared_on: isoDay(deps.today()) }) },
                },
                t("packet.export_saved"),
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "button subtle danger-text",
                  on: {
                    click: async () => {
                      await deps.ctx.api.deleteSpec(s.name);
                      await renderSavedSpecs(el, deps);
                    },
                  },
                },
                t("action.delete"),
              ),
            );
          }),
        ),
    h("div", { class: "field save-as" }, h("label", { for: nameId }, t("packet.save_as")), h("div", { class: "row" }, name, save)),
  );
}
