import type { FormDefinition, Question } from "./definition";

/**
 * Every question of a form, section by section. Apart from definition.ts (its zod schemas) so
 * the portal's fill-in page, which checks answers in the browser with rules/answers.ts, does
 * not carry zod for one flatMap (issue #16, page weight).
 */
export const allQuestions = (def: FormDefinition): Question[] => def.sections.flatMap((s) => s.questions);
