import { describe, expect, it, vi } from "vitest";
import { EntryEditor } from "./EntryEditor";
import type { EntryView } from "../bindings/EntryView";
import type { DateReading } from "../bindings/DateReading";

const entry: EntryView = {
  id: 7,
  initiative_id: 3,
  kind: "commitment",
  text: "Launch the medical devices partnership",
  status: "planned",
  text_es: null,
  status_phrase: "intend to",
  date: { edtf: "2021-06", text: "June 2021", cadence: null },
  other_dates: [],
  agencies: ["COFEPRIS", "FDA"],
  source: null,
  notes: [],
};

const readDate = vi.fn(async (text: string): Promise<DateReading> => {
  if (text === "June 2021" || text === "2021-06")
    return { date: { edtf: "2021-06", text, cadence: null }, edtf: "2021-06", explanation: "June 2021", precision: "month" };
  if (text === "2022") return { date: { edtf: "2022", text, cadence: null }, edtf: "2022", explanation: "2022", precision: "year" };
  throw { code: "invalid_input", message: `'${text}': day 30 does not exist in that month` };
});

describe("EntryEditor", () => {
  it("saves only the fields that changed, in one call", async () => {
    const onSave = vi.fn(async () => {});
    const editor = new EntryEditor(structuredClone(entry), { readDate, onSave, onCancel: vi.fn() });
    editor.status.value = "done";
    editor.textEs.value = "Lanzar la asociación";
    expect(await editor.save()).toBe(true);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith([
      { field: "text_es", value: "Lanzar la asociación" },
      { field: "status", value: "done" },
    ]);
  });

  it("refuses an impossible date, shows why and keeps every typed field", async () => {
    const onSave = vi.fn(async () => {});
    const editor = new EntryEditor(structuredClone(entry), { readDate, onSave, onCancel: vi.fn() });
    editor.text.value = "Edited text";
    editor.date.input.value = "2021-02-30";
    expect(await editor.save()).toBe(false);
    expect(onSave).not.toHaveBeenCalled();
    expect(editor.el.querySelector(".form-error")?.textContent).toContain("day 30 does not exist");
    expect(editor.date.input.value).toBe("2021-02-30");
    expect(editor.text.value).toBe("Edited text");
  });

  it("shows the shell's refusal and keeps the form open", async () => {
    const onSave = vi.fn(async () => {
      throw { code: "not_found", message: "entry 7 does not exist" };
    });
    const editor = new EntryEditor(structuredClone(entry), { readDate, onSave, onCancel: vi.fn() });
    editor.agencies.value = "SRE; USAID";
    expect(await editor.save()).toBe(false);
    expect(editor.el.textContent).toContain("entry 7 does not exist");
    expect(editor.agencies.value).toBe("SRE; USAID");
  });

  it("creates a new entry with parsed agencies and date", async () => {
    const onCreate = vi.fn(async () => {});
    const editor = new EntryEditor(null, { readDate, onCreate, onCancel: vi.fn() });
    editor.text.value = "Hold a ministerial";
    editor.kind.value = "meeting";
    editor.date.input.value = "2022";
    editor.agencies.value = "SRE, State ,";
    expect(await editor.save()).toBe(true);
    expect(onCreate).toHaveBeenCalledWith({
      kind: "meeting",
      text: "Hold a ministerial",
      status: "planned",
      date: { edtf: "2022", text: "2022", cadence: null },
      agencies: ["SRE", "State"],
    });
  });

  it("requires text", async () => {
    const onCreate = vi.fn(async () => {});
    const editor = new EntryEditor(null, { readDate, onCreate, onCancel: vi.fn() });
    expect(await editor.save()).toBe(false);
    expect(editor.el.textContent).toContain("needs some text");
  });

  it("closes without saving when nothing changed", async () => {
    const onSave = vi.fn(async () => {});
    const onCancel = vi.fn();
    const editor = new EntryEditor(structuredClone(entry), { readDate, onSave, onCancel });
    expect(await editor.save()).toBe(true);
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalled();
  });
});
