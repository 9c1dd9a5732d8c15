/**
 * 工种目录 (city admin): the national base with the city's reference pay, order and whether it is
 * offered, and the city's own categories with their national occupation code and pay unit.
 */
import { Alert, Form, InputNumber, Select, Switch, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminCategory } from "../../shared/api-types.ts";
import { yuan } from "../../shared/format.ts";
import { useAction } from "../../shared/useResource.ts";
import { administration } from "./api.ts";
import { CodeField, choices, TextField } from "./fields.tsx";
import { type DrawerFrame, FormDrawer, plainColumns, ResourcePage } from "./ResourcePage.tsx";

/** The form edits pay in yuan; the API keeps fen. */
type CategoryForm = Omit<AdminCategory, "referenceDailyPayFen" | "origin"> & {
  referenceDailyPayYuan: number;
};

export default function CategoriesPage() {
  const { t } = useTranslation();
  return (
    <ResourcePage
      words="categories"
      drawer={(category, frame) => <CategoryDrawer category={category} frame={frame} />}
      columns={[
        { title: t("admin.categories.sortOrder"), dataIndex: "sortOrder", align: "right", width: 70 },
        ...plainColumns<AdminCategory>(t, "categories", ["nameZh", "nameEn", "code", "occupationCode"]),
        { title: t("admin.categories.occupationGroup"), dataIndex: "occupationGroup", align: "right" },
        {
          title: t("admin.categories.defaultPayUnit"),
          dataIndex: "defaultPayUnit",
          render: (unit: string) => t(`admin.categories.units.${unit}`),
        },
        {
          title: t("admin.categories.referenceDailyPay"),
          dataIndex: "referenceDailyPayFen",
          align: "right",
          render: (fen: number) => yuan(fen),
        },
        {
          title: t("admin.categories.origin"),
          dataIndex: "origin",
          render: (origin: AdminCategory["origin"]) => (
            <Tag color={origin === "city" ? "blue" : undefined}>
              {t(`admin.categories.origins.${origin}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

function CategoryDrawer({ category, frame }: { category: AdminCategory | null; frame: DrawerFrame }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CategoryForm>();
  // The country's names and codes are not the city's to change (the server refuses it too).
  const national = category?.origin === "national";
  const save = useAction(({ referenceDailyPayYuan, ...values }: CategoryForm) => {
    const input = { ...values, referenceDailyPayFen: Math.round(referenceDailyPayYuan * 100) };
    if (!category) return administration.createCategory(input);
    if (national) {
      const { referenceDailyPayFen, sortOrder, active } = input;
      return administration.updateCategory(category.code, { referenceDailyPayFen, sortOrder, active });
    }
    const { code: _code, ...changes } = input;
    return administration.updateCategory(category.code, changes);
  });
  const initial: Partial<CategoryForm> = category
    ? { ...withoutOrigin(category), referenceDailyPayYuan: category.referenceDailyPayFen / 100 }
    : { defaultPayUnit: "day", sortOrder: 100, active: true };

  // The major group (大类) is the occupation code's first digit; fill it in as the code is typed.
  const onValuesChange = (changed: Partial<CategoryForm>) => {
    const first = Number(changed.occupationCode?.[0]);
    if (first >= 1 && first <= 8) form.setFieldsValue({ occupationGroup: first });
  };

  return (
    <FormDrawer<CategoryForm>
      {...frame}
      form={form}
      save={save}
      initialValues={initial}
      onValuesChange={onValuesChange}
    >
      {national && (
        <Alert type="info" showIcon title={t("admin.categories.nationalNote")} style={{ marginBottom: 16 }} />
      )}
      <CodeField
        name="code"
        label={t("admin.categories.code")}
        help={t("admin.categories.codeHelp")}
        pattern={/^[a-z][a-z0-9_]{1,39}$/}
        disabled={Boolean(category)}
      />
      <TextField name="nameZh" label={t("admin.categories.nameZh")} max={20} disabled={national} />
      <TextField name="nameEn" label={t("admin.categories.nameEn")} max={40} disabled={national} />
      <CodeField
        name="occupationCode"
        label={t("admin.categories.occupationCode")}
        help={t("admin.categories.occupationCodeHelp")}
        pattern={/^\d-\d{2}-\d{2}-\d{2}$/}
        placeholder="4-11-01-00"
        disabled={national}
      />
      <Form.Item
        name="occupationGroup"
        label={t("admin.categories.occupationGroup")}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={8} precision={0} disabled={national} />
      </Form.Item>
      <Form.Item
        name="defaultPayUnit"
        label={t("admin.categories.defaultPayUnit")}
        rules={[{ required: true }]}
      >
        <Select
          options={choices(t, "admin.categories.units", ["day", "hour", "piece"])}
          disabled={national}
        />
      </Form.Item>
      <Form.Item
        name="referenceDailyPayYuan"
        label={t("admin.categories.referenceDailyPay")}
        extra={t("admin.categories.referenceDailyPayHelp")}
        rules={[{ required: true }]}
      >
        <InputNumber min={10} max={5000} precision={0} prefix="¥" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t("admin.categories.sortOrder")} rules={[{ required: true }]}>
        <InputNumber min={0} max={9999} precision={0} />
      </Form.Item>
      <Form.Item name="active" label={t("admin.categories.activeLabel")} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}

function withoutOrigin({ origin: _origin, ...rest }: AdminCategory) {
  return rest;
}
