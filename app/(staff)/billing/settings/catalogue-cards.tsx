"use client";
import type { z } from "zod";
import { call, ops } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { Money } from "@/app/_components/billing/money";
import type { priceDto, productDto, taxRateDto } from "@/lib/billing/schemas";
import { FeeForm, ProductForm, RegistrationForm, TaxRateForm, useSave } from "./catalogue-forms";

type Rate = z.infer<typeof taxRateDto>;
type Price = z.infer<typeof priceDto>;
type Product = z.infer<typeof productDto>;

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
        <TaxRateForm save={save} />
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
        <FeeForm save={save} currency={currency} types={types} rates={liveRates} />
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
        <ProductForm save={save} currency={currency} rates={liveRates} />
      </Card>
      <Card title="Registration numbers">
        <ul className="space-y-2" aria-label="Therapists">
          {registrations.map((r) => (
            <li key={r.userId}>
              <RegistrationForm save={save} registration={r} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
