"use client";
import "@/app/_lib/zod-browser";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useMutation } from "@tanstack/react-query";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { PackageList } from "@/app/_components/billing/package-list";
import { useMoney } from "@/app/_components/billing/money";
import { sellPackageBody, type ClientPackageDto, type PackagePlanDto } from "@/lib/billing/package-schemas";

type SellValues = z.input<typeof sellPackageBody>;

/** The client's prepaid packages, and selling one: the sale issues its invoice, paid like any other. */
export function PackagesCard({
  clientId,
  currency,
  packages,
  plans,
}: {
  clientId: string;
  currency: string;
  packages: ClientPackageDto[];
  plans: PackagePlanDto[];
}) {
  const router = useRouter();
  const money = useMoney(currency);
  const live = plans.filter((p) => !p.archived);
  const form = useForm<SellValues>({
    resolver: zodResolver(sellPackageBody),
    defaultValues: { planId: live[0]?.id ?? "" },
  });
  const sell = useMutation({
    mutationFn: (body: SellValues) => call(ops.sellPackage, { params: { clientId }, body }),
    onSuccess: () => router.refresh(),
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const planError = form.formState.errors.planId?.message;
  return (
    <Card title="Packages">
      {packages.length === 0 ? (
        <EmptyState title="No packages">
          Sell a prepaid package below; sessions are drawn as appointments complete.
        </EmptyState>
      ) : (
        <PackageList packages={packages} />
      )}
      {live.length === 0 ? (
        <p className="mt-4 text-sm text-muted">
          No package plans to sell.{" "}
          <Link href="/billing/settings/packages" className="text-accent-700 underline">
            Set up packages
          </Link>
        </p>
      ) : (
        <form
          className="mt-4 space-y-2 border-t border-line pt-4"
          noValidate
          onSubmit={form.handleSubmit((v) => sell.mutate(v))}
        >
          {sell.error && !planError ? <Notice tone="danger">{sell.error.message}</Notice> : null}
          {sell.isSuccess ? <Notice tone="success">Package sold; its invoice is on the account.</Notice> : null}
          <SelectField label="Package to sell" error={planError} {...form.register("planId")}>
            {live.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {p.sessions} sessions · {money(p.priceMinor)}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" busy={sell.isPending}>
            Sell package
          </Button>
        </form>
      )}
    </Card>
  );
}
