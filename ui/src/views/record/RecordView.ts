// The record: pillars -> initiatives -> entries, edited in place. The outline (pillars,
// initiatives, their notes and entry counts) is painted first; each initiative reads its
// entries as it comes near the screen and drops them when it moves far away, so a record
// of any size opens at once and holds only what is on screen. Each change is saved at
// once as one undoable step; "Undo" reverts the last one, and only what a change touched
// is read again.

import { h, replace } from "../../dom";
import { errorMessage, isIpcError } from "../../api";
import type { AppContext, Focus, View } from "../../context";
import type { DialogueOutline } from "../../bindings/DialogueOutline";
import type { EntryView } from "../../bindings/EntryView";
import type { Outline } from "../../bindings/Outline";
import type { PillarOutline } from "../../bindings/PillarOutline";
import { roman } from "../../labels";
import { ChangeLog, type Touched } from "./changes";
import type { RecordHost } from "./host";
import { EntryRowView } from "./EntryRowView";
import { InitiativeCard } from "./InitiativeCard";
import { intersectionWatcher, type Watcher, type WatcherFactory } from "./visibility";
import { t, tn } from "../../i18n";
import { bilingual, preferredText } from "../../components/Bilingual";
import { dateShown, dateSource, prepareDates } from "../../dateWords";

/** Initiatives whose entries are read before the first paint, so it shows entries at once. */
const FIRST_PAINT = { initiatives: 3, entries: 12 };

/** "4 initiatives · 13 entries" */
export function pillarCount(cards: InitiativeCard[]): string {
  const entries = cards.reduce((n, c) => n + c.count, 0);
  return `${tn("record.initiatives", cards.length)} · ${tn("record.entries", entries)}`;
}

export class RecordView implements View, RecordHost {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly pillarNav: HTMLElement;
  private readonly cards = new Map<number, InitiativeCard>();
  private readonly log = new ChangeLog();
  private watcher: Watcher | null = null;
  private readonly undoButton: HTMLButtonElement;

  constructor(
    readonly ctx: AppContext,
    private readonly watchers: WatcherFactory = intersectionWatcher,
  ) {
    this.body = h("div", { class: "record-body" });
    this.pillarNav = h("nav", { class: "pillar-nav", aria: { label: t("record.pillars") } });
    // Offered once this window has made a change; Ctrl+Z still asks the shell, which can
    // also undo a change made before (by the command line, say).
    const undo = h(
      "button",
      {
        type: "button",
        id: "record-undo",
        class: "button",
        disabled: true,
        title: t("record.undo_title"),
        on: { click: () => void this.undo() },
      },
      t("record.undo"),
    );
    this.undoButton = undo;
    this.el = h(
      "section",
      { class: "view record-view", aria: { labelledby: "record-title" } },
      h(
        "header",
        { class: "view-header" },
        h("h1", { id: "record-title" }, t("record.title")),
        this.pillarNav,
        h("div", { class: "header-actions" }, undo),
      ),
      this.body,
    );
    this.el.addEventListener("keydown", (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement).matches("input, textarea, select");
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !typing) {
        e.preventDefault();
        void this.undo();
      }
    });
  }

  async show(focus?: Focus) {
    await this.reload();
    if (focus?.entryId !== undefined) await this.focusEntry(focus.entryId);
    else if (focus?.initiativeId !== undefined) this.focusCard(focus.initiativeId);
  }

  /** Reads the outline and paints it; entries follow as initiatives come into view. */
  async reload() {
    if (!this.body.firstChild) replace(this.body, h("p", { class: "muted loading" }, t("record.loading")));
    try {
      const outline = await this.ctx.api.recordOutline();
      await this.render(outline);
    } catch (e) {
      replace(this.body, h("p", { class: "error-text" }, t("record.load_failed", { detail: errorMessage(e) })));
    }
  }

  /** The initiative card with this id, when the record shows one. */
  card(id: number): InitiativeCard | undefined {
    return this.cards.get(id);
  }

  async focusEntry(id: number) {
    try {
      const entry = await this.ctx.api.entry(id);
      if (entry.initiative_id === null) {
        const row = this.el.querySelector<HTMLElement>(`.general [data-entry-id="${id}"]`);
        if (row) this.flash(row);
        return;
      }
      const row = await this.cards.get(entry.initiative_id)?.reveal(id);
      if (row) this.flash(row);
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  private focusCard(id: number) {
    const card = this.cards.get(id);
    if (card) this.flash(card.el);
  }

  private flash(el: HTMLElement) {
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1600);
    el.focus();
  }

  async changed(touched: Touched, message: string, current?: EntryView) {
    this.log.record(touched);
    this.undoButton.disabled = false;
    this.ctx.notice.show(message, "ok", { label: t("action.undo"), run: () => void this.undo() });
    await this.refresh(touched, current);
  }

  async undo() {
    this.ctx.notice.show(t("record.undoing"), "busy");
    try {
      const what = await this.ctx.api.undoLast();
      if (!what) {
        this.log.clear();
        this.undoButton.disabled = true;
        this.ctx.notice.show(t("record.nothing_to_undo"), "info");
        return;
      }
      const touched = this.log.takeLast();
      this.undoButton.disabled = this.log.size === 0;
      if (touched) await this.refresh(touched);
      else await this.reload();
      this.ctx.notice.show(t("record.undone", { what }), "ok");
    } catch (e) {
      this.ctx.notice.show(errorMessage(e), "error");
    }
  }

  anchored(el: HTMLElement, draw: () => void) {
    const pane = this.el.parentElement;
    if (!pane || !el.isConnected) return draw();
    const before = el.getBoundingClientRect();
    if (before.bottom > pane.getBoundingClientRect().top) return draw();
    draw();
    pane.scrollTop += el.getBoundingClientRect().height - before.height;
  }

  /** Reads again only what `touched` names, and shows it. */
  private async refresh(touched: Touched, current?: EntryView) {
    // General sections are short and read whole with the outline.
    if (touched.scope === "general") return this.reload();
    const card = this.cards.get(touched.initiativeId);
    if (!card) return this.reload();
    try {
      if (touched.scope === "entries") await card.reload();
      else if (touched.scope === "heading") {
        const outline = await this.ctx.api.recordOutline();
        const found = outline.dialogues.flatMap((d) => d.pillars.flatMap((p) => p.initiatives)).find((i) => i.id === card.id);
        if (found) card.setOutline(found);
        else await this.render(outline);
      } else {
        const entry = current ?? (await this.ctx.api.entry(touched.entryId));
        if (!card.applyEntry(entry)) await card.reload();
      }
    } catch (e) {
      if (isIpcError(e) && e.code === "not_found") await card.reload();
      else this.ctx.notice.show(t("record.show_failed", { detail: errorMessage(e) }), "error");
    }
  }

  private async render(outline: Outline) {
    this.watcher?.disconnect();
    this.cards.clear();
    if (outline.dialogues.every((d) => d.pillars.length === 0 && d.general_entries === 0)) {
      replace(
        this.body,
        h(
          "div",
          { class: "empty" },
          h("p", {}, t("record.empty")),
          h(
            "button",
            { type: "button", class: "button primary", on: { click: () => this.ctx.navigate("import") } },
            t("record.import_first"),
          ),
        ),
      );
      replace(this.pillarNav);
      return;
    }
    const [generals] = await Promise.all([
      Promise.all(outline.dialogues.map((d) => this.general(d))),
      prepareDates(
        this.ctx.api,
        outline.dialogues.map((d) => d.launched),
      ),
    ]);
    const dialogues = outline.dialogues.map((d, i) => this.dialogue(d, generals[i]));
    await this.primeFirstCards();
    // With more than one dialogue, each dialogue's pillars are named after it ("HLED I").
    const named = outline.dialogues.length > 1;
    replace(
      this.pillarNav,
      outline.dialogues.flatMap((d) => [
        named ? h("span", { class: "pillar-nav-dialogue" }, d.short_name) : null,
        ...d.pillars.map((p) => this.pillarLink(p)),
      ]),
    );
    replace(this.body, dialogues);
    this.watcher = this.watchers(this.el.parentElement);
    for (const card of this.cards.values()) this.watcher.watch(card.el, (near) => card.setNear(near));
  }

  /** Reads the first initiatives' entries before the first paint, so it is not blank. */
  private async primeFirstCards() {
    const first: InitiativeCard[] = [];
    let entries = 0;
    for (const card of this.cards.values()) {
      if (first.length >= FIRST_PAINT.initiatives || entries >= FIRST_PAINT.entries) break;
      first.push(card);
      entries += card.count;
    }
    for (const card of first) card.setNear(true);
    await Promise.all(first.map((c) => c.load()));
  }

  private pillarLink(p: PillarOutline): HTMLElement {
    const jump = (e: Event) => {
      e.preventDefault();
      this.el.querySelector(`#pillar-${p.id}`)?.scrollIntoView({ block: "start" });
    };
    return h(
      "a",
      {
        href: `#pillar-${p.id}`,
        class: "pillar-link",
        aria: { label: `${t("record.pillar", { n: roman(p.number) })}: ${preferredText(p.title, p.title_es)}` },
        on: { click: jump },
      },
      roman(p.number),
    );
  }

  private dialogue(d: DialogueOutline, general: HTMLElement | null): HTMLElement {
    const name = bilingual(d.name, d.name_es, { class: "dialogue-name", otherClass: "dialogue-name-other" });
    return h(
      "div",
      { class: "dialogue" },
      name.main,
      name.other,
      d.launched
        ? h(
            "p",
            { class: "muted dialogue-launched", title: dateSource(d.launched) },
            t("record.relaunched", { date: dateShown(d.launched) }),
          )
        : null,
      general,
      d.pillars.map((p) => this.pillar(p)),
    );
  }

  /** The dialogue's statements that belong to no pillar (meetings held, framing), read
   * with the outline: a dialogue has a few, never thousands. */
  private async general(d: DialogueOutline): Promise<HTMLElement | null> {
    if (d.general_entries === 0) return null;
    const entries = await this.ctx.api.dialogueEntries(d.id);
    await prepareDates(
      this.ctx.api,
      entries.map((e) => e.date),
    );
    const title = `general-title-${d.id}`;
    return h(
      "section",
      { class: "pillar general", id: `general-${d.id}`, aria: { labelledby: title } },
      h(
        "h2",
        { class: "pillar-title", id: title },
        h("span", {}, t("record.general")),
        h("span", { class: "count" }, tn("record.entries", entries.length)),
      ),
      h(
        "div",
        { class: "card initiative" },
        h(
          "ul",
          { class: "entries" },
          entries.map((e) => h("li", {}, new EntryRowView(this, e).el)),
        ),
      ),
    );
  }

  private pillar(p: PillarOutline): HTMLElement {
    const count = h("span", { class: "count" });
    const cards: InitiativeCard[] = [];
    const recount = () => replace(count, pillarCount(cards));
    for (const i of p.initiatives) {
      const card = new InitiativeCard(this, i, recount);
      cards.push(card);
      this.cards.set(i.id, card);
    }
    recount();
    const title = bilingual(p.title, p.title_es, { tag: "span", otherClass: "pillar-title-other" });
    return h(
      "section",
      { class: "pillar", id: `pillar-${p.id}`, aria: { labelledby: `pillar-title-${p.id}` } },
      h(
        "h2",
        { class: "pillar-title", id: `pillar-title-${p.id}` },
        h("span", { class: "pillar-number" }, t("record.pillar", { n: roman(p.number) })),
        title.main,
        count,
      ),
      title.other,
      cards.map((c) => c.el),
    );
  }
}
