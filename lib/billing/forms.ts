/**
 * Form schemas derived from the operations' schemas: people type amounts in major units
 * ("12.50"); the form turns them into minor units before the request. Pure (browser and server).
 */
import { z } from "zod";
import { paymentBody } from "./payment-schemas";
import { parseMajorToMinor } from "./rules/money";

/** An amount typed in the clinic's currency, checked with the same parser the request will use. */
export const typedAmount = (currency: string) =>
  z
    .string()
    .trim()
    .min(1, "Enter an amount.")
    .refine((v) => (parseMajorToMinor(v, currency) ?? 0) > 0, "Enter an amount above zero, such as 25.00.");

export const takePaymentForm = (currency: string) =>
  paymentBody.pick({ method: true, reference: true, payerName: true }).extend({ amount: typedAmount(currency) });
export type TakePaymentValues = z.input<ReturnType<typeof takePaymentForm>>;
