import { describe, expect, it } from "vitest";
import { TITLE_SEPARATOR, separateTitle } from "./snippet";

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join("");

describe("separateTitle", () => {
  it("separates an initiative's title from its summary", () => {
    const parts = [
      { text: "Trade Facilitation for ", hit: false },
      { text: "Medical", hit: true },
      { text: " Devices Seeks to align rules", hit: false },
    ];
    const out = separateTitle(parts, "Trade Facilitation for Medical Devices");
    expect(joined(out)).toBe(`Trade Facilitation for Medical Devices${TITLE_SEPARATOR}Seeks to align rules`);
    expect(out.find((p) => p.hit)?.text).toBe("Medical");
  });

  it("finds the end of a title the snippet starts inside of", () => {
    const parts = [{ text: "…Medical Devices Seeks to align rules", hit: false }];
    expect(joined(separateTitle(parts, "Trade Facilitation for Medical Devices"))).toBe(
      `…Medical Devices${TITLE_SEPARATOR}Seeks to align rules`,
    );
  });

  it("leaves a snippet alone when the title is not in it or nothing follows it", () => {
    const parts = [{ text: "…align the rules on devices", hit: false }];
    expect(separateTitle(parts, "Trade Facilitation")).toEqual(parts);
    const only = [{ text: "Trade Facilitation", hit: true }];
    expect(separateTitle(only, "Trade Facilitation")).toEqual(only);
  });
});
