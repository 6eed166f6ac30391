import { describe, expect, it } from "vitest";
import { labelWithSide } from "./point-label";

describe("labelWithSide", () => {
  it("tells the left and right upper trapezius apart", () => {
    expect(labelWithSide("UT-1", "right")).toBe("UT-1 R");
    expect(labelWithSide("UT-1", "left")).toBe("UT-1 L");
    expect(labelWithSide("UT-1", "left")).not.toBe(labelWithSide("UT-1", "right"));
  });

  it("keeps midline and empty labels, and re-sides a label that already has a side", () => {
    expect(labelWithSide("MF-1", "midline")).toBe("MF-1");
    expect(labelWithSide("", "right")).toBe("");
    expect(labelWithSide("UT-1 R", "right")).toBe("UT-1 R");
    expect(labelWithSide("UT-1 R", "left")).toBe("UT-1 L");
    expect(labelWithSide("UT-1 R", "midline")).toBe("UT-1");
  });
});
