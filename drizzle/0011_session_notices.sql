-- Every server instance keeps the sessions it has checked in memory (src/accounts/session-cache.ts).
-- Whatever changes who a session belongs to or whether it still counts (sign-out, revocation, an
-- account disabled, a role, district or station changed, an account closed) says so on the
-- sessions_changed channel, with the account's id, from the database itself: no code path can
-- forget, and the notice goes out when the change commits.
CREATE OR REPLACE FUNCTION linggong_session_changed() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('sessions_changed', OLD.id::text);
  ELSE
    PERFORM pg_notify('sessions_changed', OLD.user_id::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_session_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION linggong_session_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_session_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION linggong_session_changed();
