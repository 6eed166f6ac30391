"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { call, ops } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { Money } from "@/app/_components/billing/money";
import { parseMajorToMinor } from "@/lib/billing/rules/money";
import type { priceDto, productDto, taxRateDto } from "@/lib/billing/schemas";

type Rate = z.infer<typeof taxRateDto>;
type Price = z.infer<typeof priceDto>;
type Product = z.infer<typeof productDto>;

/** One POST/PUT/PATCH then a refresh of the server-rendered lists. */
function useSave() {
  const router = useRouter();
  return useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => router.refresh(),
  });
}

export function CatalogueCards({
  currency,
  rates,
  prices,
  products,
  types,
  registrations,
}: {
  currency: string;
  rates: Rate[];
  prices: Price[];
  products: Product[];
  types: { id: string; name: string }[];
  registrations: { userId: string; name: string; registrationNumber: string }[];
}) {
  const save = useSave();
  const [rate, setRate] = useState({ name: "", percent: "" });
  const [fee, setFee] = useState({ typeId: types[0]?.id ?? "", amount: "", taxRateId: "", procedureCode: "" });
  const [product, setProduct] = useState({ name: "", amount: "", taxRateId: "" });
  const liveRates = rates.filter((r) => !r.archived);
  const rateName = (id: string | null) => rates.find((r) => r.id === id)?.name ?? "No tax";
  return (
    <div className="space-y-6">
      {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
      <Card title="Tax rates">
        {rates.length === 0 ? (
          <EmptyState title="No tax rates">Add VAT or GST if the clinic charges it.</EmptyState>
        ) : null}
        <ul className="divide-y divide-line" aria-label="Tax rates">
          {rates.map((r) => (
            <li key={r.id} className="flex min-h-12 items-center justify-between gap-2">
              <span>
                {r.name} · {r.rateBp / 100}% {r.archived ? <Badge>Archived</Badge> : null}
              </span>
              <Button
                variant="ghost"
                onClick={() =>
                  save.mutate(() =>
                    call(ops.updateTaxRate, { params: { taxRateId: r.id }, body: { archived: !r.archived } }),
                  )
                }
              >
                {r.archived ? "Restore" : "Archive"}
              </Button>
            </li>
          ))}
        </ul>
        <form
          className="mt-4 grid grid-cols-[1fr_8rem_auto] items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(() =>
              call(ops.createTaxRate, {
                body: { name: rate.name, rateBp: Math.round(Number(rate.percent) * 100) },
              }),
            );
          }}
        >
          <Field label="Rate name" value={rate.name} onChange={(e) => setRate({ ...rate, name: e.target.value })} />
          <Field
            label="Percent"
            inputMode="decimal"
            value={rate.percent}
            onChange={(e) => setRate({ ...rate, percent: e.target.value })}
          />
          <Button type="submit" variant="secondary">
            Add rate
          </Button>
        </form>
      </Card>
      <Card title="Fees">
        {prices.length === 0 ? (
          <EmptyState title="No fees set">Set a fee per appointment type; invoices start from it.</EmptyState>
        ) : (
          <ul className="divide-y divide-line" aria-label="Fees">
            {prices.map((p) => (
              <li key={p.id} className="flex min-h-12 items-center justify-between gap-2">
                <span>
                  {p.typeName}
                  {p.therapistName ? ` (${p.therapistName})` : ""} · <Money minor={p.amountMinor} currency={currency} />{" "}
                  · {rateName(p.taxRateId)}
                  {p.procedureCode ? ` · ${p.procedureCode}` : ""}
                </span>
                <Button
                  variant="ghost"
                  onClick={() => save.mutate(() => call(ops.deletePrice, { params: { priceId: p.id } }))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="mt-4 grid gap-2 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(() =>
              call(ops.setPrice, {
                body: {
                  typeId: fee.typeId,
                  therapistUserId: null,
                  amountMinor: parseMajorToMinor(fee.amount, currency) ?? -1,
                  taxRateId: fee.taxRateId || null,
                  procedureCode: fee.procedureCode || null,
                },
              }),
            );
          }}
        >
          <SelectField
            label="Appointment type"
            value={fee.typeId}
            onChange={(e) => setFee({ ...fee, typeId: e.target.value })}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
          <Field
            label={`Fee (${currency})`}
            inputMode="decimal"
            value={fee.amount}
            onChange={(e) => setFee({ ...fee, amount: e.target.value })}
          />
          <SelectField
            label="Tax"
            value={fee.taxRateId}
            onChange={(e) => setFee({ ...fee, taxRateId: e.target.value })}
          >
            <option value="">No tax</option>
            {liveRates.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <Field
            label="Procedure code (optional)"
            value={fee.procedureCode}
            onChange={(e) => setFee({ ...fee, procedureCode: e.target.value })}
          />
          <div>
            <Button type="submit" variant="secondary">
              Set fee
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Products">
        {products.length === 0 ? <EmptyState title="No products">Add the tools the clinic sells.</EmptyState> : null}
        <ul className="divide-y divide-line" aria-label="Products">
          {products.map((p) => (
            <li key={p.id} className="flex min-h-12 items-center justify-between gap-2">
              <span>
                {p.name} · <Money minor={p.priceMinor} currency={currency} />{" "}
                {p.archived ? <Badge>Archived</Badge> : null}
              </span>
              <Button
                variant="ghost"
                onClick={() =>
                  save.mutate(() =>
                    call(ops.updateProduct, { params: { productId: p.id }, body: { archived: !p.archived } }),
                  )
                }
              >
                {p.archived ? "Restore" : "Archive"}
              </Button>
            </li>
          ))}
        </ul>
        <form
          className="mt-4 grid gap-2 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(() =>
              call(ops.createProduct, {
                body: {
                  name: product.name,
                  priceMinor: parseMajorToMinor(product.amount, currency) ?? -1,
                  taxRateId: product.taxRateId || null,
                },
              }),
            );
          }}
        >
          <Field
            label="Product"
            value={product.name}
            onChange={(e) => setProduct({ ...product, name: e.target.value })}
          />
          <Field
            label={`Price (${currency})`}
            inputMode="decimal"
            value={product.amount}
            onChange={(e) => setProduct({ ...product, amount: e.target.value })}
          />
          <SelectField
            label="Tax"
            value={product.taxRateId}
            onChange={(e) => setProduct({ ...product, taxRateId: e.target.value })}
          >
            <option value="">No tax</option>
            {liveRates.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              Add product
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Registration numbers">
        <ul className="space-y-2" aria-label="Therapists">
          {registrations.map((r) => (
            <li key={r.userId}>
              <form
                className="flex items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  const value = new FormData(e.currentTarget).get("reg");
                  save.mutate(() =>
                    call(ops.setRegistration, {
                      body: { userId: r.userId, registrationNumber: String(value ?? "") },
                    }),
                  );
                }}
              >
                <Field label={r.name} name="reg" defaultValue={r.registrationNumber} className="flex-1" />
                <Button type="submit" variant="secondary">
                  Save
                </Button>
              </form>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
