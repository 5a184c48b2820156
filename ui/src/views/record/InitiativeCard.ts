// One initiative: its heading and notes at once, its entries only while it is near the
// screen. Entries are read from the shell when the card comes near, drawn a page at a
// time ("Show more"), and dropped again when it scrolls far away; the card keeps its
// height meanwhile, so the page does not jump. After a change only what it touched is
// read again and redrawn.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { EntryView } from "../../bindings/EntryView";
import type { InitiativeOutline } from "../../bindings/InitiativeOutline";
import { EntryEditor } from "../../components/EntryEditor";
import { EntryRowView } from "./EntryRowView";
import { InitiativeHeader } from "./InitiativeHeader";
import { NotesList } from "./NotesList";
import type { RecordHost } from "./host";
import { preferredText } from "../../components/Bilingual";
import { t, tn } from "../../i18n";
import { prepareDates } from "../../dateWords";

/** Entries drawn at first and added by each "Show more". */
export const PAGE = 50;
/** The height an entry row is given before it is drawn, in pixels. */
const ROW_ESTIMATE = 58;

/** How many rows to draw so that entry `index` (0-based) is among them. */
export function rowsToShow(index: number, shown: number): number {
  return index < shown ? shown : Math.ceil((index + 1) / PAGE) * PAGE;
}

export class InitiativeCard {
  readonly el: HTMLElement;
  private readonly head: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLElement;
  private readonly addSlot: HTMLElement;
  private entries: EntryView[] | null = null;
  private readonly rows = new Map<number, EntryRowView>();
  private shown = PAGE;
  private near = false;
  private pinned = 0;
  private loading: Promise<void> | null = null;
  private generation = 0;

  constructor(
    private readonly host: RecordHost,
    private outline: InitiativeOutline,
    private readonly countChanged: () => void,
  ) {
    this.head = h("div", { class: "initiative-head" });
    this.list = h("ol", {
      class: "entries",
      aria: { label: t("initiative.entries_of", { title: preferredText(outline.title, outline.title_es) }) },
    });
    this.more = h("div", { class: "entries-more", aria: { live: "polite" } });
    this.addSlot = h("div", { class: "add-slot" });
    this.el = h(
      "article",
      {
        class: "initiative",
        tabindex: -1,
        dataset: { initiativeId: String(outline.id) },
        aria: { label: preferredText(outline.title, outline.title_es) },
      },
      this.head,
      this.list,
      this.more,
      this.addSlot,
    );
    this.drawHead();
    this.drawPlaceholder();
    this.drawAddButton();
  }

  get id(): number {
    return this.outline.id;
  }

  /** How many entries the initiative holds. */
  get count(): number {
    return this.outline.entries;
  }

  /** Whether its entries are held (read from the shell and not yet dropped). */
  get loaded(): boolean {
    return this.entries !== null;
  }

  /** Shows a newer heading and notes (after an edit of them, or an undo). */
  setOutline(outline: InitiativeOutline) {
    this.outline = outline;
    this.drawHead();
    this.setCount(this.entries ? this.entries.length : outline.entries);
  }

  /** Called as the card comes near the screen or moves far from it. */
  setNear(near: boolean) {
    this.near = near;
    if (near) void this.load();
    else this.unload();
  }

  /** Reads the entries if they are not held yet, and draws them when the card is near. */
  load(): Promise<void> {
    if (this.entries) {
      if (this.shouldDraw() && this.rows.size === 0 && this.entries.length > 0) this.drawRows();
      return Promise.resolve();
    }
    return this.loading ?? this.fetch();
  }

  /** Reads the entries again (after an entry was added or deleted, or an undo). */
  reload(): Promise<void> {
    return this.fetch();
  }

  /** Shows entry `entry` as it now is, in place; false when it is not held here. */
  applyEntry(entry: EntryView): boolean {
    const index = this.entries?.findIndex((e) => e.id === entry.id) ?? -1;
    if (!this.entries || index < 0) return false;
    this.entries[index] = entry;
    this.rows.get(entry.id)?.update(entry);
    return true;
  }

  /** Loads and draws the page holding entry `id`; returns its row. */
  async reveal(id: number): Promise<HTMLElement | null> {
    this.pinned += 1;
    try {
      await this.load();
      let index = this.entries?.findIndex((e) => e.id === id) ?? -1;
      if (index < 0) {
        await this.fetch();
        index = this.entries?.findIndex((e) => e.id === id) ?? -1;
      }
      if (index < 0) return null;
      const shown = rowsToShow(index, this.shown);
      if (shown !== this.shown || this.rows.size === 0) {
        this.shown = shown;
        this.drawRows();
      }
      return this.rows.get(id)?.el ?? null;
    } finally {
      this.pinned -= 1;
    }
  }

  private shouldDraw(): boolean {
    return this.near || this.pinned > 0;
  }

  private fetch(): Promise<void> {
    const generation = ++this.generation;
    if (this.rows.size === 0) replace(this.more, h("p", { class: "muted loading" }, tn("initiative.loading", this.count)));
    const api = this.host.ctx.api;
    const loading = api.initiativeEntries(this.id).then(
      async (entries) => {
        await prepareDates(
          api,
          entries.map((e) => e.date),
        );
        if (generation !== this.generation) return;
        this.entries = entries;
        this.setCount(entries.length);
        if (this.shouldDraw()) this.drawRows();
        else this.unload();
      },
      (e: unknown) => {
        if (generation !== this.generation) return;
        replace(
          this.more,
          h(
            "p",
            { class: "error-text" },
            `${t("initiative.load_failed", { detail: errorMessage(e) })} `,
            h("button", { type: "button", class: "link", on: { click: () => void this.fetch() } }, t("action.try_again")),
          ),
        );
      },
    );
    this.loading = loading.finally(() => {
      if (generation === this.generation) this.loading = null;
    });
    return this.loading;
  }

  /** Drops the entries and their rows, keeping the card's height; not while a form is open. */
  private unload() {
    if (this.el.querySelector("form") || [...this.rows.values()].some((r) => r.busy)) return;
    if (this.rows.size > 0 && this.list.isConnected) this.list.style.minHeight = `${this.list.offsetHeight}px`;
    else this.drawPlaceholder();
    this.generation += 1;
    this.loading = null;
    this.entries = null;
    this.rows.clear();
    this.list.replaceChildren();
    replace(this.more);
  }

  private setCount(count: number) {
    if (count === this.outline.entries) return;
    this.outline = { ...this.outline, entries: count };
    this.countChanged();
  }

  private drawHead() {
    const o = this.outline;
    const notes = new NotesList(this.host.ctx, { kind: "initiative", id: o.id }, o.notes, (message) =>
      this.host.changed({ scope: "heading", initiativeId: o.id }, message),
    );
    replace(this.head, new InitiativeHeader(this.host, o).el, notes.el);
  }

  private drawPlaceholder() {
    this.list.style.minHeight = `${Math.min(this.count, this.shown) * ROW_ESTIMATE}px`;
  }

  private drawRows() {
    const entries = this.entries ?? [];
    this.host.anchored(this.el, () => {
      this.rows.clear();
      replace(
        this.list,
        entries.slice(0, this.shown).map((e) => this.row(e)),
      );
      this.list.style.minHeight = "";
      this.drawMore(entries.length);
    });
  }

  private row(entry: EntryView): HTMLElement {
    const row = new EntryRowView(this.host, entry);
    this.rows.set(entry.id, row);
    return h("li", {}, row.el);
  }

  private showMore() {
    const entries = this.entries ?? [];
    const from = this.shown;
    this.shown += PAGE;
    this.list.append(...entries.slice(from, this.shown).map((e) => this.row(e)));
    this.drawMore(entries.length);
  }

  /** "Show 50 more" under the rows, while some of the `total` entries are not drawn. */
  private drawMore(total: number) {
    const left = total - Math.min(this.shown, total);
    if (left <= 0) {
      replace(this.more);
      return;
    }
    replace(
      this.more,
      h(
        "button",
        { type: "button", class: "button subtle show-more", on: { click: () => this.showMore() } },
        t("initiative.show_more", { n: Math.min(PAGE, left) }),
      ),
      h("span", { class: "muted" }, ` ${t("initiative.shown_of", { shown: Math.min(this.shown, total), total })}`),
    );
  }

  private drawAddButton() {
    const add = h("button", { type: "button", class: "button subtle" }, t("initiative.add_entry"));
    add.addEventListener("click", () => {
      const editor = new EntryEditor(null, {
        readDate: this.host.ctx.api.readDate,
        onCreate: async (entry) => {
          const created = await this.host.ctx.api.createEntry(this.id, entry);
          replace(this.addSlot, add);
          await this.host.changed({ scope: "entries", initiativeId: this.id }, t("entry.added"));
          const row = await this.reveal(created.id);
          row?.scrollIntoView({ block: "center" });
          row?.focus();
        },
        onCancel: () => replace(this.addSlot, add),
      });
      replace(this.addSlot, editor.el);
      editor.focus();
    });
    replace(this.addSlot, add);
  }
}
