/**
 * The custom trays the person in `u` (users) may see, granted directly or through a team. One
 * fragment for every reader, so the sessions, the access reload and routing agree.
 */
export const CUSTOM_TRAY_IDS_SQL = `coalesce((select array_agg(distinct ta.tray_id) from tray_access ta
   where ta.user_id = u.id or ta.team_id in (select team_id from user_teams where user_id = u.id)), '{}')`;
