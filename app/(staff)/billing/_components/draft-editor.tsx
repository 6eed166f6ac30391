"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { minorToDecimalString, parseMajorToMinor } from "@/lib/billing/rules/money";
import { LINE_KINDS, type InvoiceDetail } from "@/lib/billing/schemas";

interface Row {
  kind: (typeof LINE_KINDS)[number];
  description: string;
  productId: string | null;
  procedureCode: string | null;
  quantity: string;
  price: string;
  discount: string;
  taxRateId: string;
}

const KIND_LABEL = { service: "Service", product: "Product", discount: "Discount", other: "Other" } as const;

/** Edits a draft's lines (amounts typed in major units); the server computes and rounds. */
export function DraftEditor({
  invoice: inv,
  rates,
  products,
}: {
  invoice: InvoiceDetail;
  rates: { id: string; name: string }[];
  products: { id: string; name: string; priceMinor: number; taxRateId: string | null }[];
}) {
  const router = useRouter();
  const toRow = (l: InvoiceDetail["lines"][number]): Row => ({
    kind: l.kind,
    description: l.description,
    productId: l.productId,
    procedureCode: l.procedureCode,
    quantity: String(l.quantity),
    price: minorToDecimalString(l.unitPriceMinor, inv.currency),
    discount: l.discountBp ? String(l.discountBp / 100) : "",
    taxRateId: l.taxRateId ?? "",
  });
  const [rows, setRows] = useState<Row[]>(inv.lines.map(toRow));
  const [codes, setCodes] = useState(inv.diagnosisCodes.join(", "));
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = useMutation({
    mutationFn: () =>
      call(ops.updateInvoice, {
        params: { invoiceId: inv.id },
        body: {
          therapistUserId: inv.therapistUserId,
          serviceDate: inv.serviceDate,
          notes: inv.notes,
          version: inv.version,
          diagnosisCodes: codes
            .split(/[,\s]+/)
            .map((c) => c.trim())
            .filter(Boolean),
          lines: rows.map((r) => ({
            kind: r.kind,
            description: r.description,
            productId: r.productId,
            procedureCode: r.procedureCode,
            quantity: Number(r.quantity),
            unitPriceMinor: parseMajorToMinor(r.price, inv.currency) ?? Number.NaN,
            discountBp: r.discount ? Math.round(Number(r.discount) * 100) : 0,
            taxRateId: r.taxRateId || null,
          })),
        },
      }),
    onSuccess: () => router.refresh(),
  });
  const err = (k: string) => (save.error instanceof ApiError ? save.error.fieldErrors[k]?.[0] : undefined);
  return (
    <Card title="Edit draft" className="no-print">
      {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
      <ul className="mt-2 space-y-4" aria-label="Lines">
        {rows.map((r, i) => (
          <li key={i} className="grid gap-2 rounded-md border border-line p-3 sm:grid-cols-6">
            <SelectField label="Kind" value={r.kind} onChange={(e) => set(i, { kind: e.target.value as Row["kind"] })}>
              {LINE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </SelectField>
            <Field
              label="Description"
              className="sm:col-span-2"
              value={r.description}
              error={err(`lines.${i}.description`)}
              onChange={(e) => set(i, { description: e.target.value })}
            />
            <Field
              label="Qty"
              inputMode="numeric"
              value={r.quantity}
              error={err(`lines.${i}.quantity`)}
              onChange={(e) => set(i, { quantity: e.target.value })}
            />
            <Field
              label={`Price (${inv.currency})`}
              inputMode="decimal"
              value={r.price}
              error={err(`lines.${i}.unitPriceMinor`)}
              onChange={(e) => set(i, { price: e.target.value })}
            />
            <Field
              label="Discount %"
              inputMode="decimal"
              value={r.discount}
              error={err(`lines.${i}.discountBp`)}
              onChange={(e) => set(i, { discount: e.target.value })}
            />
            <SelectField
              label="Tax"
              value={r.taxRateId}
              error={err(`lines.${i}.taxRateId`)}
              onChange={(e) => set(i, { taxRateId: e.target.value })}
            >
              <option value="">No tax</option>
              {rates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
            <div className="flex items-end">
              <Button variant="ghost" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                Remove line {i + 1}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-4 flex flex-wrap items-end gap-2">
        <Button
          variant="secondary"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                kind: "other",
                description: "",
                productId: null,
                procedureCode: null,
                quantity: "1",
                price: "",
                discount: "",
                taxRateId: rates[0]?.id ?? "",
              },
            ])
          }
        >
          Add line
        </Button>
        {products.length ? (
          <SelectField
            label="Add a product"
            value=""
            onChange={(e) => {
              const p = products.find((x) => x.id === e.target.value);
              if (!p) return;
              setRows((rs) => [
                ...rs,
                {
                  kind: "product",
                  description: p.name,
                  productId: p.id,
                  procedureCode: null,
                  quantity: "1",
                  price: minorToDecimalString(p.priceMinor, inv.currency),
                  discount: "",
                  taxRateId: p.taxRateId ?? "",
                },
              ]);
            }}
          >
            <option value="">Choose…</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Field
          label="Diagnosis codes (ICD-10)"
          hint="Optional, e.g. M79.1"
          value={codes}
          error={err("diagnosisCodes.0") ?? err("diagnosisCodes")}
          onChange={(e) => setCodes(e.target.value)}
        />
        <Button busy={save.isPending} onClick={() => save.mutate()}>
          Save draft
        </Button>
      </div>
    </Card>
  );
}
