/**
 * SQL fragments about the agent in `u` (users), shared by its status, routing and the monitor.
 * CONNECTED_SQL takes one parameter: the presence grace period in milliseconds.
 */
export const CONNECTED_SQL = `exists (select 1 from agent_connections c where c.user_id = u.id and c.last_heartbeat_at > now() - make_interval(secs => ?::float / 1000))`;

export const ACTIVE_CHATS_SQL = `(select count(*)::int from interactions i where i.agent_id = u.id and i.phase = 'IN_SERVICE')`;
