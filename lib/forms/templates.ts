import { PRECAUTIONS } from "@/lib/programmes/precautions";
import { formDefinitionSchema, type FormDefinition } from "./definition";

/**
 * The forms every clinic starts with. A clinic copies one to edit it (its copy is its own
 * template with its own versions); the seeded text stays as shipped. Clinical and legal
 * wording here is a starting point that the clinic must review before use.
 */
export const SEEDED_FORM_KEYS = ["health_history", "consent_mtrp", "consent_dry_needling", "privacy_notice"] as const;
export type SeededFormKey = (typeof SEEDED_FORM_KEYS)[number];

const sign = (label: string) => ({ id: "signature", kind: "signature" as const, label, required: true });

const healthHistory: FormDefinition = {
  title: "New client health history",
  kind: "health_history",
  intro:
    "This helps your therapist treat you safely and choose home exercises that suit you. Answer what you can; your therapist will go through it with you.",
  sections: [
    {
      id: "contact",
      title: "Your contact details",
      questions: [
        { id: "phone", kind: "short_text", label: "Mobile phone", required: true, mapsTo: "client.phone" },
        { id: "email", kind: "short_text", label: "Email", required: false, mapsTo: "client.email" },
        { id: "date_of_birth", kind: "date", label: "Date of birth", required: true, mapsTo: "client.date_of_birth" },
        {
          id: "emergency_name",
          kind: "short_text",
          label: "Emergency contact: name",
          required: true,
          mapsTo: "client.emergency_contact_name",
        },
        {
          id: "emergency_phone",
          kind: "short_text",
          label: "Emergency contact: phone",
          required: true,
          mapsTo: "client.emergency_contact_phone",
        },
      ],
    },
    {
      id: "reason",
      title: "Why you are coming",
      questions: [
        { id: "main_complaint", kind: "long_text", label: "What would you like help with?", required: true },
        { id: "pain_areas", kind: "body_map", label: "Mark where you feel it", required: false },
        {
          id: "pain_now",
          kind: "number",
          label: "How strong is it today, from 0 (none) to 10 (worst imaginable)?",
          min: 0,
          max: 10,
          required: false,
        },
      ],
    },
    {
      id: "health",
      title: "Your health",
      questions: [
        {
          id: "precautions",
          kind: "multi_choice",
          label: "Do any of these apply to you now? Tick all that do.",
          help: "Some of these change which home exercises and pressures are safe for you.",
          options: PRECAUTIONS.map((p) => ({ value: p.id, label: p.label })),
          required: false,
          mapsTo: "precautions",
        },
        { id: "conditions", kind: "long_text", label: "Other medical conditions", required: false },
        { id: "takes_medication", kind: "yes_no", label: "Do you take any medication?", required: true },
        {
          id: "medications",
          kind: "long_text",
          label:
            "Which medication? Please include blood thinners (for example warfarin, apixaban, rivaroxaban, or daily aspirin).",
          required: true,
          showIf: { question: "takes_medication", equals: true },
        },
        { id: "pregnant", kind: "yes_no", label: "Are you pregnant, or could you be?", required: true },
        {
          id: "implants",
          kind: "long_text",
          label: "Implants or devices (pacemaker, joint replacement, breast implants, IUD, pumps)",
          required: false,
        },
        { id: "recent_surgery", kind: "long_text", label: "Surgery or injury in the last 12 months", required: false },
      ],
    },
    {
      id: "declaration",
      title: "Declaration",
      questions: [
        sign(
          "I confirm this information is correct to the best of my knowledge, and I will tell my therapist if it changes.",
        ),
      ],
    },
  ],
};

const consentMtrp: FormDefinition = {
  title: "Consent to manual trigger point therapy",
  kind: "consent",
  intro:
    "Manual trigger point therapy uses sustained finger or tool pressure on tender spots in muscle. It is often uncomfortable while it is done; soreness for a day or two afterwards is common. Bruising can occur, especially with blood thinners. You can ask for less pressure or stop at any time.",
  sections: [
    {
      id: "consent",
      title: "Your consent",
      questions: [
        {
          id: "understood",
          kind: "yes_no",
          label: "I have read the description above and had the chance to ask questions.",
          required: true,
        },
        {
          id: "can_stop",
          kind: "yes_no",
          label: "I understand I can ask for less pressure or stop the treatment at any time.",
          required: true,
        },
        sign("I consent to manual trigger point therapy."),
      ],
    },
  ],
};

const consentDryNeedling: FormDefinition = {
  title: "Consent to dry needling",
  kind: "consent",
  intro:
    "Dry needling inserts a fine, sterile, single-use needle into a trigger point. Common effects: soreness, small bruises, brief tiredness. Rare but serious risks include fainting, infection and, over the chest wall, a punctured lung (pneumothorax). Tell your therapist if you are pregnant, take blood thinners, have a needle phobia, a bleeding disorder or a weakened immune system.",
  sections: [
    {
      id: "consent",
      title: "Your consent",
      questions: [
        {
          id: "risks_understood",
          kind: "yes_no",
          label: "I have read the risks above and had the chance to ask questions.",
          required: true,
        },
        {
          id: "disclosed",
          kind: "yes_no",
          label:
            "I have told my therapist about blood thinners, pregnancy, bleeding disorders and needle phobia where they apply.",
          required: true,
        },
        sign("I consent to dry needling."),
      ],
    },
  ],
};

const privacyNotice: FormDefinition = {
  title: "Privacy notice",
  kind: "privacy",
  intro:
    "We keep your health information to treat you safely, and only people treating you or running the clinic see it. We keep records for as long as the law requires. You may ask for a copy of your record or for corrections at any time.",
  sections: [
    {
      id: "acknowledge",
      title: "Acknowledgement",
      questions: [
        {
          id: "contact_by_email",
          kind: "yes_no",
          label: "You may send me appointment reminders by email.",
          required: true,
        },
        sign("I have read and understood the privacy notice."),
      ],
    },
  ],
};

export const SEEDED_FORMS: Record<SeededFormKey, FormDefinition> = {
  health_history: formDefinitionSchema.parse(healthHistory),
  consent_mtrp: formDefinitionSchema.parse(consentMtrp),
  consent_dry_needling: formDefinitionSchema.parse(consentDryNeedling),
  privacy_notice: formDefinitionSchema.parse(privacyNotice),
};

/** Dry needling is offered only where the clinic says it is within its practitioners' scope. */
export const seededFormsFor = (offersDryNeedling: boolean): SeededFormKey[] =>
  SEEDED_FORM_KEYS.filter((k) => k !== "consent_dry_needling" || offersDryNeedling);
