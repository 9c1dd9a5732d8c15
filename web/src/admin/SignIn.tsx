/** Sign-in for the city and district bureaus' staff (username and password). */
import { useLocation } from "react-router-dom";
import { StaffSignIn } from "../shared/StaffSignIn.tsx";
import { ADMIN_BASE, isAdmin, useAdmin } from "./session.tsx";

export default function SignIn() {
  const { me, refresh } = useAdmin();
  const next = new URLSearchParams(useLocation().search).get("next");
  const target =
    next?.startsWith(ADMIN_BASE) && !next.startsWith(`${ADMIN_BASE}/sign-in`) ? next : ADMIN_BASE;
  return (
    <StaffSignIn
      me={me}
      refresh={refresh}
      allowed={isAdmin}
      target={target}
      texts="admin.signIn"
      refusal="admin.signIn.notAdmin"
      className="lg-admin-sign-in"
    />
  );
}
