// The applicant block of the intake form: person (name, ID number, phone) or organisation
// (name, credit code, legal representative, phone), and the optional agent behind a switch.
// Each Form.Item carries a test id from its field path so errors can be found on it.
import { Col, Form, Input, Radio, Row, Switch } from "antd";
import { useT, type MessageKey } from "../../lib/i18n";
import { fieldTestId } from "../../lib/form/fieldErrors";
import type { ApplicantType } from "./intakeRequest";

function Field({
  path,
  label,
  span = 8,
  required = true,
}: {
  path: string;
  label: MessageKey;
  span?: number;
  /** Marks the field as required (the backend checks it). */
  required?: boolean;
}) {
  const t = useT();
  return (
    <Col span={span}>
      <Form.Item
        name={path.split(".")}
        label={t(label)}
        required={required}
        data-testid={fieldTestId("intake-field", path)}
      >
        <Input data-testid={fieldTestId("intake", path)} autoComplete="off" />
      </Form.Item>
    </Col>
  );
}

export function ApplicantFields({ type, withAgent }: { type: ApplicantType; withAgent: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item name="applicant_type" label={t("intake.applicantType")}>
        <Radio.Group optionType="button" buttonStyle="solid">
          <Radio.Button value="person">
            <span data-testid="intake-type-person">{t("intake.person")}</span>
          </Radio.Button>
          <Radio.Button value="organisation">
            <span data-testid="intake-type-organisation">{t("intake.organisation")}</span>
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {type === "person" ? (
        <Row gutter={16}>
          <Field path="applicant.name" label="intake.name" />
          <Field path="applicant.id_number" label="intake.idNumber" />
          <Field path="applicant.phone" label="intake.phone" />
        </Row>
      ) : (
        <Row gutter={16}>
          <Field path="applicant.name" label="intake.orgName" span={12} />
          <Field path="applicant.credit_code" label="intake.creditCode" span={12} />
          <Field path="applicant.legal_representative" label="intake.legalRep" span={12} />
          <Field path="applicant.phone" label="intake.phone" span={12} />
        </Row>
      )}
      <Form.Item name="with_agent" label={t("intake.withAgent")} valuePropName="checked">
        <Switch data-testid="intake-with-agent" />
      </Form.Item>
      {withAgent && (
        <Row gutter={16}>
          <Field path="agent.name" label="intake.agentName" />
          <Field path="agent.id_number" label="intake.agentIdNumber" />
          <Field path="agent.phone" label="intake.agentPhone" />
        </Row>
      )}
    </>
  );
}
