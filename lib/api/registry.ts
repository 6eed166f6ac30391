import type { Operation } from "@/lib/http/operation";
import * as foundation from "./operations-foundation";
import * as visits from "./operations-visits";
import * as pain from "./operations-pain";
import * as questionnaires from "./operations-questionnaires";
import * as safety from "./operations-safety";
import * as setup from "./operations-setup";
import * as availability from "./operations-availability";
import * as exercises from "./operations-exercises";
import * as programmes from "./operations-programmes";
import * as calendar from "./operations-calendar";
import * as series from "./operations-series";
import * as booking from "./operations-booking";
import * as twoFactor from "./operations-two-factor";
import * as security from "./operations-security";
import * as documents from "./operations-documents";
import * as publicBooking from "./operations-public-booking";
import * as jobs from "./operations-jobs";
import * as billingSetup from "./operations-billing-setup";
import * as billing from "./operations-billing";
import * as billingDesk from "./operations-billing-desk";
import * as billingReports from "./operations-billing-reports";
import * as billingPackages from "./operations-billing-packages";
import * as forms from "./operations-forms";
import * as formTemplates from "./operations-form-templates";
import * as messaging from "./operations-messaging";

/**
 * Every API operation. The OpenAPI document is generated from this list, the
 * authorization test walks it, and a test checks it matches the route files under app/api.
 */
export const operations: Operation[] = [
  ...Object.values(foundation),
  ...Object.values(visits),
  ...Object.values(pain),
  ...Object.values(questionnaires),
  ...Object.values(safety),
  ...Object.values(setup),
  ...Object.values(availability),
  ...Object.values(exercises),
  ...Object.values(programmes),
  ...Object.values(calendar),
  ...Object.values(series),
  ...Object.values(booking),
  ...Object.values(twoFactor),
  ...Object.values(security),
  ...Object.values(documents),
  ...Object.values(publicBooking),
  ...Object.values(jobs),
  ...Object.values(billingSetup),
  ...Object.values(billing),
  ...Object.values(billingDesk),
  ...Object.values(billingReports),
  ...Object.values(billingPackages),
  ...Object.values(formTemplates),
  ...Object.values(forms),
  ...Object.values(messaging),
] as Operation[];
