/** 工种目录 (city admin): categories with their national occupation code, pay unit and reference pay. */
import "./administration.css";
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  message,
  Select,
  Space,
  Switch,
  Table,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminCategory } from "../../shared/api-types.ts";
import { yuan } from "../../shared/format.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../PageTitle.tsx";
import { administration } from "./api.ts";
import { ActiveTag, AdministrationTheme, ErrorAlert } from "./parts.tsx";

/** The form edits pay in yuan; the API keeps fen. */
type CategoryForm = Omit<AdminCategory, "referenceDailyPayFen"> & { referenceDailyPayYuan: number };

export default function CategoriesPage() {
  const { t } = useTranslation();
  const list = useResource(administration.categories, []);
  const [editing, setEditing] = useState<AdminCategory | "new" | null>(null);
  const [toast, holder] = message.useMessage();

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle
        title={t("admin.menu.categories")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("admin.categories.add")}
          </Button>
        }
      />
      <ErrorAlert error={list.error} retry={() => void list.reload()} />
      <Card size="small">
        <Table<AdminCategory>
          size="small"
          rowKey="code"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: t("admin.categories.empty") }}
          columns={[
            { title: t("admin.categories.sortOrder"), dataIndex: "sortOrder", align: "right", width: 70 },
            { title: t("admin.categories.nameZh"), dataIndex: "nameZh" },
            { title: t("admin.categories.nameEn"), dataIndex: "nameEn" },
            { title: t("admin.categories.code"), dataIndex: "code" },
            { title: t("admin.categories.occupationCode"), dataIndex: "occupationCode" },
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
              title: t("admin.administration.status"),
              dataIndex: "active",
              render: (active: boolean) => <ActiveTag active={active} />,
            },
            {
              title: t("admin.administration.actions"),
              key: "actions",
              render: (_, c) => (
                <Button type="link" size="small" onClick={() => setEditing(c)}>
                  {t("admin.administration.edit")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <CategoryDrawer
          category={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            toast.success(t("admin.administration.saved"));
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </AdministrationTheme>
  );
}

function CategoryDrawer({
  category,
  onClose,
  onSaved,
}: {
  category: AdminCategory | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CategoryForm>();
  const save = useAction(({ referenceDailyPayYuan, ...values }: CategoryForm) => {
    const input = { ...values, referenceDailyPayFen: Math.round(referenceDailyPayYuan * 100) };
    if (!category) return administration.createCategory(input);
    const { code: _code, ...changes } = input;
    return administration.updateCategory(category.code, changes);
  });
  const initial: Partial<CategoryForm> = category
    ? { ...category, referenceDailyPayYuan: category.referenceDailyPayFen / 100 }
    : { defaultPayUnit: "day", sortOrder: 100, active: true };

  // The major group (大类) is the occupation code's first digit; fill it in as the code is typed.
  const onValuesChange = (changed: Partial<CategoryForm>) => {
    const first = Number(changed.occupationCode?.[0]);
    if (first >= 1 && first <= 8) form.setFieldsValue({ occupationGroup: first });
  };

  return (
    <Drawer
      open
      size={480}
      title={category ? t("admin.categories.edit") : t("admin.categories.add")}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.busy} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {save.error && (
        <Alert type="error" showIcon role="alert" title={save.error} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={async (values) => {
          if (await save.run(values)) onSaved();
        }}
      >
        <Form.Item
          name="code"
          label={t("admin.categories.code")}
          extra={t("admin.categories.codeHelp")}
          rules={[
            { required: true },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t("admin.categories.codeHelp") },
          ]}
        >
          <Input disabled={Boolean(category)} />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t("admin.categories.nameZh")}
          rules={[{ required: true, whitespace: true, max: 20 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t("admin.categories.nameEn")}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="occupationCode"
          label={t("admin.categories.occupationCode")}
          extra={t("admin.categories.occupationCodeHelp")}
          rules={[
            { required: true },
            { pattern: /^\d-\d{2}-\d{2}-\d{2}$/, message: t("admin.categories.occupationCodeHelp") },
          ]}
        >
          <Input placeholder="4-11-01-00" />
        </Form.Item>
        <Form.Item
          name="occupationGroup"
          label={t("admin.categories.occupationGroup")}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={8} precision={0} />
        </Form.Item>
        <Form.Item
          name="defaultPayUnit"
          label={t("admin.categories.defaultPayUnit")}
          rules={[{ required: true }]}
        >
          <Select
            options={(["day", "hour", "piece"] as const).map((u) => ({
              value: u,
              label: t(`admin.categories.units.${u}`),
            }))}
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
      </Form>
    </Drawer>
  );
}
