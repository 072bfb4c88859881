import type { DirectoryPart } from '../../gql/graphql';

/**
 * The root fields of the queries that show each directory, so a change to one reads again exactly the
 * lists that show it. Whatever a list shows of another directory counts too: people's lists show
 * their teams, transfer targets are trays, people and teams.
 */
const FIELDS: Record<DirectoryPart, readonly string[]> = {
  USER: ['users', 'supervisors', 'campaignMembers', 'teams', 'transferTargets', 'skillUsage'],
  TEAM: ['teams', 'users', 'transferTargets'],
  CAMPAIGN: ['campaigns', 'campaign', 'campaignMembers', 'transferTargets'],
  SECURITY_GROUP: ['securityGroups', 'campaigns', 'users'],
  PAUSE_REASON: ['pauseReasons'],
  TRAY: ['trays', 'transferTargets'],
  TRAY_ACCESS: ['trays', 'trayAccess', 'transferTargets'],
  TAG: ['tags', 'tagUsage'],
  SKILL: ['skills', 'skillUsage'],
  CANNED_RESPONSE: ['cannedResponses'],
};

export const EVERY_PART = Object.keys(FIELDS) as DirectoryPart[];

/** The root fields to read again after these parts changed, each once. */
export const fieldsFor = (parts: readonly DirectoryPart[]): string[] => [...new Set(parts.flatMap((part) => FIELDS[part]))];
