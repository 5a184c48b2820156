import { describe, expect, it, vi } from "vitest";
import { NotesList } from "./NotesList";
import { Notice } from "../../components/Notice";
import type { AppContext } from "../../context";
import type { Api } from "../../api";

function setup() {
  const addAnsweredNote = vi.fn(async () => 5);
  const ctx: AppContext = {
    api: { addAnsweredNote } as unknown as Api,
    notice: new Notice(),
    navigate: vi.fn(),
    recordChanged: vi.fn(),
    reopened: vi.fn(),
  };
  const saved = vi.fn(async () => {});
  const list = new NotesList(
    ctx,
    { kind: "initiative", id: 3 },
    [{ id: 1, kind: "if_raised", text: "Is it late?", text_es: null, answer: "No: on schedule." }],
    saved,
  );
  document.body.replaceChildren(list.el);
  (list.el.querySelector(".add-note") as HTMLButtonElement).click();
  const form = list.el.querySelector("form") as HTMLFormElement;
  return { list, form, addAnsweredNote, saved };
}

describe("NotesList", () => {
  it("shows a question's answer under it", () => {
    const { list } = setup();
    expect(list.el.querySelector(".note-answer")?.textContent).toBe("→ No: on schedule.");
  });

  it("offers an answer for if raised and press, and sends it with the question", async () => {
    const { form, addAnsweredNote, saved } = setup();
    const kind = form.querySelector("select") as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).toEqual(["objective", "points_to_make", "if_raised", "background", "press"]);
    const answerField = (form.querySelector(".note-answer-input") as HTMLElement).parentElement as HTMLElement;
    expect(answerField.hidden).toBe(true);
    kind.value = "press";
    kind.dispatchEvent(new Event("change"));
    expect(answerField.hidden).toBe(false);
    (form.querySelector("textarea") as HTMLTextAreaElement).value = " Will tariffs change? ";
    (form.querySelector(".note-answer-input") as HTMLTextAreaElement).value = "Not on the agenda.";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    expect(addAnsweredNote).toHaveBeenCalledWith({ kind: "initiative", id: 3 }, "press", "Will tariffs change?", "Not on the agenda.");
  });

  it("sends no answer for points to make, even if one was typed before the kind changed", async () => {
    const { form, addAnsweredNote } = setup();
    const kind = form.querySelector("select") as HTMLSelectElement;
    kind.value = "if_raised";
    kind.dispatchEvent(new Event("change"));
    (form.querySelector(".note-answer-input") as HTMLTextAreaElement).value = "typed, then not wanted";
    kind.value = "points_to_make";
    kind.dispatchEvent(new Event("change"));
    (form.querySelector("textarea") as HTMLTextAreaElement).value = "Welcome the progress";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(addAnsweredNote).toHaveBeenCalled());
    expect(addAnsweredNote).toHaveBeenCalledWith({ kind: "initiative", id: 3 }, "points_to_make", "Welcome the progress", null);
  });
});
