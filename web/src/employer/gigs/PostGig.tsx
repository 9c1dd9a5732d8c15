/** 发布用工: the shared gig form, in the employer's portal; a posted gig opens its page. */
import { Card } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { messageOf, post } from "../../shared/api.ts";
import type { Gig } from "../../shared/api-types.ts";
import { GigForm, type GigPosting } from "../../shared/gigs/GigForm.tsx";

export default function PostGig() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(posting: GigPosting) {
    setSaving(true);
    setError(null);
    try {
      const gig = await post<Gig>("/api/gigs", posting);
      navigate(`/employer/gigs/${gig.id}`);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={<h1>{t("gigForm.title")}</h1>} style={{ maxWidth: 900 }}>
      <GigForm onSubmit={submit} busy={saving} error={error} />
    </Card>
  );
}
