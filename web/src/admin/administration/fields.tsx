/** Form fields the 系统管理 drawers share. */
import { Form, Input } from "antd";
import type { TFunction } from "i18next";

/** A required line of text, not blank, at most `max` characters. */
export function TextField({
  name,
  label,
  max,
  disabled,
}: {
  name: string;
  label: string;
  max: number;
  disabled?: boolean;
}) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, max }]}>
      <Input disabled={disabled} />
    </Form.Item>
  );
}

/** A required code typed to a pattern; the help under the field says what the pattern wants. */
export function CodeField(props: {
  name: string;
  label: string;
  help: string;
  pattern: RegExp;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      extra={props.help}
      rules={[{ required: true }, { pattern: props.pattern, message: props.help }]}
    >
      <Input placeholder={props.placeholder} disabled={props.disabled} />
    </Form.Item>
  );
}

/** Options for a fixed list of values, labelled by `<prefix>.<value>`. */
export function choices<V extends string>(t: TFunction, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
