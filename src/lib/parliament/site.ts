/** The /answers/ page's door to its data: the model the data step wrote, typed. */
import raw from "../../generated/answers.json" with { type: "json" };
import type { AnswersPageModel } from "./page.ts";

export const answersPage = raw as unknown as AnswersPageModel;
