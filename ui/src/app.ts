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
import { MeetingsView } from "./views/meetings/MeetingsView";
import { meetingStrings } from "./views/meetings/strings";

const NAV: { name: ViewName; label: string; key: string }[] = [
  { name: "record", label: "Record", key: "1" },
  { name: "timeline", label: "Timeline", key: "2" },
  { name: "search", label: "Search", key: "3" },
  { name: "meetings", label: meetingStrings().nav, key: "7" },
  { name: "packet", label: "Packet", key: "4" },
  { name: "import", label: "Import", key: "5" },
  { name: "settings", label: "Settings", key: "6" },
];

export class App {
  readonly el: HTMLElement;
  private readonly main: HTMLElement;
  private readonly links = new Map<ViewName, HTMLElement>();
  private readonly views = new Map<ViewName, View>();
  private readonly ctx: AppContext;
  private current: ViewName | null = null;

  constructor(api: Api, info: DatabaseInfo) {
    const notice = new Notice();
    this.ctx = {
      api,
      notice,
      navigate: (view, focus) => void this.show(view, focus),
      recordChanged: () => {
        /* views reload what they show each time they are shown */
      },
    };
    this.main = h("main", { id: "main", class: "content", tabindex: -1 });
    const nav = h(
      "nav",
      { class: "nav", aria: { label: "Views" } },
      h(
        "ul",
        {},
        NAV.map((item) => {
          const link = h(
            "a",
            { href: `#${item.name}`, id: `nav-${item.name}`, class: "nav-link", title: `${item.label} (Ctrl+${item.key})` },
            item.label,
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
        "Skip to content",
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
        h("p", { class: "sidebar-foot", title: info.path }, `${info.entries} entries · offline`),
      ),
      this.main,
      notice.el,
    );
    document.addEventListener("keydown", (e) => {
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
    });
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
      document.title = `Briefbook · ${NAV.find((n) => n.name === name)?.label}`;
      this.main.scrollTop = 0;
    }
    await view.show(focus);
    document.body.dataset.view = name;
  }
}
