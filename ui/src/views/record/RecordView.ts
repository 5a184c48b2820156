// The record: pillars -> initiatives -> entries, edited in place. Each change is saved
// at once as one undoable step; "Undo" reverts the last one.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, Focus, View } from "../../context";
import type { Dialogue } from "../../bindings/Dialogue";
import type { Initiative } from "../../bindings/Initiative";
import type { Pillar } from "../../bindings/Pillar";
import type { Record as DialogueRecord } from "../../bindings/Record";
import { roman } from "../../labels";
import { EntryRowView } from "./EntryRowView";
import { InitiativeHeader } from "./InitiativeHeader";
import { EntryEditor } from "../../components/EntryEditor";
import { NotesList } from "./NotesList";

export class RecordView implements View {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly pillarNav: HTMLElement;
  private record: DialogueRecord | null = null;

  constructor(private readonly ctx: AppContext) {
    this.body = h("div", { class: "record-body" });
    this.pillarNav = h("nav", { class: "pillar-nav", aria: { label: "Pillars" } });
    const undo = h("button", { type: "button", class: "button", title: "Undo the last change (Ctrl+Z)", on: { click: () => void this.undo() } }, "↶ Undo last change");
    this.el = h(
      "section",
      { class: "view record-view", aria: { labelledby: "record-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "record-title" }, "Record"), this.pillarNav, h("div", { class: "header-actions" }, undo)),
      this.body,
    );
    this.el.addEventListener("keydown", (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.matches("input, textarea, select");
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing) {
        e.preventDefault();
        void this.undo();
      }
    });
  }

  async show(focus?: Focus) {
    await this.reload();
    if (focus?.entryId !== undefined) this.focusEntry(focus.entryId);
    else if (focus?.initiativeId !== undefined) this.focusSelector(`[data-initiative-id="${focus.initiativeId}"]`);
  }

  async reload() {
    try {
      this.record = await this.ctx.api.loadRecord();
      this.render();
    } catch (e) {
      replace(this.body, h("p", { class: "error-text" }, `Could not load the record: ${errorMessage(e)}`));
    }
  }

  focusEntry(id: number) {
    this.focusSelector(`[data-entry-id="${id}"]`);
  }

  private focusSelector(selector: string) {
    const row = this.el.querySelector<HTMLElement>(selector);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    row.classList.add("flash");
    setTimeout(() => row.classList.remove("flash"), 1600);
    row.focus();
  }

  private async undo() {
    try {
      const what = await this.ctx.api.undoLast();
      this.ctx.notice.show(what ? `Undone: ${what}` : "Nothing to undo", what ? "ok" : "info");
      if (what) await this.reload();
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private render() {
    const record = this.record;
    if (!record || record.dialogues.length === 0) {
      replace(
        this.body,
        h("div", { class: "empty" }, h("p", {}, "The record is empty."), h("button", { type: "button", class: "button primary", on: { click: () => this.ctx.navigate("import") } }, "Import a fact sheet")),
      );
      replace(this.pillarNav);
      return;
    }
    replace(
      this.pillarNav,
      record.dialogues.flatMap((d) =>
        d.pillars.map((p) =>
          h("a", { href: `#pillar-${p.id}`, class: "pillar-link", title: p.title, on: { click: (e: Event) => { e.preventDefault(); this.el.querySelector(`#pillar-${p.id}`)?.scrollIntoView({ block: "start" }); } } }, roman(p.number)),
        ),
      ),
    );
    replace(this.body, record.dialogues.map((d) => this.dialogue(d)));
  }

  private dialogue(d: Dialogue): HTMLElement {
    return h(
      "div",
      { class: "dialogue" },
      h("p", { class: "dialogue-name" }, d.name, d.launched ? h("span", { class: "muted" }, ` · relaunched ${d.launched.text}`) : null),
      d.pillars.map((p) => this.pillar(p)),
    );
  }

  private pillar(p: Pillar): HTMLElement {
    const entries = p.initiatives.reduce((n, i) => n + i.entries.length, 0);
    return h(
      "section",
      { class: "pillar", id: `pillar-${p.id}`, aria: { labelledby: `pillar-title-${p.id}` } },
      h(
        "h2",
        { class: "pillar-title", id: `pillar-title-${p.id}` },
        h("span", { class: "pillar-number" }, `Pillar ${roman(p.number)}`),
        h("span", {}, p.title),
        h("span", { class: "count" }, `${p.initiatives.length} initiatives · ${entries} entries`),
      ),
      p.title_es ? h("p", { class: "spanish", lang: "es" }, p.title_es) : null,
      p.initiatives.map((i) => this.initiative(i)),
    );
  }

  private initiative(i: Initiative): HTMLElement {
    const id = i.id ?? 0;
    const list = h("ol", { class: "entries" });
    const addSlot = h("div", { class: "add-slot" });
    const card = h(
      "article",
      { class: "initiative", tabindex: -1, dataset: { initiativeId: String(id) }, aria: { label: i.title } },
      new InitiativeHeader(this.ctx, i, () => void this.reload()).el,
      new NotesList(this.ctx, { kind: "initiative", id }, i.notes, () => void this.reload()).el,
      list,
      addSlot,
    );
    for (const entry of i.entries) {
      list.appendChild(h("li", {}, new EntryRowView(this.ctx, entry, () => void this.reload()).el));
    }
    const addButton = h("button", { type: "button", class: "button subtle" }, "+ Add entry");
    addButton.addEventListener("click", () => {
      const editor = new EntryEditor(null, {
        readDate: this.ctx.api.readDate,
        onCreate: async (entry) => {
          const created = await this.ctx.api.createEntry(id, entry);
          this.ctx.notice.show("Entry added", "ok");
          await this.reload();
          this.focusEntry(created.id);
        },
        onCancel: () => replace(addSlot, addButton),
      });
      replace(addSlot, editor.el);
      editor.focus();
    });
    replace(addSlot, addButton);
    return card;
  }
}
