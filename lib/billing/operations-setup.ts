import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  billingSettingsBody,
  billingSettingsDto,
  priceBody,
  priceDto,
  priceParams,
  productBody,
  productDto,
  productParams,
  productPatchBody,
  registrationBody,
  taxRateBody,
  taxRateDto,
  taxRateParams,
  taxRatePatchBody,
} from "@/lib/billing/schemas";

export const getBillingSettings = defineOperation({
  id: "getBillingSettings",
  method: "GET",
  path: "/api/billing/settings",
  tag: "Billing",
  summary: "The clinic's currency, business details printed on invoices and invoicing defaults",
  auth: { permission: "billing.manage" },
  response: billingSettingsDto,
});

export const updateBillingSettings = defineOperation({
  id: "updateBillingSettings",
  method: "PUT",
  path: "/api/billing/settings",
  tag: "Billing",
  summary: "Change billing settings, including whether therapists may bill (409 when someone saved first)",
  auth: { permission: "clinic.settings" },
  body: billingSettingsBody,
  response: billingSettingsDto,
  exampleBody: {
    currency: "GBP",
    businessName: "A Clinic Ltd",
    businessAddress: "1 High Street",
    taxNumber: "GB123456789",
    pricesIncludeTax: true,
    defaultTaxRateId: null,
    autoInvoice: false,
    paymentTermsDays: 14,
    invoicePrefix: "INV-",
    billingForTherapists: false,
    version: 1,
  },
});

const registrationDto = z.object({ userId: z.uuid(), name: z.string(), registrationNumber: z.string() });

export const listRegistrations = defineOperation({
  id: "listRegistrations",
  method: "GET",
  path: "/api/billing/registrations",
  tag: "Billing",
  summary: "Therapists with the registration numbers printed on their invoices",
  auth: { permission: "clinic.settings" },
  response: z.array(registrationDto),
});

export const setRegistration = defineOperation({
  id: "setRegistration",
  method: "PUT",
  path: "/api/billing/registrations",
  tag: "Billing",
  summary: "Set a therapist's professional registration number",
  auth: { permission: "clinic.settings" },
  body: registrationBody,
  response: z.object({ userId: z.uuid(), registrationNumber: z.string() }),
  exampleBody: { userId: "00000000-0000-4000-8000-000000000000", registrationNumber: "CNHC 012345" },
});

export const listTaxRates = defineOperation({
  id: "listTaxRates",
  method: "GET",
  path: "/api/billing/tax-rates",
  tag: "Billing",
  summary: "The clinic's tax rates (VAT, GST), archived ones included",
  auth: { permission: "billing.manage" },
  response: z.array(taxRateDto),
});

export const createTaxRate = defineOperation({
  id: "createTaxRate",
  method: "POST",
  path: "/api/billing/tax-rates",
  tag: "Billing",
  summary: "Add a tax rate (basis points: 2000 = 20 %)",
  auth: { permission: "clinic.settings" },
  body: taxRateBody,
  response: taxRateDto,
  successStatus: 201,
  exampleBody: { name: "VAT 20%", rateBp: 2000 },
});

export const updateTaxRate = defineOperation({
  id: "updateTaxRate",
  method: "PATCH",
  path: "/api/billing/tax-rates/{taxRateId}",
  tag: "Billing",
  summary: "Rename or archive a tax rate (issued invoices keep the rate they were issued with)",
  auth: { permission: "clinic.settings" },
  params: taxRateParams,
  body: taxRatePatchBody,
  response: taxRateDto,
  exampleBody: { name: "VAT standard" },
});

export const listPrices = defineOperation({
  id: "listPrices",
  method: "GET",
  path: "/api/billing/prices",
  tag: "Billing",
  summary: "Fees per appointment type, and therapists' own fees",
  auth: { permission: "billing.manage" },
  response: z.array(priceDto),
});

export const setPrice = defineOperation({
  id: "setPrice",
  method: "PUT",
  path: "/api/billing/prices",
  tag: "Billing",
  summary: "Set the fee of an appointment type (optionally a therapist's own fee for it)",
  auth: { permission: "clinic.settings" },
  body: priceBody,
  response: priceDto,
  exampleBody: {
    typeId: "00000000-0000-4000-8000-000000000000",
    therapistUserId: null,
    amountMinor: 6000,
    taxRateId: null,
    procedureCode: "97140",
  },
});

export const deletePrice = defineOperation({
  id: "deletePrice",
  method: "DELETE",
  path: "/api/billing/prices/{priceId}",
  tag: "Billing",
  summary: "Remove a fee (issued invoices keep their amounts)",
  auth: { permission: "clinic.settings" },
  params: priceParams,
  successStatus: 204,
});

export const listProducts = defineOperation({
  id: "listProducts",
  method: "GET",
  path: "/api/billing/products",
  tag: "Billing",
  summary: "Products the clinic sells (massage balls, rollers, sticks)",
  auth: { permission: "billing.manage" },
  response: z.array(productDto),
});

export const createProduct = defineOperation({
  id: "createProduct",
  method: "POST",
  path: "/api/billing/products",
  tag: "Billing",
  summary: "Add a product",
  auth: { permission: "clinic.settings" },
  body: productBody,
  response: productDto,
  successStatus: 201,
  exampleBody: { name: "Massage ball", sku: "MB-1", priceMinor: 899, taxRateId: null },
});

export const updateProduct = defineOperation({
  id: "updateProduct",
  method: "PATCH",
  path: "/api/billing/products/{productId}",
  tag: "Billing",
  summary: "Edit or archive a product",
  auth: { permission: "clinic.settings" },
  params: productParams,
  body: productPatchBody,
  response: productDto,
  exampleBody: { priceMinor: 999 },
});
