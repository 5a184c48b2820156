// The window: a sidebar of views and the current view. Views are built once and kept,
// so what a person typed in one survives a visit to another.

import { h, replace } from "./dom";
import type { Api } from "./api";
import type { AppContext, Focus, View, ViewName } from "./context";
import type { DatabaseInfo } from "./bindings/DatabaseInfo";
import { Notice } from "./components/Notice";
import { RecordView } from "./views/record/RecordView";
import { TimelineView } from "./views/timeline/TimelineView";
import { SearchView } from "./views/search/SearchView";
import { PacketBuilder } from "./views/packet/PacketBuilder";
import { ImportView } from "./views/import/ImportView";
import { SettingsView } from "./views/settings/SettingsView";
import { TranslationsView } from "./views/translations/TranslationsView";
import { MeetingsView } from "./views/meetings/MeetingsView";
import { t, tn, type MessageKey } from "./i18n";

/** The views in the sidebar, in order; Ctrl+1… shows them. */
const NAV: { name: ViewName; label: MessageKey; key: string }[] = [
  { name: "record", label: "nav.record", key: "1" },
  { name: "timeline", label: "nav.timeline", key: "2" },
  { name: "search", label: "nav.search", key: "3" },
  { name: "meetings", label: "nav.meetings", key: "8" },
  { name: "packet", label: "nav.packet", key: "4" },
  { name: "translations", label: "nav.translations", key: "5" },
  { name: "import", label: "nav.import", key: "6" },
  { name: "settings", label: "nav.settings", key: "7" },
];

export class App {
  readonly el: HTMLElement;
  private readonly main: HTMLElement;
  private readonly links = new Map<ViewName, HTMLElement>();
  private readonly views = new Map<ViewName, View>();
  private readonly ctx: AppContext;
  private current: ViewName | null = null;
  private readonly onKey: (e: KeyboardEvent) => void;

  constructor(api: Api, info: DatabaseInfo, reopened: (info: DatabaseInfo, message?: string) => void = () => {}) {
    const notice = new Notice();
    this.ctx = {
      api,
      notice,
      reopened,
      navigate: (view, focus) => void this.show(view, focus),
      recordChanged: () => {
        /* views reload what they show each time they are shown */
      },
    };
    this.main = h("main", { id: "main", class: "content", tabindex: -1 });
    const nav = h(
      "nav",
      { class: "nav", aria: { label: t("app.views") } },
      h(
        "ul",
        {},
        NAV.map((item) => {
          const link = h(
            "a",
            // The shortcut is shown beside the name, not in a tooltip: a tooltip would lie
            // over the next item and take its click.
            { href: `#${item.name}`, id: `nav-${item.name}`, class: "nav-link", "aria-keyshortcuts": `Control+${item.key}` },
            h("span", { class: "nav-name" }, t(item.label)),
            h("span", { class: "nav-key", aria: { hidden: "true" } }, `Ctrl+${item.key}`),
          );
          link.addEventListener("click", (e) => {
            e.preventDefault();
            void this.show(item.name);
          });
          this.links.set(item.name, link);
          return h("li", {}, link);
        }),
      ),
    );
    this.el = h(
      "div",
      { class: "shell" },
      h(
        "a",
        {
          href: "#main",
          class: "skip-link",
          on: {
            click: (e: Event) => {
              e.preventDefault();
              this.main.focus();
            },
          },
        },
        t("app.skip"),
      ),
      h(
        "aside",
        { class: "sidebar" },
        h(
          "div",
          { class: "brand" },
          h("span", { class: "brand-mark", aria: { hidden: "true" } }, "B"),
          h("span", { class: "brand-name" }, "Briefbook"),
        ),
        nav,
        h("p", { class: "sidebar-foot", title: info.path }, tn("app.footer", info.entries)),
      ),
      this.main,
      notice.el,
    );
    this.onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) {
        const item = NAV.find((n) => n.key === e.key);
        if (item) {
          e.preventDefault();
          void this.show(item.name);
        } else if (e.key.toLowerCase() === "k" || e.key.toLowerCase() === "f") {
          e.preventDefault();
          void this.show("search");
        }
      }
    };
    document.addEventListener("keydown", this.onKey);
  }

  /** Shows `message` in the status line (after the app was redrawn). */
  announce(message: string) {
    this.ctx.notice.show(message, "ok");
  }

  /** The view on screen. */
  get currentView(): ViewName | null {
    return this.current;
  }

  /** Stops listening to the keyboard (before the app is redrawn in another language). */
  dispose() {
    document.removeEventListener("keydown", this.onKey);
  }

  private view(name: ViewName): View {
    let view = this.views.get(name);
    if (!view) {
      switch (name) {
        case "record":
          view = new RecordView(this.ctx);
          break;
        case "timeline":
          view = new TimelineView(this.ctx);
          break;
        case "search":
          view = new SearchView(this.ctx);
          break;
        case "packet":
          view = new PacketBuilder(this.ctx);
          break;
        case "import":
          view = new ImportView(this.ctx);
          break;
        case "settings":
          view = new SettingsView(this.ctx);
          break;
        case "translations":
          view = new TranslationsView(this.ctx);
          break;
        case "meetings":
          view = new MeetingsView(this.ctx);
          break;
      }
      this.views.set(name, view);
    }
    return view;
  }

  async show(name: ViewName, focus?: Focus) {
    const view = this.view(name);
    if (this.current !== name) {
      replace(this.main, view.el);
      for (const [n, link] of this.links) {
        if (n === name) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
      this.current = name;
      const label = NAV.find((n) => n.name === name)?.label;
      document.title = label ? `Briefbook · ${t(label)}` : "Briefbook";
      this.main.scrollTop = 0;
    }
    await view.show(focus);
    document.body.dataset.view = name;
  }
}
