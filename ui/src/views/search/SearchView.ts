// Search as you type. Results show where each hit sits and a snippet whose matching
// words are highlighted; snippets are built from text nodes and <mark> elements, never
// from HTML. Arrow keys move through results, Enter opens the entry in the record.

import { h, replace } from "../../dom";
import { errorMessage } from "../../api";
import type { AppContext, View } from "../../context";
import type { SearchHit } from "../../bindings/SearchHit";
import { roman } from "../../labels";
import { t, tn } from "../../i18n";
import { separateTitle } from "./snippet";

const LIMIT = 50;

/** What a hit is, in words: an entry, an initiative or a note. */
function hitKind(kind: string): string {
  if (kind === "entry" || kind === "initiative" || kind === "note") return t(`search.kind_${kind}`);
  return kind;
}

export class SearchView implements View {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly results: HTMLElement;
  private readonly status: HTMLElement;
  private hits: SearchHit[] = [];
  private selected = -1;
  private seq = 0;

  constructor(private readonly ctx: AppContext) {
    this.input = h("input", {
      id: "search-input",
      type: "search",
      class: "search-input",
      placeholder: t("search.placeholder"),
      autocomplete: "off",
      spellcheck: "false",
      role: "combobox",
      aria: { controls: "search-results", expanded: "false", autocomplete: "list" },
    });
    this.status = h("p", { class: "search-status muted", aria: { live: "polite" } });
    this.results = h("ul", { id: "search-results", class: "search-results", role: "listbox", aria: { label: t("search.results") } });
    this.el = h(
      "section",
      { class: "view search-view", aria: { labelledby: "search-title" } },
      h("header", { class: "view-header" }, h("h1", { id: "search-title" }, t("search.title"))),
      h("label", { for: "search-input", class: "visually-hidden" }, t("search.label")),
      this.input,
      this.status,
      this.results,
    );
    this.input.addEventListener("input", () => void this.run());
    this.input.addEventListener("keydown", (e: KeyboardEvent) => this.key(e));
  }

  show() {
    this.input.focus();
    this.input.select();
  }

  /** Searches for the current text; answers to older text are dropped. */
  async run() {
    const query = this.input.value;
    const seq = ++this.seq;
    if (!query.trim()) {
      this.hits = [];
      this.render();
      replace(this.status);
      return;
    }
    try {
      const hits = await this.ctx.api.search(query, LIMIT);
      if (seq !== this.seq) return;
      this.hits = hits;
      this.selected = hits.length ? 0 : -1;
      this.render();
      replace(
        this.status,
        hits.length === 0
          ? t("search.nothing", { query })
          : `${tn("search.count", hits.length)}${hits.length === LIMIT ? "+" : ""} · ${t("search.keys")}`,
      );
    } catch (e) {
      if (seq === this.seq) replace(this.status, h("span", { class: "error-text" }, errorMessage(e)));
    }
  }

  private key(e: KeyboardEvent) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!this.hits.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      this.selected = (this.selected + step + this.hits.length) % this.hits.length;
      this.render();
    } else if (e.key === "Enter" && this.selected >= 0) {
      e.preventDefault();
      this.open(this.hits[this.selected]);
    }
  }

  private open(hit: SearchHit) {
    if (hit.entry_id != null) this.ctx.navigate("record", { entryId: hit.entry_id });
    else if (hit.initiative_id != null) this.ctx.navigate("record", { initiativeId: hit.initiative_id });
  }

  private render() {
    this.input.setAttribute("aria-expanded", String(this.hits.length > 0));
    replace(
      this.results,
      this.hits.map((hit, i) => {
        const id = `search-hit-${i}`;
        const item = h(
          "li",
          {
            id,
            role: "option",
            class: i === this.selected ? "hit selected" : "hit",
            aria: { selected: String(i === this.selected) },
            dataset: { entryId: String(hit.entry_id ?? "") },
          },
          h(
            "div",
            { class: "hit-place" },
            h(
              "span",
              { class: "pillar-number" },
              hit.pillar_number === 0 ? t("record.general") : t("record.pillar", { n: roman(hit.pillar_number) }),
            ),
            " › ",
            hit.initiative_title,
            h("span", { class: "hit-kind" }, hitKind(hit.kind)),
          ),
          h(
            "p",
            { class: "snippet" },
            (hit.kind === "initiative" ? separateTitle(hit.snippet, hit.initiative_title) : hit.snippet).map((part) =>
              part.hit ? h("mark", {}, part.text) : part.text,
            ),
          ),
        );
        item.addEventListener("click", () => this.open(hit));
        return item;
      }),
    );
    if (this.selected >= 0) {
      this.input.setAttribute("aria-activedescendant", `search-hit-${this.selected}`);
      this.results.children[this.selected]?.scrollIntoView({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }
}
