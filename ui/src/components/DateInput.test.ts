import { describe, expect, it, vi } from "vitest";
import { DateInput } from "./DateInput";
import type { DateReading } from "../bindings/DateReading";

const reading = (text: string, edtf: string): DateReading => ({
  date: { edtf, text, cadence: null },
  edtf,
  explanation: `${edtf}: read`,
  precision: "month",
});

function reader() {
  return vi.fn(async (text: string) => {
    if (text === "June 2021" || text === "2021-06") return reading(text, "2021-06");
    throw { code: "invalid_input", message: `'${text}' is not a date` };
  });
}

function type(input: DateInput, text: string) {
  input.input.value = text;
  input.input.dispatchEvent(new Event("input"));
}

describe("DateInput", () => {
  it("shows how a month in words was read", async () => {
    const field = new DateInput(reader(), null);
    type(field, "June 2021");
    const state = await field.check();
    expect(state.kind).toBe("valid");
    expect(field.el.textContent).toContain("2021-06: read");
    expect((await field.value())?.edtf).toBe("2021-06");
  });

  it("keeps the typed text and shows the error for an impossible date", async () => {
    const field = new DateInput(reader(), null);
    type(field, "2021-02-30");
    const state = await field.check();
    expect(state.kind).toBe("invalid");
    expect(field.input.value).toBe("2021-02-30");
    expect(field.el.querySelector("[role=alert]")?.textContent).toContain("'2021-02-30' is not a date");
    expect(field.input.getAttribute("aria-invalid")).toBe("true");
    await expect(field.value()).rejects.toThrow("is not a date");
  });

  it("treats an empty field as undated", async () => {
    const field = new DateInput(reader(), null);
    expect(await field.value()).toBeNull();
    expect(field.el.textContent).toContain("undated");
  });

  it("keeps a stored phrase that does not read as a date by itself", async () => {
    const read = reader();
    const field = new DateInput(read, { edtf: "2021-06", text: "in June of that year", cadence: null });
    await field.check();
    expect(read).toHaveBeenCalledWith("2021-06");
    const value = await field.value();
    expect(value).toEqual({ edtf: "2021-06", text: "in June of that year", cadence: null });
  });

  it("ignores a slow answer for text that has since changed", async () => {
    let release: (r: DateReading) => void = () => {};
    const read = vi.fn((text: string) =>
      text === "slow" ? new Promise<DateReading>((resolve) => (release = resolve)) : Promise.resolve(reading(text, "2021-06")),
    );
    const field = new DateInput(read, null);
    type(field, "slow");
    const first = field.check();
    type(field, "June 2021");
    await field.check();
    release(reading("slow", "1999"));
    await first;
    expect(field.current.kind).toBe("valid");
    expect(field.current.kind === "valid" && field.current.reading.edtf).toBe("2021-06");
  });
});
