/**
 * Plain words for audit event codes and changed-field names, for the audit page.
 * Pure: no I/O. An unknown code still reads as words ("room.archived" → "Room archived").
 */
import { ACCESS_REFUSED, READ_KINDS } from "./read-kinds";

const CHANGES: Record<string, string> = {
  "client.created": "Client record created",
  "client.updated": "Client record edited",
  "client.archived": "Client archived",
  "client.restored": "Client restored",
  "client.precautions_set": "Precautions recorded",
  "client.tools_set": "Self-release tools recorded",
  "client.online_booking_allowed": "Online booking allowed for client",
  "client.online_booking_blocked": "Online booking blocked for client",
  "clinic.settings_updated": "Clinic settings changed",
  "job.retried": "Failed background job retried",
  "job.discarded": "Failed background job discarded",
  "invitation.created": "Invitation sent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "visit.created": "Visit opened",
  "visit.note_edited": "Visit note edited",
  "visit.signed": "Visit signed",
  "visit.amended": "Signed visit amended",
  "visit.pain_recorded": "Pain scores recorded at a visit",
  "finding.created": "Trigger point charted",
  "finding.updated": "Finding edited",
  "finding.deleted": "Finding removed",
  "complaint.created": "Complaint added",
  "complaint.updated": "Complaint edited",
  "muscle.created": "Clinic muscle added",
  "questionnaire.assigned": "Questionnaire assigned",
  "questionnaire.cancelled": "Questionnaire stopped",
  "questionnaire.completed": "Questionnaire answered",
  "instrument.wording_set": "Licensed questionnaire wording entered",
  "appointment.booked": "Appointment booked",
  "appointment.cancelled": "Appointment cancelled",
  "appointment.moved": "Appointment moved",
  "appointment.status_changed": "Appointment status changed",
  "appointment.visit_opened": "Visit opened from an appointment",
  "appointment_type.created": "Appointment type added",
  "appointment_type.updated": "Appointment type edited",
  "availability.hours_set": "Working hours set",
  "availability.exception_added": "Time off added",
  "availability.exception_removed": "Time off removed",
  "calendar_feed.created": "Calendar feed created",
  "calendar_feed.rotated": "Calendar feed link replaced",
  "calendar_feed.revoked": "Calendar feed revoked",
  "billing.settings_updated": "Billing settings changed",
  "billing.registration_set": "Therapist registration number set",
  "tax_rate.created": "Tax rate added",
  "tax_rate.updated": "Tax rate edited",
  "price.set": "Fee set",
  "price.removed": "Fee removed",
  "product.created": "Product added",
  "product.updated": "Product edited",
  "invoice.drafted": "Invoice drafted",
  "invoice.draft_updated": "Draft invoice edited",
  "invoice.draft_deleted": "Draft invoice deleted",
  "invoice.issued": "Invoice issued",
  "invoice.voided": "Invoice voided",
  "invoice.credited": "Credit note issued",
  "invoice.credit_applied": "Account credit applied to an invoice",
  "invoice.paid_online": "Invoice paid online",
  "invoice.emailed": "Invoice or receipt emailed to the client",
  "statement.emailed": "Statement emailed to the client",
  "payment.recorded": "Payment recorded",
  "payment.refunded": "Refund paid",
  "room.created": "Room added",
  "room.updated": "Room edited",
  "series.created": "Appointment series booked",
  "series.cancelled": "Appointment series cancelled",
  "waitlist.added": "Added to the waitlist",
  "waitlist.offered": "Waitlist slot offered",
  "waitlist.booked": "Booked from the waitlist",
  "exercise.created": "Clinic exercise added",
  "exercise.updated": "Clinic exercise edited",
  "exercise.archived": "Clinic exercise archived",
  "exercise.restored": "Clinic exercise restored",
  "exercise.image_set": "Exercise picture added",
  "document.uploaded": "Document added to the record",
  "document.updated": "Document details edited",
  "document.shared": "Document shared with the client",
  "document.unshared": "Document no longer shared with the client",
  "document.deleted": "Document removed from the record",
  "form.template_copied": "Form added to the clinic's forms",
  "form.template_created": "New blank form started",
  "form.template_saved": "Form edited (new version)",
  "form.sent": "Form sent to the client",
  "form.signed": "Form signed",
  "form.kiosk_opened": "Form opened on the clinic's tablet",
  "form.proposal_accepted": "Change from a form accepted",
  "form.proposal_edited": "Change from a form accepted with an edit",
  "form.proposal_dismissed": "Change from a form dismissed",
  "exercise.image_removed": "Exercise picture removed",
  "programme.created": "Programme prescribed",
  "programme.revised": "Programme revised",
  "programme.ended": "Programme ended",
  "programme.completed": "Exercise ticked off",
  "programme.adverse_reported": "Problem reported with an exercise",
  "programme.adverse_reviewed": "Reported problem reviewed",
  "signin.failed": "Failed sign-in",
  "two_factor.check_passed": "Two-factor code accepted",
  "two_factor.check_failed": "Two-factor code refused",
  "two_factor.enabled": "Two-factor sign-in turned on",
  "two_factor.disabled": "Two-factor sign-in turned off",
  "two_factor.recovery_codes_replaced": "New two-factor recovery codes made",
  [ACCESS_REFUSED]: "Access refused",
};

const LABELS: Record<string, string> = {
  ...CHANGES,
  ...Object.fromEntries(Object.values(READ_KINDS).map((k) => [k.action, k.label])),
};

const words = (code: string) =>
  code
    .replace(/[._]/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "appointment.booked" → "Appointment booked". */
export function eventLabel(action: string): string {
  return LABELS[action] ?? sentence(words(action));
}

/** "onlineBooking" → "online booking", "timezone" → "time zone". */
export function fieldLabel(field: string): string {
  return FIELD_WORDS[field] ?? words(field);
}

const FIELD_WORDS: Record<string, string> = {
  timezone: "time zone",
  dateOfBirth: "date of birth",
  ndiThreshold: "NDI threshold",
};

/** Event kinds for the audit page's filter, grouped: reads of health information, then changes. */
export const EVENT_GROUPS: { label: string; actions: { action: string; label: string }[] }[] = [
  {
    label: "Reading health information",
    actions: [
      ...Object.values(READ_KINDS).map((k) => ({ action: k.action, label: k.label })),
      { action: ACCESS_REFUSED, label: LABELS[ACCESS_REFUSED]! },
    ],
  },
  {
    label: "Changes",
    actions: Object.entries(CHANGES)
      .filter(([a]) => a !== ACCESS_REFUSED)
      .map(([action, label]) => ({ action, label }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  },
];
