/** The building blocks of the billing schemas (browser-safe, like them): ids, money, rates, text. */
import { z } from "zod";

export const MAX_AMOUNT_MINOR = 1_000_000_000;

export const id = z.uuid("Choose one from the list.");
export const amount = (label = "an amount") =>
  z
    .number(`Enter ${label}.`)
    .int("Use whole minor units (no fractions of a penny or cent).")
    .min(0, "Amounts cannot be negative.")
    .max(MAX_AMOUNT_MINOR, "That amount is too large.");
export const positiveAmount = amount().min(1, "Enter an amount above zero.");
export const basisPoints = (label: string) =>
  z
    .number(`Enter ${label}.`)
    .int("Use whole basis points (2000 = 20 %).")
    .min(0, "0 to 100 %.")
    .max(10_000, "0 to 100 %.");
export const shortText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
