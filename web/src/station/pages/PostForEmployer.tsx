/** 代发岗位: an employer phoned in; staff find them by name and post the gig on their behalf. */
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Row,
  Select,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { get, post } from "../../shared/api.ts";
import type { EmployerMatch, Gig, PayUnit, Settlement } from "../../shared/api-types.ts";
import { localDate, shanghaiToIso } from "../../shared/format.ts";
import { categoryName, useReference } from "../../shared/reference.ts";
import { useSession } from "../../shared/session.tsx";
import { useAction } from "../../shared/useResource.ts";
import { PageTitle } from "../parts.tsx";

interface Values {
  title: string;
  categoryCode: string;
  districtCode: string;
  address: string;
  lat: number;
  lng: number;
  date: string;
  startTime: string;
  endTime: string;
  headcount: number;
  payYuan: number;
  payUnit: PayUnit;
  settlement: Settlement;
  description?: string;
  requirements?: string;
}

function tomorrow(): string {
  return localDate(new Date(Date.now() + 86_400_000));
}

function EmployerSearch({ onChoose }: { onChoose: (e: EmployerMatch) => void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<EmployerMatch[] | null>(null);
  const search = useAction((q: string) => get<EmployerMatch[]>("/api/stations/employers", { q }));
  const run = async (q: string) => {
    if (!q.trim()) return;
    const result = await search.run(q.trim());
    if (result) setFound(result.value);
  };
  return (
    <Card title={<h2>{t("station.post.findEmployer")}</h2>} className="lg-station-form">
      <Input.Search
        size="large"
        aria-label={t("station.post.findEmployer")}
        placeholder={t("station.post.employerPlaceholder")}
        enterButton={t("station.post.search")}
        loading={search.busy}
        onSearch={(q) => void run(q)}
      />
      {search.error && (
        <Alert type="error" showIcon role="alert" title={search.error} style={{ marginTop: 16 }} />
      )}
      {found && found.length === 0 && <Empty description={t("station.post.noEmployer")} />}
      {found && found.length > 0 && (
        <List
          dataSource={found}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Button key="choose" type="primary" onClick={() => onChoose(e)}>
                  {t("station.post.choose")}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {e.name}{" "}
                    <Tag color={e.verification === "verified" ? "green" : "default"}>
                      {e.verification === "verified"
                        ? t("station.post.verified")
                        : t("station.post.unverified")}
                    </Tag>
                  </span>
                }
                description={[e.contactName, e.phone].filter(Boolean).join(" · ")}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function PostForEmployer() {
  const { t } = useTranslation();
  const reference = useReference();
  const me = useSession().me;
  const [employer, setEmployer] = useState<EmployerMatch | null>(null);
  const [posted, setPosted] = useState<Gig | null>(null);
  const [form] = Form.useForm<Values>();
  const action = useAction(async (values: Values) => {
    const gig = await post<Gig>("/api/gigs", {
      employerId: employer?.id,
      title: values.title.trim(),
      categoryCode: values.categoryCode,
      districtCode: values.districtCode,
      address: values.address.trim(),
      lat: values.lat,
      lng: values.lng,
      startsAt: shanghaiToIso(values.date, values.startTime),
      endsAt: shanghaiToIso(values.date, values.endTime),
      headcount: values.headcount,
      payFen: Math.round(values.payYuan * 100),
      payUnit: values.payUnit,
      settlement: values.settlement,
      description: values.description ?? "",
      requirements: values.requirements ?? "",
    });
    await post("/api/stations/service-records", {
      kind: "gig_posted_for_employer",
      note: `${employer?.name ?? ""}：${gig.title}`,
    }).catch(() => undefined);
    return gig;
  });

  const divisions = reference.data?.divisions ?? [];
  const placeOf = (code: string) => divisions.find((d) => d.code === code);
  const home = placeOf(me?.districtCode ?? "") ?? divisions[0];

  if (posted)
    return (
      <>
        <PageTitle title={t("station.post.title")} />
        <Card>
          <Result
            status="success"
            title={t("station.post.posted")}
            subTitle={`${posted.employer.name} · ${posted.title}`}
            extra={[
              <Link key="slip" to={`../slip/${posted.id}`} relative="path">
                <Button type="primary" size="large">
                  {t("station.post.printSlip")}
                </Button>
              </Link>,
              <Button key="again" size="large" onClick={() => setPosted(null)}>
                {t("station.post.postAnother")}
              </Button>,
            ]}
          />
        </Card>
      </>
    );

  if (!employer)
    return (
      <>
        <PageTitle title={t("station.post.title")} hint={t("station.post.hint")} />
        <EmployerSearch onChoose={setEmployer} />
      </>
    );

  const required = (field: string) => [{ required: true, message: t("station.required", { field }) }];
  const submit = async (values: Values) => {
    const result = await action.run(values);
    if (result) setPosted(result.value);
  };

  return (
    <>
      <PageTitle
        title={t("station.post.chosen", { name: employer.name })}
        extra={<Button onClick={() => setEmployer(null)}>{t("station.post.change")}</Button>}
      />
      <Card className="lg-station-form">
        {action.error && (
          <Alert type="error" showIcon role="alert" title={action.error} style={{ marginBottom: 16 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          size="large"
          onFinish={submit}
          initialValues={{
            districtCode: home?.code,
            lat: home?.centerLat,
            lng: home?.centerLng,
            date: tomorrow(),
            startTime: "08:00",
            endTime: "17:00",
            headcount: 1,
            payUnit: "day",
            settlement: "same_day",
          }}
          onValuesChange={(changed: Partial<Values>) => {
            const place = changed.districtCode ? placeOf(changed.districtCode) : undefined;
            if (place) form.setFieldsValue({ lat: place.centerLat, lng: place.centerLng });
          }}
        >
          <Form.Item
            label={t("station.post.gigTitle")}
            name="title"
            rules={required(t("station.post.gigTitle"))}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                label={t("station.post.category")}
                name="categoryCode"
                rules={required(t("station.post.category"))}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(reference.data?.categories ?? []).map((c) => ({
                    value: c.code,
                    label: categoryName(reference.data, c.code),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={t("station.post.district")}
                name="districtCode"
                rules={required(t("station.post.district"))}
              >
                <Select options={divisions.map((d) => ({ value: d.code, label: d.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t("station.post.address")}
            name="address"
            rules={required(t("station.post.address"))}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t("station.post.lat")} name="lat" rules={required(t("station.post.lat"))}>
                <InputNumber step={0.001} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t("station.post.lng")} name="lng" rules={required(t("station.post.lng"))}>
                <InputNumber step={0.001} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t("station.post.date")} name="date" rules={required(t("station.post.date"))}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                label={t("station.post.start")}
                name="startTime"
                rules={required(t("station.post.start"))}
              >
                <Input type="time" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t("station.post.end")} name="endTime" rules={required(t("station.post.end"))}>
                <Input type="time" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                label={t("station.post.headcount")}
                name="headcount"
                rules={required(t("station.post.headcount"))}
              >
                <InputNumber min={1} max={500} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t("station.post.pay")} name="payYuan" rules={required(t("station.post.pay"))}>
                <InputNumber min={1} max={100000} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t("station.post.payUnit")} name="payUnit">
                <Select
                  options={(["day", "hour", "piece"] as const).map((u) => ({
                    value: u,
                    label: t(`station.post.unit.${u}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t("station.post.settlement")} name="settlement">
            <Radio.Group>
              <Radio value="same_day">{t("station.post.sameDay")}</Radio>
              <Radio value="on_completion">{t("station.post.onCompletion")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t("station.post.description")} name="description">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t("station.post.requirements")} name="requirements">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.busy}>
            {t("station.post.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
