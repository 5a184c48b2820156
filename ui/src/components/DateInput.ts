// A date field that accepts what people type ("June 2021", "2021-06", "25 October 2021",
// "2021-09-09/2022-09"), asks the core how it reads, and shows the reading (or the
// error) under the field. The typed text is never changed or lost.

import { debounce, h, replace, uid } from "../dom";
import type { DateReading } from "../bindings/DateReading";
import type { EntryDate } from "../bindings/EntryDate";
import { t } from "../i18n";
import { errorMessage } from "../api";

export type DateReader = (text: string) => Promise<DateReading>;

/** What the field holds now: an empty field is "undated". */
export type DateState =
  | { kind: "empty" }
  | { kind: "pending"; text: string }
  | { kind: "valid"; text: string; reading: DateReading }
  | { kind: "invalid"; text: string; error: string };

export class DateInput {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly hint: HTMLElement;
  private state: DateState = { kind: "empty" };
  private seq = 0;
  private readonly schedule: () => void;

  constructor(
    private readonly read: DateReader,
    private readonly initial: EntryDate | null,
    label = t("date.label"),
    private readonly onChange: (state: DateState) => void = () => {},
  ) {
    const id = uid("date");
    const hintId = `${id}-hint`;
    this.input = h("input", {
      id,
      type: "text",
      class: "date-input",
      value: initial?.text ?? "",
      placeholder: t("date.placeholder"),
      autocomplete: "off",
      spellcheck: "false",
      aria: { describedby: hintId },
    });
    this.hint = h("div", { id: hintId, class: "date-hint" });
    this.el = h("div", { class: "field date-field" }, h("label", { for: id }, label), this.input, this.hint);
    this.schedule = debounce(() => void this.check(), 150);
    this.input.addEventListener("input", () => {
      this.setState(this.input.value.trim() ? { kind: "pending", text: this.input.value } : { kind: "empty" });
      this.schedule();
    });
    if (initial?.edtf) {
      // Show how the stored date reads; the field keeps the stored phrase verbatim.
      this.setState({ kind: "pending", text: initial.text });
      void this.check();
    } else if (initial) {
      // A phrase with no calendar value (vague or recurring) is kept as written.
      this.setState({
        kind: "valid",
        text: initial.text,
        reading: { date: initial, edtf: "", explanation: t("date.kept_as_written"), precision: "year" },
      });
    } else {
      this.setState({ kind: "empty" });
    }
  }

  /** Reads the current text now (also called before a form is saved). */
  async check(): Promise<DateState> {
    const text = this.input.value;
    const seq = ++this.seq;
    if (!text.trim()) {
      this.setState({ kind: "empty" });
      return this.state;
    }
    let next: DateState;
    try {
      const initial = this.initial;
      // A stored phrase ("over the coming year") may not read as a date by itself; its
      // stored value is shown and kept as it is.
      const reading =
        initial?.edtf && text === initial.text ? { ...(await this.read(initial.edtf)), date: initial } : await this.read(text);
      next = { kind: "valid", text, reading };
    } catch (e) {
      next = { kind: "invalid", text, error: errorMessage(e) };
    }
    // A slower answer for older text must not overwrite the newer one; the caller still
    // gets the reading of the text it asked about (saving must not fail because a
    // keystroke's reading is in flight).
    if (seq === this.seq) this.setState(next);
    return next;
  }

  get current(): DateState {
    return this.state;
  }

  /** The date to store, `null` for undated; throws the reading error when invalid. */
  async value(): Promise<EntryDate | null> {
    const state = await this.check();
    switch (state.kind) {
      case "empty":
        return null;
      case "valid":
        return state.reading.date;
      case "invalid":
        throw new Error(state.error);
      case "pending":
        throw new Error(t("date.still_reading"));
    }
  }

  private setState(state: DateState) {
    this.state = state;
    this.el.classList.toggle("invalid", state.kind === "invalid");
    this.input.setAttribute("aria-invalid", String(state.kind === "invalid"));
    switch (state.kind) {
      case "empty":
        replace(this.hint, t("date.empty"));
        break;
      case "pending":
        replace(this.hint, t("date.reading"));
        break;
      case "valid":
        replace(this.hint, `${t("date.read_as")} `, h("strong", {}, state.reading.explanation));
        break;
      case "invalid":
        replace(this.hint, h("span", { class: "error-text", role: "alert" }, state.error));
        break;
    }
    this.onChange(state);
  }
}
