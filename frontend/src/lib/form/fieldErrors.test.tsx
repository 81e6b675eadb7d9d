// The backend's field errors on a real antd form: a field corrected since the last attempt
// loses its error on the next submit, an edited field loses it at once, a success clears all.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Form, Input, type FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { changedPaths, clearEditedFieldErrors, clearFieldErrors, showFieldErrors } from "./fieldErrors";

const KNOWN = ["applicant.name", "applicant.id_number", "phone"];

function renderForm() {
  const holder: { form: FormInstance | null } = { form: null };
  function Harness() {
    const [form] = Form.useForm();
    holder.form = form;
    return (
      <Form form={form} onValuesChange={(changed) => clearEditedFieldErrors(form, changed)}>
        <Form.Item name={["applicant", "name"]}>
          <Input data-testid="name" />
        </Form.Item>
        <Form.Item name={["applicant", "id_number"]}>
          <Input data-testid="id" />
        </Form.Item>
        <Form.Item name="phone">
          <Input data-testid="phone" />
        </Form.Item>
      </Form>
    );
  }
  render(<Harness />);
  if (!holder.form) throw new Error("no form");
  return holder.form;
}

describe("showFieldErrors", () => {
  it("clears a corrected field's error on the next refusal", () => {
    const form = renderForm();
    act(() => {
      showFieldErrors(
        form,
        [
          { field: "applicant.id_number", message: "身份证号码有误" },
          { field: "phone", message: "电话号码有误" },
        ],
        KNOWN,
      );
    });
    expect(form.getFieldError(["applicant", "id_number"])).toEqual(["身份证号码有误"]);
    expect(form.getFieldError(["phone"])).toEqual(["电话号码有误"]);

    // Next attempt: the ID number was fixed, only the phone is still refused.
    let leftover: unknown;
    act(() => {
      leftover = showFieldErrors(
        form,
        [
          { field: "phone", message: "电话号码有误" },
          { field: "item", message: "事项不存在" },
        ],
        KNOWN,
      );
    });
    expect(form.getFieldError(["applicant", "id_number"])).toEqual([]);
    expect(form.getFieldError(["phone"])).toEqual(["电话号码有误"]);
    expect(leftover).toEqual([{ field: "item", message: "事项不存在" }]);

    act(() => clearFieldErrors(form, KNOWN));
    expect(form.getFieldError(["phone"])).toEqual([]);
  });

  it("clears a field's error as soon as it is edited", async () => {
    const form = renderForm();
    act(() => {
      showFieldErrors(
        form,
        [
          { field: "applicant.id_number", message: "身份证号码有误" },
          { field: "phone", message: "电话号码有误" },
        ],
        KNOWN,
      );
    });
    fireEvent.change(screen.getByTestId("id"), { target: { value: "11010519491231002X" } });
    await act(async () => {});
    expect(form.getFieldError(["applicant", "id_number"])).toEqual([]);
    expect(form.getFieldError(["phone"])).toEqual(["电话号码有误"]);
  });

  it("names the leaves of a changed-values object", () => {
    expect(changedPaths({ applicant: { name: "张三" }, situations: ["a"] })).toEqual([
      "applicant.name",
      "situations",
    ]);
  });
});
