"use client";
import { useEffect, useRef, useState } from "react";
import SignaturePad from "signature_pad";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";

export type SignatureValue =
  { method: "typed"; name: string; consent: boolean } | { method: "drawn"; name: string; pngBase64: string };

/**
 * Sign by drawing with a finger or pointer (signature_pad: smooth strokes, touch and pen,
 * kept by its authors) or by typing one's name and ticking an explicit consent box, which is
 * also the keyboard and screen-reader way to sign.
 */
export function SignatureField({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: SignatureValue;
  onChange: (v: SignatureValue) => void;
  errors: Record<string, string>;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [method, setMethod] = useState<"drawn" | "typed">(value.method);
  // The pad's stroke handler is bound once; it reads the typed name through this ref.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  useEffect(() => {
    if (method !== "drawn" || !canvas.current) return;
    const el = canvas.current;
    // Draw at the screen's pixel density so the stroke is crisp, then scale back.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext("2d")!.scale(ratio, ratio);
    const p = new SignaturePad(el, { backgroundColor: "rgb(255,255,255)" });
    p.addEventListener("endStroke", () => {
      onChange({ method: "drawn", name: latest.current.name, pngBase64: p.toDataURL("image/png").split(",")[1]! });
    });
    pad.current = p;
    return () => p.off();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the pad is made once per switch to drawing
  }, [method]);

  const switchTo = (m: "drawn" | "typed") => {
    setMethod(m);
    onChange(
      m === "typed"
        ? { method: "typed", name: value.name, consent: false }
        : { method: "drawn", name: value.name, pngBase64: "" },
    );
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-medium text-ink">{label}</legend>
      <Field
        label="Your full name"
        autoComplete="name"
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
        error={errors["signature.name"]}
      />
      <div role="group" aria-label="How to sign" className="flex gap-2">
        <Button
          type="button"
          variant={method === "drawn" ? "primary" : "secondary"}
          aria-pressed={method === "drawn"}
          onClick={() => switchTo("drawn")}
        >
          Draw
        </Button>
        <Button
          type="button"
          variant={method === "typed" ? "primary" : "secondary"}
          aria-pressed={method === "typed"}
          onClick={() => switchTo("typed")}
        >
          Type my name instead
        </Button>
      </div>
      {method === "drawn" ? (
        <div>
          <p id="pad-hint" className="mb-1 text-sm text-muted">
            Sign in the box with your finger or mouse.
          </p>
          <canvas
            ref={canvas}
            aria-label="Signature pad"
            aria-describedby="pad-hint"
            className="h-44 w-full touch-none rounded-md border border-stone-400 bg-white"
          />
          <div className="mt-1 flex items-center justify-between">
            {errors["signature.pngBase64"] ? (
              <p className="text-sm text-danger">{errors["signature.pngBase64"]}</p>
            ) : (
              <span />
            )}
            <Button
              type="button"
              variant="ghost"
              onClick={() => (pad.current?.clear(), onChange({ method: "drawn", name: value.name, pngBase64: "" }))}
            >
              Clear
            </Button>
          </div>
        </div>
      ) : (
        <label className="flex min-h-11 items-start gap-3 text-sm text-ink">
          <input
            type="checkbox"
            className="mt-0.5 size-5"
            checked={value.method === "typed" && value.consent}
            onChange={(e) => onChange({ method: "typed", name: value.name, consent: e.target.checked })}
          />
          <span>
            I agree that typing my name above is my signature on this form.
            {errors["signature.consent"] ? (
              <span className="mt-1 block text-danger">{errors["signature.consent"]}</span>
            ) : null}
          </span>
        </label>
      )}
    </fieldset>
  );
}
