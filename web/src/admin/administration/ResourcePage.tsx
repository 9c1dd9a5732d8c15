/**
 * The one shape of a 系统管理 list: a title with its add button, the list with edit (and on/off)
 * in each row, the city admin's district filter, and a drawer form to add or edit one item.
 * A page (stations, staff, categories) gives its columns, its form and its API calls.
 */
import "./administration.css";
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Drawer, Form, type FormInstance, message, Popconfirm, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminCategory, Staff, Station } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { administration } from "./api.ts";
import { ActiveTag, AdministrationTheme, DistrictFilter } from "./parts.tsx";

/** Switching an item off and on again (deactivate a station, disable an account). */
export interface Toggle<T> {
  run: (row: T) => Promise<unknown>;
  /** The button's words, the question before, and the message after, for the row as it is now. */
  label: (row: T) => string;
  confirm: (row: T) => string;
  done: (row: T) => string;
}

/** What each list holds; its name is also its words: admin.menu.<name>, admin.<name>.add|edit|empty. */
interface Lists {
  stations: Station;
  staff: Staff;
  categories: AdminCategory;
}
type Words = keyof Lists;

/** How a list's rows are told apart, paged, placed and shown in use or not; the same on every page showing it. */
interface ListShape<T> {
  rowKey: keyof T & string;
  /** Rows per page; without it the whole list shows. */
  pageSize?: number;
  /** Where a row belongs: the city admin can narrow the list to one district. */
  districtOf?: (row: T) => string | null;
  /** Whether a row is in use: shown as the status column. */
  activeOf?: (row: T) => boolean;
}

const SHAPES: { [W in Words]: ListShape<Lists[W]> } = {
  stations: { rowKey: "id", pageSize: 20, districtOf: (s) => s.districtCode, activeOf: (s) => s.active },
  staff: { rowKey: "id", pageSize: 20, districtOf: (s) => s.districtCode },
  categories: { rowKey: "code", activeOf: (c) => c.active },
};

interface ResourcePageProps<W extends Words, T = Lists[W]> {
  words: W;
  columns: ColumnsType<T>;
  toggle?: Toggle<T>;
  /** More buttons in a row, after edit. */
  actions?: (row: T) => ReactNode;
  /** The drawer form for a new item (null) or an existing one, in the frame the page gives. */
  drawer: (item: T | null, frame: DrawerFrame) => ReactNode;
  /** The page's own dialogs, in the same theme. */
  children?: ReactNode;
}

export function ResourcePage<W extends Words, T extends object = Lists[W]>(props: ResourcePageProps<W, T>) {
  const { t } = useTranslation();
  const { isCityAdmin } = useAdmin();
  const { toggle } = props;
  const shape = SHAPES[props.words] as unknown as ListShape<T>;
  const list = useResource(administration[props.words] as () => Promise<T[]>, []);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [district, setDistrict] = useState<string | undefined>();
  const [toast, holder] = message.useMessage();
  const switchOver = useAction(async (row: T) => toggle?.run(row));
  const districtOf = shape.districtOf;
  const rows = (list.data ?? []).filter((row) => !district || !districtOf || districtOf(row) === district);

  const onToggle = async (row: T) => {
    if (toggle && (await switchOver.run(row))) {
      toast.success(toggle.done(row));
      await list.reload();
    }
  };
  const saved = () => {
    toast.success(t("admin.administration.saved"));
    setEditing(null);
    void list.reload();
  };

  const activeOf = shape.activeOf;
  const status: ColumnsType<T> = activeOf
    ? [
        {
          title: t("admin.administration.status"),
          key: "status",
          render: (_, row) => <ActiveTag active={activeOf(row)} />,
        },
      ]
    : [];
  const actions: ColumnsType<T>[number] = {
    title: t("admin.administration.actions"),
    key: "actions",
    render: (_, row) => (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => setEditing(row)}>
          {t("admin.administration.edit")}
        </Button>
        {props.actions?.(row)}
        {toggle && (
          <Popconfirm title={toggle.confirm(row)} onConfirm={() => onToggle(row)}>
            <Button type="link" size="small">
              {toggle.label(row)}
            </Button>
          </Popconfirm>
        )}
      </Space>
    ),
  };

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle
        title={t(`admin.menu.${props.words}`)}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t(`admin.${props.words}.add`)}
          </Button>
        }
      />
      <ErrorAlert error={list.error} retry={() => void list.reload()} />
      <ErrorAlert error={switchOver.error} />
      <Card size="small">
        {isCityAdmin && districtOf && <DistrictFilter value={district} onChange={setDistrict} />}
        <Table<T>
          size="small"
          rowKey={shape.rowKey}
          loading={list.loading}
          dataSource={rows}
          pagination={shape.pageSize ? { pageSize: shape.pageSize, hideOnSinglePage: true } : false}
          locale={{ emptyText: t(`admin.${props.words}.empty`) }}
          columns={[...props.columns, ...status, actions]}
        />
      </Card>
      {editing &&
        props.drawer(editing === "new" ? null : editing, {
          words: props.words,
          isNew: editing === "new",
          onClose: () => setEditing(null),
          onSaved: saved,
        })}
      {props.children}
    </AdministrationTheme>
  );
}

/** What the list tells its drawer: whose words, new or not, and what to do when done. */
export interface DrawerFrame {
  words: Words;
  isNew: boolean;
  onClose: () => void;
  /** Closes the drawer, says so and reloads the list. */
  onSaved: () => void;
}

interface FormDrawerProps<V> extends DrawerFrame {
  form: FormInstance<V>;
  /** Saves the form's values; the button spins while busy, an error shows above the form. */
  save: { run: (values: V) => Promise<unknown>; busy: boolean; error: string | null };
  initialValues: Partial<V>;
  onValuesChange?: (changed: Partial<V>) => void;
  size?: number;
  children: ReactNode;
}

/** The drawer a list opens to add or edit one item: the form, its error, cancel and save. */
export function FormDrawer<V>(props: FormDrawerProps<V>) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      size={props.size ?? 480}
      title={t(`admin.${props.words}.${props.isNew ? "add" : "edit"}`)}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={props.save.busy} onClick={() => props.form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={props.save.error} />
      <Form<V>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onValuesChange={props.onValuesChange}
        onFinish={async (values) => {
          if (await props.save.run(values)) props.onSaved();
        }}
        requiredMark
      >
        {props.children}
      </Form>
    </Drawer>
  );
}

/** Columns that show a field as it is, titled admin.<words>.<field>. */
export function plainColumns<T>(t: TFunction, words: Words, fields: Array<keyof T & string>): ColumnsType<T> {
  return fields.map((field) => ({ title: t(`admin.${words}.${field}`), dataIndex: field }));
}
