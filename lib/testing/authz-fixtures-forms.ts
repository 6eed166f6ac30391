import { clientIdByName, actorFor } from "./db";
import type { FixtureModule } from "./authz-fixture-module";
import { copySeededForm } from "@/lib/forms/form-templates/copy-seeded-form";
import { sendForms } from "@/lib/forms/form-requests/send-forms";
import { signForm } from "@/lib/forms/submit-form";
import { listProposals } from "@/lib/forms/list-proposals";
import { openKiosk } from "@/lib/forms/kiosk";
import { renderSubmissionPdf } from "@/lib/forms/pdf-job";

/**
 * Fixtures for the forms routes: the clinic's copies of the health history and privacy
 * notice; Priya's health history signed at the clinic (with proposals to decide); a privacy
 * notice waiting in Casey's portal.
 */
export const formsFixtures: FixtureModule = {
  buildParams: async (db, base) => {
    const therapist = await actorFor(db, "therapist@demo.test");
    const health = await copySeededForm(db, therapist, "health_history");
    const privacy = await copySeededForm(db, therapist, "privacy_notice");
    const priya = base.clientId!;
    const [sent] = await sendForms(db, therapist, priya, [health.id]);
    const { submissionId } = await signForm(
      db,
      {
        clinicId: therapist.clinicId,
        clientId: priya,
        requestId: sent!.id,
        source: "kiosk",
        actor: therapist,
        userAgent: "fixture",
      },
      {
        answers: {
          phone: "07700 900111",
          date_of_birth: "1985-01-02",
          emergency_name: "Ravi Shah",
          emergency_phone: "07700 900222",
          main_complaint: "Neck ache",
          precautions: ["anticoagulants"],
          takes_medication: true,
          medications: "Apixaban",
          pregnant: false,
        },
        signature: { method: "typed", name: "Priya Shah", consent: true },
      },
    );
    // The PDF the job would render, so the PDF route has one to serve.
    await renderSubmissionPdf(db, therapist.clinicId, submissionId);
    const [proposal] = await listProposals(db, therapist, priya);
    const casey = await clientIdByName(db, "Casey", "Client");
    const [pending] = await sendForms(db, therapist, casey, [privacy.id]);
    // Another pending form for Priya, open on the clinic's tablet.
    const [kiosk] = await sendForms(db, therapist, priya, [privacy.id]);
    const { path } = await openKiosk(db, therapist, priya, kiosk!.id);
    return {
      templateId: privacy.id,
      // Named apart: the public booking fixture's `requestId` and the calendar feed's `token`
      // are other objects, and one world holds every area's parameters.
      formRequestId: sent!.id,
      proposalId: proposal!.id,
      caseyRequestId: pending!.id,
      pendingRequestId: kiosk!.id,
      kioskToken: path.split("/").pop()!,
    };
  },
  paramOverrides: {
    getClientFormSubmission: { requestId: "formRequestId" },
    getClientFormPdf: { requestId: "formRequestId" },
    getKioskForm: { token: "kioskToken" },
    submitKioskForm: { token: "kioskToken" },
    getMyForm: { requestId: "caseyRequestId" },
    submitMyForm: { requestId: "caseyRequestId" },
    openFormKiosk: { requestId: "pendingRequestId" },
  },
  dynamicBodies: {
    sendClientForms: { make: async (w) => ({ templateIds: [w.params.templateId] }), refersToDemo: true },
  },
};
