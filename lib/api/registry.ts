import type { Operation } from "@/lib/http/operation";
import * as system from "@/lib/system/operations";
import * as identity from "@/lib/identity/operations";
import * as clients from "@/lib/clients/operations";
import * as audit from "@/lib/audit/operations";
import * as delivery from "@/lib/delivery/operations";
import * as clinical from "@/lib/clinical/operations";
import * as outcomesPain from "@/lib/outcomes/operations-pain";
import * as outcomesQuestionnaires from "@/lib/outcomes/operations-questionnaires";
import * as programmesSafety from "@/lib/programmes/operations-safety";
import * as schedulingSetup from "@/lib/scheduling/operations-setup";
import * as schedulingAvailability from "@/lib/scheduling/operations-availability";
import * as programmesExercises from "@/lib/programmes/operations-exercises";
import * as programmes from "@/lib/programmes/operations";
import * as schedulingCalendar from "@/lib/scheduling/operations-calendar";
import * as schedulingSeries from "@/lib/scheduling/operations-series";
import * as schedulingPortalBooking from "@/lib/scheduling/operations-portal-booking";
import * as identityTwoFactor from "@/lib/identity/operations-two-factor";
import * as identitySecurity from "@/lib/identity/operations-security";
import * as documents from "@/lib/documents/operations";
import * as schedulingPublicBooking from "@/lib/scheduling/operations-public-booking";
import * as jobs from "@/lib/jobs/operations";
import * as billingSetup from "@/lib/billing/operations-setup";
import * as billing from "@/lib/billing/operations";
import * as billingDesk from "@/lib/billing/operations-desk";
import * as billingReports from "@/lib/billing/operations-reports";
import * as billingPackages from "@/lib/billing/operations-packages";
import * as forms from "@/lib/forms/operations";
import * as formsTemplates from "@/lib/forms/operations-templates";
import * as messaging from "@/lib/messaging/operations";

/**
 * Every API operation. The OpenAPI document is generated from this list, the
 * authorization test walks it, and a test checks it matches the route files under app/api.
 */
export const operations: Operation[] = [
  ...Object.values(system),
  ...Object.values(identity),
  ...Object.values(clients),
  ...Object.values(audit),
  ...Object.values(delivery),
  ...Object.values(clinical),
  ...Object.values(outcomesPain),
  ...Object.values(outcomesQuestionnaires),
  ...Object.values(programmesSafety),
  ...Object.values(schedulingSetup),
  ...Object.values(schedulingAvailability),
  ...Object.values(programmesExercises),
  ...Object.values(programmes),
  ...Object.values(schedulingCalendar),
  ...Object.values(schedulingSeries),
  ...Object.values(schedulingPortalBooking),
  ...Object.values(identityTwoFactor),
  ...Object.values(identitySecurity),
  ...Object.values(documents),
  ...Object.values(schedulingPublicBooking),
  ...Object.values(jobs),
  ...Object.values(billingSetup),
  ...Object.values(billing),
  ...Object.values(billingDesk),
  ...Object.values(billingReports),
  ...Object.values(billingPackages),
  ...Object.values(formsTemplates),
  ...Object.values(forms),
  ...Object.values(messaging),
] as Operation[];
