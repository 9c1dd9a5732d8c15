/** Sign-in for station staff (username and password). */
import { useLocation } from "react-router-dom";
import { StaffSignIn } from "../shared/StaffSignIn.tsx";
import { nextPath, useSession } from "../shared/session.tsx";

export default function SignIn() {
  const { me, base, refresh } = useSession();
  const target = nextPath(useLocation().search, base, base);
  return (
    <StaffSignIn
      me={me}
      refresh={refresh}
      allowed={(who) => who?.role === "station_staff"}
      target={target}
      texts="station.signIn"
      refusal="station.signIn.notStaff"
      className="lg-station-sign-in"
    />
  );
}
