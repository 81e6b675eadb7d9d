// The intake form's values and how they become an `IntakeRequest` (pure, so it is tested
// without rendering).
import type { AgentInput, ApplicantInput, IntakeRequest } from "../../lib/ipc";

export type ApplicantType = ApplicantInput["type"];

export type IntakeValues = {
  item_code?: string;
  situations?: string[];
  applicant_type: ApplicantType;
  applicant?: {
    name?: string;
    id_number?: string;
    credit_code?: string;
    legal_representative?: string;
    phone?: string;
  };
  with_agent?: boolean;
  agent?: { name?: string; id_number?: string; phone?: string };
};

export const EMPTY_INTAKE: IntakeValues = {
  situations: [],
  applicant_type: "person",
  with_agent: false,
};

const trim = (s: string | undefined) => (s ?? "").trim();

/** The fields the form shows for this applicant type and agent choice (where errors can go). */
export function visibleFields(type: ApplicantType, withAgent: boolean): string[] {
  const applicant =
    type === "person"
      ? ["applicant.name", "applicant.id_number", "applicant.phone"]
      : [
          "applicant.name",
          "applicant.credit_code",
          "applicant.legal_representative",
          "applicant.phone",
        ];
  const agent = withAgent ? ["agent.name", "agent.id_number", "agent.phone"] : [];
  return ["item_code", "situations", ...applicant, ...agent];
}

export function toIntakeRequest(values: IntakeValues, actionKey: string): IntakeRequest {
  const a = values.applicant ?? {};
  const applicant: ApplicantInput =
    values.applicant_type === "person"
      ? {
          type: "person",
          name: trim(a.name),
          // ID numbers are read off the card: upper-case the check digit X the way it is printed.
          id_number: trim(a.id_number).toUpperCase(),
          phone: trim(a.phone),
        }
      : {
          type: "organisation",
          name: trim(a.name),
          credit_code: trim(a.credit_code).toUpperCase(),
          legal_representative: trim(a.legal_representative),
          phone: trim(a.phone),
        };
  const agent: AgentInput | null = values.with_agent
    ? {
        name: trim(values.agent?.name),
        id_number: trim(values.agent?.id_number).toUpperCase(),
        phone: trim(values.agent?.phone),
      }
    : null;
  return {
    action_key: actionKey,
    item_code: values.item_code ?? "",
    applicant,
    agent,
    situations: values.situations ?? [],
  };
}
