import { describe, expect, it } from "vitest";
import { en, es, meetingStrings } from "./strings";

/** Every key path of a strings object ("kinds.ministerial"), with the arity of functions. */
function shape(value: unknown, prefix = ""): string[] {
  if (typeof value === "function") return [`${prefix}()${value.length}`];
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k))
      .sort();
  }
  return [prefix];
}

describe("meeting strings", () => {
  it("hold the same keys in English and Spanish", () => {
    expect(shape(es)).toEqual(shape(en));
  });

  it("leave no string empty in either language", () => {
    for (const strings of [en, es]) {
      const empty = shape(strings).filter((path) => {
        const value = path
          .replace(/\(\)\d+$/, "")
          .split(".")
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings);
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });

  it("follow the document's language, English by default", () => {
    expect(meetingStrings("es-MX")).toBe(es);
    expect(meetingStrings("en")).toBe(en);
    expect(meetingStrings("")).toBe(en);
  });

  it("count in each language's words", () => {
    expect(en.counts(1, 2, 0)).toBe("1 agenda item · 2 participants · 0 notes");
    expect(es.counts(1, 2, 0)).toBe("1 punto de agenda · 2 participantes · 0 notas");
  });
});
